package dev.peakline.targets;

/**
 * The indicators a target may set (双控 and carbon peaking). Reductions and the share are fractions (0.18 = 18 %),
 * totals are absolute caps.
 */
public enum Indicator {
    /** Reduction of CO2 per unit of GDP at constant prices against the base year (单位GDP二氧化碳排放降低). */
    CARBON_INTENSITY("单位地区生产总值二氧化碳排放降低", "tCO2/万元", true),
    /** Cap on energy CO2 in the target year (碳排放总量). */
    CARBON_TOTAL("二氧化碳排放总量", "tCO2", false),
    /** Reduction of energy per unit of GDP at constant prices against the base year (单位GDP能耗降低). */
    ENERGY_INTENSITY("单位地区生产总值能耗降低", "tce/万元", true),
    /** Cap on total energy consumption in the target year (能源消费总量). */
    ENERGY_TOTAL("能源消费总量", "tce", false),
    /** Floor on the non-fossil share of energy consumption (非化石能源消费比重). */
    NON_FOSSIL_SHARE("非化石能源消费比重", "%", false);

    private final String nameCn;
    private final String unit;
    private final boolean reduction;

    Indicator(String nameCn, String unit, boolean reduction) {
        this.nameCn = nameCn;
        this.unit = unit;
        this.reduction = reduction;
    }

    public String nameCn() {
        return nameCn;
    }

    /** The unit of the figure the indicator is measured on (intensity, total or share). */
    public String unit() {
        return unit;
    }

    /** Whether the target value is a reduction of an intensity against the base year. */
    public boolean reduction() {
        return reduction;
    }

    /** Whether a higher figure is better (only the non-fossil share). */
    public boolean higherIsBetter() {
        return this == NON_FOSSIL_SHARE;
    }

    /** The figure of a year: intensity, total or share; NaN when the year lacks what it needs. */
    public double figure(Figures f) {
        return switch (this) {
            case CARBON_INTENSITY -> f.gdp() > 0 ? f.co2() / f.gdp() : Double.NaN;
            case CARBON_TOTAL -> f.co2();
            case ENERGY_INTENSITY -> f.gdp() > 0 ? f.energy() / f.gdp() : Double.NaN;
            case ENERGY_TOTAL -> f.energy();
            case NON_FOSSIL_SHARE -> f.energy() > 0 ? f.nonFossil() / f.energy() : Double.NaN;
        };
    }
}
