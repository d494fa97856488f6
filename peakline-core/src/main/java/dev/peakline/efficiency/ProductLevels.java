package dev.peakline.efficiency;

import java.util.List;

/**
 * The levels of one product indicator (one row of {@code efficiency_levels.csv}) with how Peakline computes it.
 *
 * @param measure how the value is computed from filed figures; null when it is not computed (entered only)
 * @param productionNames the product names under which enterprises file output of this product
 * @param equipment the key equipment (重点装置) the policy names for this product
 */
public record ProductLevels(
        String sector,
        String product,
        String indicator,
        String unit,
        Level benchmark2021,
        Level baseline2021,
        Level benchmark2023,
        Level baseline2023,
        String limitStandard,
        Level gb1,
        Level gb2,
        Level gb3,
        String policyConfidence,
        String gbConfidence,
        String sources,
        String notes,
        Measure measure,
        List<String> productionNames,
        String capacityUnit,
        String equipment) {

    public Level benchmark(Edition e) {
        return e == Edition.E2021 ? benchmark2021 : benchmark2023;
    }

    public Level baseline(Edition e) {
        return e == Edition.E2021 ? baseline2021 : baseline2023;
    }

    /**
     * 标杆 / between / 基准 classification, lower is better, boundaries inclusive: value ≤ 标杆 is ADVANCED, value ≤
     * 基准 is BETWEEN, otherwise LAGGARD. Negative values (net energy recovery) need no special case.
     */
    public EfficiencyClass classify(double value, Edition e) {
        Level b = benchmark(e);
        Level l = baseline(e);
        if (Double.isNaN(value) || !b.known() || !l.known()) {
            return EfficiencyClass.UNCLASSIFIED;
        }
        if (value <= b.value()) {
            return EfficiencyClass.ADVANCED;
        }
        return value <= l.value() ? EfficiencyClass.BETWEEN : EfficiencyClass.LAGGARD;
    }

    /**
     * The grade of the GB limit standard (能耗限额): 1, 2 or 3 for the best level the value meets (upper bounds
     * inclusive), 0 when it is worse than level 3 (does not meet the limit), null when the standard gives no levels or
     * there is no value. A level the standard leaves out ("—") is skipped.
     */
    public Integer gbGrade(double value) {
        if (Double.isNaN(value) || !gb1.known() && !gb2.known() && !gb3.known()) {
            return null;
        }
        Level[] levels = {gb1, gb2, gb3};
        for (int i = 0; i < 3; i++) {
            if (levels[i].known() && value <= levels[i].value()) {
                return i + 1;
            }
        }
        return gb3.known() ? 0 : null;
    }

    /** "电解铝 铝液交流电耗". */
    public String label() {
        return product + " " + indicator;
    }
}
