package dev.peakline.monitoring;

/** How a meter reports: a cumulative register (累计值, e.g. an energy meter's kWh index) or the amount of each interval. */
public enum MeterKind {
    /** The value is the register's reading at the timestamp; consumption is the difference between readings. */
    REGISTER,
    /** The value is the consumption of the interval that ends at the timestamp. */
    INTERVAL
}
