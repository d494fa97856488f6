package dev.peakline.efficiency;

/** Where a unit-product energy consumption stands against the policy levels. Lower is better for every indicator. */
public enum EfficiencyClass {
    /** At or better than 标杆 (value ≤ benchmark). */
    ADVANCED("标杆水平"),
    /** Worse than 标杆, at or better than 基准 (benchmark < value ≤ baseline). */
    BETWEEN("标杆与基准之间"),
    /** Worse than 基准 (value > baseline): to be renovated or retired by the deadline. */
    LAGGARD("低于基准水平"),
    /** The edition has no confirmed 标杆/基准 for the product, or there is no value. */
    UNCLASSIFIED("无法判定");

    private final String nameCn;

    EfficiencyClass(String nameCn) {
        this.nameCn = nameCn;
    }

    public String nameCn() {
        return nameCn;
    }
}
