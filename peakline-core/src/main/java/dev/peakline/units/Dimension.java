package dev.peakline.units;

/** The physical (or monetary) dimension of a quantity; each has one canonical unit. */
public enum Dimension {
    /** Solid and liquid fuels, products, materials. Canonical unit: t. */
    MASS("质量", "t"),
    /** Gaseous fuels at standard conditions. Canonical unit: 10⁴ Nm³. */
    GAS_VOLUME("气体体积", "万Nm3"),
    /** Heat and calorific energy. Canonical unit: GJ. */
    ENERGY("热量", "GJ"),
    /** Electricity. Canonical unit: MWh. */
    ELECTRICITY("电量", "MWh"),
    /** Standard coal equivalent. Canonical unit: tce. */
    STANDARD_COAL("标准煤", "tce"),
    /** Money. Canonical unit: 10⁴ yuan (万元). */
    MONEY("货币", "万元");

    private final String nameCn;
    private final String canonicalSymbol;

    Dimension(String nameCn, String canonicalSymbol) {
        this.nameCn = nameCn;
        this.canonicalSymbol = canonicalSymbol;
    }

    public String nameCn() {
        return nameCn;
    }

    public Unit canonicalUnit() {
        return Unit.of(canonicalSymbol);
    }
}
