package dev.peakline.io.archive;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One table of the Parquet archive (docs/scale.md): its columns in order, and whether it is partitioned by year and
 * month (Hive-style {@code year=YYYY/month=M} directories). Times are epoch milliseconds, so no reader has to agree on
 * a time zone; calendar days and months are Beijing time's, as the server's.
 */
public record ArchiveTable(String name, List<Column> columns, boolean partitioned) {
    /** Parquet physical types the archive uses. */
    public enum Type {
        VARCHAR,
        INTEGER,
        BIGINT,
        DOUBLE,
        DATE
    }

    public record Column(String name, Type type, boolean nullable) {}

    private static Column c(String name, Type t) {
        return new Column(name, t, false);
    }

    private static Column n(String name, Type t) {
        return new Column(name, t, true);
    }

    /** Approved activity lines: what was filed, as the engine reads it (measured carbon in tC/TJ as filed). */
    public static final ArchiveTable ACTIVITY = new ArchiveTable(
            "activity",
            List.of(
                    c("enterprise", Type.VARCHAR),
                    c("region", Type.VARCHAR),
                    c("industry", Type.VARCHAR),
                    c("period", Type.VARCHAR),
                    c("filing_id", Type.BIGINT),
                    c("line", Type.INTEGER),
                    c("carrier", Type.VARCHAR),
                    c("use", Type.VARCHAR),
                    c("amount", Type.DOUBLE),
                    c("unit", Type.VARCHAR),
                    n("measured_ncv", Type.DOUBLE),
                    n("measured_carbon", Type.DOUBLE),
                    n("quality", Type.VARCHAR),
                    n("uncertainty", Type.DOUBLE),
                    n("factor_uncertainty", Type.DOUBLE)),
            true);

    public static final ArchiveTable PROCESS = new ArchiveTable(
            "process",
            List.of(
                    c("enterprise", Type.VARCHAR),
                    c("period", Type.VARCHAR),
                    c("filing_id", Type.BIGINT),
                    c("line", Type.INTEGER),
                    c("process", Type.VARCHAR),
                    c("amount", Type.DOUBLE),
                    c("unit", Type.VARCHAR),
                    c("parameters", Type.VARCHAR)),
            true);

    public static final ArchiveTable PRODUCTION = new ArchiveTable(
            "production",
            List.of(
                    c("enterprise", Type.VARCHAR),
                    c("period", Type.VARCHAR),
                    c("filing_id", Type.BIGINT),
                    c("line", Type.INTEGER),
                    c("product", Type.VARCHAR),
                    c("amount", Type.DOUBLE),
                    c("unit", Type.VARCHAR)),
            true);

    public static final ArchiveTable OUTPUT = new ArchiveTable(
            "output",
            List.of(
                    c("enterprise", Type.VARCHAR),
                    c("period", Type.VARCHAR),
                    c("filing_id", Type.BIGINT),
                    c("line", Type.INTEGER),
                    c("value_added", Type.DOUBLE),
                    c("unit", Type.VARCHAR)),
            true);

    /** The standing result of each approved enterprise-month, with the factor set it was accounted with. */
    public static final ArchiveTable RESULTS = new ArchiveTable(
            "results",
            List.of(
                    c("enterprise", Type.VARCHAR),
                    c("period", Type.VARCHAR),
                    c("region", Type.VARCHAR),
                    c("industry", Type.VARCHAR),
                    c("filing_id", Type.BIGINT),
                    c("scope1_tco2", Type.DOUBLE),
                    c("scope2_tco2", Type.DOUBLE),
                    c("total_tco2", Type.DOUBLE),
                    c("energy_tce", Type.DOUBLE),
                    c("feedstock_tce", Type.DOUBLE),
                    c("combustion_tco2", Type.DOUBLE),
                    c("process_tco2", Type.DOUBLE),
                    c("electricity_tco2", Type.DOUBLE),
                    c("heat_tco2", Type.DOUBLE),
                    n("value_added", Type.DOUBLE),
                    c("factor_set", Type.VARCHAR)),
            true);

    /** Every device of every measuring point (a replacement is a new row with the same code). */
    public static final ArchiveTable METERS = new ArchiveTable(
            "meters",
            List.of(
                    c("meter_id", Type.BIGINT),
                    c("enterprise", Type.VARCHAR),
                    c("code", Type.VARCHAR),
                    c("carrier", Type.VARCHAR),
                    c("unit", Type.VARCHAR),
                    c("kind", Type.VARCHAR),
                    c("multiplier", Type.DOUBLE),
                    c("interval_s", Type.INTEGER),
                    c("register_max", Type.DOUBLE),
                    c("installed_ms", Type.BIGINT),
                    n("removed_ms", Type.BIGINT),
                    n("replaces", Type.BIGINT)),
            false);

    /** Readings as received, in the Beijing month of their time stamp. */
    public static final ArchiveTable READINGS = new ArchiveTable(
            "readings", List.of(c("meter_id", Type.BIGINT), c("ts_ms", Type.BIGINT), c("value", Type.DOUBLE)), true);

    /** The server's calendar-day roll-ups (Beijing days), quantities with the multiplier applied. */
    public static final ArchiveTable METER_DAYS = new ArchiveTable(
            "meter_days",
            List.of(
                    c("meter_id", Type.BIGINT),
                    c("day", Type.DATE),
                    c("consumption", Type.DOUBLE),
                    c("readings", Type.INTEGER),
                    c("expected", Type.INTEGER),
                    c("covered_s", Type.INTEGER),
                    c("gap_s", Type.INTEGER),
                    c("rollovers", Type.INTEGER),
                    c("resets", Type.INTEGER)),
            true);

    /** The filing tables, written for a range of months by {@code ./peakline archive}. */
    public static final List<ArchiveTable> FILINGS = List.of(ACTIVITY, PROCESS, PRODUCTION, OUTPUT, RESULTS);

    /** The monitoring tables, written with {@code --readings}. */
    public static final List<ArchiveTable> MONITORING = List.of(METERS, READINGS, METER_DAYS);

    public static final List<ArchiveTable> ALL =
            List.of(ACTIVITY, PROCESS, PRODUCTION, OUTPUT, RESULTS, METERS, READINGS, METER_DAYS);

    public static ArchiveTable named(String name) {
        return ALL.stream()
                .filter(t -> t.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no archive table " + name));
    }

    /** The DuckDB definition of the table, partition columns last. */
    String ddl() {
        String cols = columns.stream()
                .map(c -> c.name() + " " + c.type().name() + (c.nullable() ? "" : " not null"))
                .collect(Collectors.joining(", "));
        return "create table " + name + " (" + cols
                + (partitioned ? ", year integer not null, month integer not null" : "") + ")";
    }

    /** A partition's directory relative to the table's, e.g. {@code year=2024/month=3}. */
    public static String partition(int year, int month) {
        return String.format(Locale.ROOT, "year=%d/month=%d", year, month);
    }
}
