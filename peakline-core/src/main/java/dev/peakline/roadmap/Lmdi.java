package dev.peakline.roadmap;

import dev.peakline.problems.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * LMDI-I decomposition (Ang 2005, "The LMDI approach to decomposition analysis: a practical guide", Energy Policy 33,
 * eqs. 4–5): an aggregate V = Σᵢ Vᵢ with Vᵢ = Πₖ xₖ,ᵢ changes from V⁰ to Vᵀ; the additive effect of factor k is
 * ΔVₓₖ = Σᵢ L(Vᵢᵀ, Vᵢ⁰) ln(xₖ,ᵢᵀ / xₖ,ᵢ⁰) and the multiplicative one Dₓₖ = exp(Σᵢ L(Vᵢᵀ, Vᵢ⁰) / L(Vᵀ, V⁰) · ln(xₖ,ᵢᵀ /
 * xₖ,ᵢ⁰)), with the logarithmic mean L(a, b) = (a − b) / (ln a − ln b), L(a, a) = a. The effects add up to Vᵀ − V⁰ and
 * multiply to Vᵀ / V⁰ exactly (up to rounding).
 *
 * <p>Zero values take the analytical limits of the terms (Wood and Lenzen 2006, Energy Policy 34, 1326–1331; Ang and
 * Liu 2007): a category absent in one year (Vᵢ = 0 then) contributes nothing to the factors that did not become zero,
 * and its whole change Vᵢᵀ − Vᵢ⁰ to the factors that are zero in that year (shared equally when several are), which is
 * the limit the small-value substitution δ → 0 converges to. A total of zero in either year has no multiplicative form:
 * D is then undefined (NaN) and only the additive effects are given.
 */
public final class Lmdi {
    /** Larger factors are typing errors (a product of a few of them would overflow). */
    static final double ABSURD = 1e30;

    private Lmdi() {}

    /** One observation: a category's factor in a year. */
    public record Value(int year, String category, String factor, double value, int row) {}

    /** The effect of one factor (or of the total, factor {@code TOTAL}) between two consecutive years. */
    public record Effect(int fromYear, int toYear, String factor, double additive, double multiplicative) {}

    /** The effects, or the problems found (never both). */
    public record Result(List<Effect> effects, List<Problem> problems) {}

    /** The logarithmic mean. */
    static double logMean(double a, double b) {
        if (a == b) {
            return a;
        }
        return (a - b) / (Math.log(a) - Math.log(b));
    }

    /** Decomposes every consecutive pair of years of the values; problems name the row and column. */
    public static Result decompose(String source, List<Value> values) {
        List<Problem> problems = new ArrayList<>();
        // year → category → factor → value
        TreeMap<Integer, Map<String, Map<String, Double>>> data = new TreeMap<>();
        Set<String> factors = new LinkedHashSet<>();
        for (Value v : values) {
            if (!Double.isFinite(v.value())) {
                problems.add(Problem.at("lmdi.value", source, v.row(), "value", "the value is not a finite number"));
                continue;
            }
            if (v.value() > ABSURD) {
                problems.add(Problem.at(
                        "lmdi.absurd",
                        source,
                        v.row(),
                        "value",
                        v.value() + " is implausibly large for a factor (above 1e30): check the unit"));
                continue;
            }
            if (v.year() < 1949 || v.year() > 2100) {
                problems.add(
                        Problem.at("lmdi.year", source, v.row(), "year", "year " + v.year() + " is outside 1949–2100"));
                continue;
            }
            if (v.value() < 0) {
                problems.add(Problem.at(
                        "lmdi.negative",
                        source,
                        v.row(),
                        "value",
                        v.value() + " is negative: LMDI takes logarithms of factors, which are zero or positive"));
                continue;
            }
            if (v.factor().equals("TOTAL")) {
                problems.add(Problem.at(
                        "lmdi.factor", source, v.row(), "factor", "TOTAL is the output's name for the aggregate"));
                continue;
            }
            factors.add(v.factor());
            Double had = data.computeIfAbsent(v.year(), y -> new TreeMap<>())
                    .computeIfAbsent(v.category(), c -> new LinkedHashMap<>())
                    .put(v.factor(), v.value());
            if (had != null) {
                problems.add(Problem.at(
                        "lmdi.duplicate",
                        source,
                        v.row(),
                        "factor",
                        "year " + v.year() + ", category " + v.category() + " has factor " + v.factor() + " twice"));
            }
        }
        if (data.size() < 2 && problems.isEmpty()) {
            problems.add(Problem.at("lmdi.years", source, 0, "year", "at least two years are needed"));
        }
        // every category of every year carries every factor
        Integer previous = null;
        for (var y : data.entrySet()) {
            for (var c : y.getValue().entrySet()) {
                for (String f : factors) {
                    if (!c.getValue().containsKey(f)) {
                        problems.add(Problem.at(
                                "lmdi.missing",
                                source,
                                0,
                                "factor",
                                "year " + y.getKey() + ", category " + c.getKey() + " has no value of factor " + f));
                    }
                }
            }
            if (previous != null && y.getKey() != previous + 1) {
                problems.add(Problem.at(
                        "lmdi.gap",
                        source,
                        0,
                        "year",
                        "the years jump from " + previous + " to " + y.getKey() + ": year " + (previous + 1)
                                + " is missing"));
            }
            previous = y.getKey();
        }
        if (!problems.isEmpty()) {
            return new Result(List.of(), List.copyOf(problems));
        }
        List<Effect> out = new ArrayList<>();
        Integer from = null;
        for (int year : data.keySet()) {
            if (from != null) {
                out.addAll(pair(from, year, data.get(from), data.get(year), factors));
            }
            from = year;
        }
        return new Result(out, List.of());
    }

    private static List<Effect> pair(
            int y0,
            int yT,
            Map<String, Map<String, Double>> d0,
            Map<String, Map<String, Double>> dT,
            Set<String> factors) {
        Set<String> categories = new LinkedHashSet<>(d0.keySet());
        categories.addAll(dT.keySet());
        Map<String, Double> additive = new LinkedHashMap<>();
        Map<String, Double> weighted = new LinkedHashMap<>();
        factors.forEach(f -> {
            additive.put(f, 0.0);
            weighted.put(f, 0.0);
        });
        double v0 = 0;
        double vT = 0;
        Map<String, double[]> aggregates = new LinkedHashMap<>();
        for (String c : categories) {
            double a0 = product(d0.get(c), factors);
            double aT = product(dT.get(c), factors);
            aggregates.put(c, new double[] {a0, aT});
            v0 += a0;
            vT += aT;
        }
        double lTotal = v0 > 0 && vT > 0 ? logMean(vT, v0) : Double.NaN;
        for (String c : categories) {
            double a0 = aggregates.get(c)[0];
            double aT = aggregates.get(c)[1];
            if (a0 == 0 && aT == 0) {
                continue;
            }
            if (a0 > 0 && aT > 0) {
                double w = logMean(aT, a0);
                for (String f : factors) {
                    double term = w * Math.log(d(dT, c, f) / d(d0, c, f));
                    additive.merge(f, term, Double::sum);
                    weighted.merge(f, term / lTotal, Double::sum);
                }
                continue;
            }
            // the analytical limit: the change goes to the factors that are zero in the year the category is empty
            Map<String, Map<String, Double>> empty = a0 == 0 ? d0 : dT;
            List<String> zero = new ArrayList<>();
            for (String f : factors) {
                if (empty.get(c) == null || d(empty, c, f) == 0) {
                    zero.add(f);
                }
            }
            for (String f : zero) {
                double share = (aT - a0) / zero.size();
                additive.merge(f, share, Double::sum);
                weighted.merge(f, share / lTotal, Double::sum);
            }
        }
        List<Effect> out = new ArrayList<>();
        for (String f : factors) {
            out.add(new Effect(
                    y0, yT, f, additive.get(f), Double.isNaN(lTotal) ? Double.NaN : Math.exp(weighted.get(f))));
        }
        out.add(new Effect(y0, yT, "TOTAL", vT - v0, v0 > 0 ? vT / v0 : Double.NaN));
        return out;
    }

    private static double d(Map<String, Map<String, Double>> data, String category, String factor) {
        Map<String, Double> c = data.get(category);
        return c == null ? 0 : c.getOrDefault(factor, 0.0);
    }

    private static double product(Map<String, Double> category, Set<String> factors) {
        if (category == null) {
            return 0;
        }
        double p = 1;
        for (String f : factors) {
            p *= category.getOrDefault(f, 0.0);
        }
        return p;
    }
}
