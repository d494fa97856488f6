package dev.peakline.targets;

import dev.peakline.problems.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splitting a parent's target among its children (province → cities → counties) and checking that the children add
 * up to the parent.
 *
 * <p>Consistency, with the children's base-year figures (docs/methodology.md §Decomposition):
 *
 * <ul>
 *   <li>caps (CARBON_TOTAL, ENERGY_TOTAL): Σ children's caps ≤ the parent's cap;
 *   <li>intensity reductions: the implied parent reduction 1 − Σ E_c (1 − r_c) ÷ Σ E_c, with E_c the child's base-year
 *       CO2 (or energy), must be ≥ the parent's reduction. This is the parent's intensity change when each child's
 *       intensity falls by r_c and the children's shares of GDP stay as in the base year;
 *   <li>the non-fossil share: Σ energy_c × s_c ÷ Σ energy_c ≥ the parent's share, weighting by base-year energy;
 * </ul>
 *
 * and every child carries the parent's indicator, base year and target year.
 */
public final class Decomposition {
    private Decomposition() {}

    /** How to propose children's values. */
    public enum Method {
        /** Every child gets the parent's reduction or share; caps split in proportion to base-year figures. */
        UNIFORM
    }

    /** The children's targets proposed for a parent, keyed like {@code baseFigures}. */
    public static Map<String, Target> propose(Target parent, Map<String, Figures> baseFigures) {
        Map<String, Target> out = new LinkedHashMap<>();
        double sum = 0;
        for (Figures f : baseFigures.values()) {
            sum += parent.indicator() == Indicator.CARBON_TOTAL ? f.co2() : f.energy();
        }
        for (Map.Entry<String, Figures> e : baseFigures.entrySet()) {
            double v = parent.value();
            if (!parent.indicator().reduction() && parent.indicator() != Indicator.NON_FOSSIL_SHARE) {
                double own = parent.indicator() == Indicator.CARBON_TOTAL
                        ? e.getValue().co2()
                        : e.getValue().energy();
                v = sum > 0 ? parent.value() * own / sum : Double.NaN;
            }
            out.put(e.getKey(), new Target(parent.indicator(), parent.baseYear(), parent.targetYear(), v));
        }
        return out;
    }

    /** The implied parent value of the children's targets (see the class comment); NaN when weights are missing. */
    public static double implied(Indicator indicator, Map<String, Target> children, Map<String, Figures> baseFigures) {
        double num = 0;
        double den = 0;
        for (Map.Entry<String, Target> e : children.entrySet()) {
            Figures f = baseFigures.get(e.getKey());
            double v = e.getValue().value();
            switch (indicator) {
                case CARBON_TOTAL, ENERGY_TOTAL -> num += v;
                case CARBON_INTENSITY, ENERGY_INTENSITY -> {
                    if (f == null) {
                        return Double.NaN;
                    }
                    double w = indicator == Indicator.CARBON_INTENSITY ? f.co2() : f.energy();
                    num += w * (1 - v);
                    den += w;
                }
                case NON_FOSSIL_SHARE -> {
                    if (f == null) {
                        return Double.NaN;
                    }
                    num += f.energy() * v;
                    den += f.energy();
                }
            }
        }
        return switch (indicator) {
            case CARBON_TOTAL, ENERGY_TOTAL -> num;
            case CARBON_INTENSITY, ENERGY_INTENSITY -> den > 0 ? 1 - num / den : Double.NaN;
            case NON_FOSSIL_SHARE -> den > 0 ? num / den : Double.NaN;
        };
    }

    /** Problems with a decomposition; empty when the children are consistent with the parent. */
    public static List<Problem> check(
            Target parent, Map<String, Target> children, Map<String, Figures> baseFigures, List<String> expected) {
        List<Problem> out = new ArrayList<>();
        for (String child : expected) {
            if (!children.containsKey(child)) {
                out.add(Problem.at("decomposition.missing", child, 0, "region", "no target for " + child));
            }
        }
        for (Map.Entry<String, Target> e : children.entrySet()) {
            Target c = e.getValue();
            if (c.indicator() != parent.indicator()
                    || c.baseYear() != parent.baseYear()
                    || c.targetYear() != parent.targetYear()) {
                out.add(Problem.at(
                        "decomposition.mismatch",
                        e.getKey(),
                        0,
                        "target",
                        "child target " + c.indicator() + " " + c.baseYear() + "–" + c.targetYear()
                                + " does not match the parent's " + parent.indicator() + " " + parent.baseYear() + "–"
                                + parent.targetYear()));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        double implied = implied(parent.indicator(), children, baseFigures);
        if (Double.isNaN(implied)) {
            out.add(Problem.at(
                    "decomposition.figures",
                    "decomposition",
                    0,
                    "baseYear",
                    "base-year figures of every child are needed to check the decomposition"));
            return out;
        }
        boolean cap = parent.indicator() == Indicator.CARBON_TOTAL || parent.indicator() == Indicator.ENERGY_TOTAL;
        // a relative tolerance of 1e-9 absorbs floating-point noise, so an exact split is consistent
        double tol = 1e-9 * Math.max(1, Math.abs(parent.value()));
        boolean ok = cap ? implied <= parent.value() + tol : implied >= parent.value() - tol;
        if (!ok) {
            out.add(Problem.at(
                    "decomposition.inconsistent",
                    "decomposition",
                    0,
                    "value",
                    String.format(
                            java.util.Locale.ROOT,
                            "the children imply %s %.6g, the parent requires %s %.6g",
                            parent.indicator(),
                            implied,
                            cap ? "at most" : "at least",
                            parent.value())));
        }
        return out;
    }
}
