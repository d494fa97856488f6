package dev.peakline.efficiency;

/** How an indicator is computed from an enterprise's filed (or metered, once reconciled into a filing) figures. */
public enum Measure {
    /** kWh of electricity per tonne of product: electricity [MWh] × 1000 ÷ output [t]. */
    ELECTRICITY_KWH_PER_T("kWh/t"),
    /** kgce of comprehensive energy per tonne of product: energy [tce] × 1000 ÷ output [t]. */
    ENERGY_KGCE_PER_T("kgce/t");

    private final String unit;

    Measure(String unit) {
        this.unit = unit;
    }

    public String unit() {
        return unit;
    }

    /** The value per tonne, or NaN when there is no output to divide by. */
    public double per(double outputT, double electricityMwh, double energyTce) {
        if (!(outputT > 0)) {
            return Double.NaN;
        }
        return switch (this) {
            case ELECTRICITY_KWH_PER_T -> electricityMwh * 1000 / outputT;
            case ENERGY_KGCE_PER_T -> energyTce * 1000 / outputT;
        };
    }

    public static Measure parse(String s) {
        return valueOf(s.strip().toUpperCase(java.util.Locale.ROOT));
    }
}
