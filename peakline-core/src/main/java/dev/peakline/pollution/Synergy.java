package dev.peakline.pollution;

import java.util.Map;

/**
 * 减污降碳协同 of a measure or a subject between two periods (before → after), by the metrics of the co-control literature
 * (毛显强, 邢有凯 et al., 中国环境管理 2020, 12(4)); which to use is the analyst's choice, each documented:
 *
 * <ul>
 *   <li>air pollutants aggregated as pollution equivalents, AP = Σ E_j / v_j, with the 环境保护税法 values ({@link
 *       EnvironmentalTax});
 *   <li>the co-control coordinates (ΔAP, ΔCO2), reductions positive, and their quadrant: I both cut (synergy), II
 *       pollutants cut while CO2 rises (e.g. desulphurisation's own energy use), III both rise, IV CO2 cut while
 *       pollutants rise;
 *   <li>the cross-elasticity Els = (ΔCO2 / CO2) / (ΔAP / AP), changes relative to before: above 1 the measure cuts CO2
 *       proportionally more than pollutants, between 0 and 1 less, below 0 in opposite directions;
 *   <li>the coupling-coordination degree of two normalised subsystem scores U₁ (pollution reduction) and U₂ (carbon
 *       reduction) in [0, 1]: C = 2√(U₁U₂) / (U₁ + U₂), T = αU₁ + βU₂ (α + β = 1), D = √(C·T).
 * </ul>
 */
public final class Synergy {
    private Synergy() {}

    /** Pollution equivalents of air emissions given in kg by pollutant name or formula. */
    public static double airEquivalents(Map<String, Double> kgByPollutant) {
        double eq = 0;
        for (var e : kgByPollutant.entrySet()) {
            EnvironmentalTax.Pollutant p = EnvironmentalTax.shipped()
                    .find("air", e.getKey())
                    .orElseThrow(() -> new IllegalArgumentException("'" + e.getKey() + "' is not an air pollutant"));
            eq += e.getValue() / p.kgPerEquivalent();
        }
        return eq;
    }

    /** A measure's effect: reductions (before − after), the quadrant and the cross-elasticity. */
    public record Effect(double co2Cut, double apCut, int quadrant, double elasticity) {}

    public static Effect effect(double co2Before, double co2After, double apBefore, double apAfter) {
        double co2Cut = co2Before - co2After;
        double apCut = apBefore - apAfter;
        int quadrant = apCut >= 0 ? (co2Cut >= 0 ? 1 : 2) : (co2Cut >= 0 ? 4 : 3);
        double rel = (apAfter - apBefore) / apBefore;
        double elasticity = rel == 0 ? Double.NaN : ((co2After - co2Before) / co2Before) / rel;
        return new Effect(co2Cut, apCut, quadrant, elasticity);
    }

    /** The coupling-coordination degree D of two scores in [0, 1] with weights α and 1 − α. */
    public static double coordination(double u1, double u2, double alpha) {
        if (u1 < 0 || u1 > 1 || u2 < 0 || u2 > 1 || alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("scores and weight are between 0 and 1");
        }
        if (u1 + u2 == 0) {
            return 0;
        }
        double c = 2 * Math.sqrt(u1 * u2) / (u1 + u2);
        double t = alpha * u1 + (1 - alpha) * u2;
        return Math.sqrt(c * t);
    }

    /** Subjects ranked by coordination: their normalised scores, D, its class (0–9) and rank (1 = highest D). */
    public record Ranking(double[] u1, double[] u2, double[] coordination, int[] band, int[] rank) {}

    /**
     * Ranks subjects by the coupling-coordination degree of their relative cuts (ΔAP/AP and ΔCO2/CO2, reductions
     * positive): U₁ and U₂ normalised min–max across the subjects (the best 1, the worst 0), D of weight α, classed in
     * the ten bands of the literature (⌊10 D⌋, 1.0 in the top band). Fewer than two subjects, or all equal in either
     * cut, give no ranking (empty).
     */
    public static java.util.Optional<Ranking> rank(double[] apCuts, double[] co2Cuts, double alpha) {
        int n = apCuts.length;
        if (n < 2) {
            return java.util.Optional.empty();
        }
        double apMin = java.util.Arrays.stream(apCuts).min().orElseThrow();
        double apMax = java.util.Arrays.stream(apCuts).max().orElseThrow();
        double co2Min = java.util.Arrays.stream(co2Cuts).min().orElseThrow();
        double co2Max = java.util.Arrays.stream(co2Cuts).max().orElseThrow();
        if (apMax == apMin || co2Max == co2Min) {
            return java.util.Optional.empty();
        }
        double[] u1 = new double[n];
        double[] u2 = new double[n];
        double[] d = new double[n];
        int[] band = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            u1[i] = (apCuts[i] - apMin) / (apMax - apMin);
            u2[i] = (co2Cuts[i] - co2Min) / (co2Max - co2Min);
            d[i] = coordination(u1[i], u2[i], alpha);
            band[i] = Math.min(9, (int) Math.floor(d[i] * 10));
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(d[b], d[a]));
        int[] rank = new int[n];
        for (int r = 0; r < n; r++) {
            rank[order[r]] = r + 1;
        }
        return java.util.Optional.of(new Ranking(u1, u2, d, band, rank));
    }
}
