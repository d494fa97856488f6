package dev.peakline.spark;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import dev.peakline.domain.ChinaTime;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.monitoring.MeterDays;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.monitoring.MeterSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Re-rolls an archive's meter readings into Beijing calendar days and months by the server's rules: each device's
 * readings in time order through core's {@link MeterDays} (register steps with rollovers and resets, interval values,
 * gaps), its days clamped to its time in service as the server clamps them (a replaced meter is a new device of the
 * same point, rolled up on its own); a month is the sum of its days in day order.
 */
public final class ReadingRollup {
    public static final StructType DAY = new StructType()
            .add("meter_id", DataTypes.LongType, false)
            .add("day", DataTypes.DateType, false)
            .add("consumption", DataTypes.DoubleType, false)
            .add("readings", DataTypes.IntegerType, false)
            .add("expected", DataTypes.IntegerType, false)
            .add("covered_s", DataTypes.IntegerType, false)
            .add("gap_s", DataTypes.IntegerType, false)
            .add("rollovers", DataTypes.IntegerType, false)
            .add("resets", DataTypes.IntegerType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("month", DataTypes.IntegerType, false);

    public static final StructType MONTH = new StructType()
            .add("meter_id", DataTypes.LongType, false)
            .add("period", DataTypes.StringType, false)
            .add("consumption", DataTypes.DoubleType, false)
            .add("readings", DataTypes.IntegerType, false)
            .add("expected", DataTypes.IntegerType, false)
            .add("gap_days", DataTypes.IntegerType, false)
            .add("days", DataTypes.IntegerType, false)
            .add("year", DataTypes.IntegerType, false);

    private ReadingRollup() {}

    public record Rolled(Dataset<Row> days, Dataset<Row> months) {}

    /** Null when the archive holds no readings. */
    public static Rolled roll(SparkSession spark, Path archive, int partitions) {
        Path readings = archive.resolve("readings");
        Path meters = archive.resolve("meters");
        if (!Files.isDirectory(readings) || !Files.isDirectory(meters)) {
            return null;
        }
        Dataset<Row> m = spark.read()
                .parquet(meters.toString())
                .select("meter_id", "kind", "multiplier", "interval_s", "register_max", "installed_ms", "removed_ms");
        Dataset<Row> r = spark.read()
                .option("basePath", readings.toString())
                .parquet(readings.toString())
                .select("meter_id", "ts_ms", "value");
        Dataset<Row> days = r.join(broadcast(m), "meter_id")
                .select(
                        "meter_id",
                        "kind",
                        "multiplier",
                        "interval_s",
                        "register_max",
                        "installed_ms",
                        "removed_ms",
                        "ts_ms",
                        "value")
                .repartition(partitions, col("meter_id"))
                .sortWithinPartitions("meter_id", "ts_ms")
                .mapPartitions((MapPartitionsFunction<Row, Row>) ReadingRollup::daysOf, Encoders.row(DAY))
                .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> months =
                days.mapPartitions((MapPartitionsFunction<Row, Row>) ReadingRollup::monthsOf, Encoders.row(MONTH));
        return new Rolled(days, months);
    }

    /**
     * Rows of (meter_id, kind, multiplier, interval_s, register_max, installed_ms, removed_ms, ts_ms, value) after the
     * join, sorted by meter and time → the days of each meter from its first reading's day to its last's.
     */
    static Iterator<Row> daysOf(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>();
        Row first = rows.hasNext() ? rows.next() : null;
        while (first != null) {
            long id = first.getLong(0);
            MeterSpec spec = new MeterSpec(
                    MeterKind.valueOf(first.getString(1)),
                    first.getDouble(2),
                    first.getInt(3),
                    first.getDouble(4),
                    Instant.ofEpochMilli(first.getLong(5)),
                    first.isNullAt(6) ? null : Instant.ofEpochMilli(first.getLong(6)));
            long[] ts = new long[64];
            double[] v = new double[64];
            int n = 0;
            Row r = first;
            first = null;
            while (r != null) {
                if (r.getLong(0) != id) {
                    first = r;
                    break;
                }
                if (n == ts.length) {
                    ts = Arrays.copyOf(ts, n * 2);
                    v = Arrays.copyOf(v, n * 2);
                }
                ts[n] = r.getLong(7);
                v[n] = r.getDouble(8);
                n++;
                r = rows.hasNext() ? rows.next() : null;
            }
            ts = Arrays.copyOf(ts, n);
            v = Arrays.copyOf(v, n);
            for (DayFigure d : days(spec, ts, v)) {
                out.add(RowFactory.create(
                        id,
                        java.sql.Date.valueOf(d.day()),
                        d.consumption(),
                        d.readings(),
                        d.expected(),
                        (int) d.coveredSeconds(),
                        (int) d.gapSeconds(),
                        d.rollovers(),
                        d.resets(),
                        d.day().getYear(),
                        d.day().getMonthValue()));
            }
        }
        return out.iterator();
    }

    /**
     * A device's days from its readings, as the server computes them: an interval value stamped in a day's first
     * interval belongs to the day before; the span is clamped to the days the device was in service.
     */
    public static List<DayFigure> days(MeterSpec spec, long[] ts, double[] values) {
        if (ts.length == 0) {
            return List.of();
        }
        long first = spec.kind() == MeterKind.INTERVAL ? ts[0] - spec.intervalSeconds() * 1000L : ts[0];
        LocalDate[] span = MeterDays.inService(
                spec,
                ChinaTime.ZONE,
                MeterDays.day(Instant.ofEpochMilli(first), ChinaTime.ZONE),
                MeterDays.day(Instant.ofEpochMilli(ts[ts.length - 1]), ChinaTime.ZONE));
        return span == null ? List.of() : MeterDays.compute(spec, ChinaTime.ZONE, ts, values, span[0], span[1]);
    }

    /** Day rows of whole meters in day order → one row per meter and month: the days summed in order. */
    static Iterator<Row> monthsOf(Iterator<Row> rows) {
        List<Row> out = new ArrayList<>();
        long id = Long.MIN_VALUE;
        YearMonth month = null;
        double consumption = 0;
        int readings = 0;
        int expected = 0;
        int gapDays = 0;
        int days = 0;
        while (true) {
            Row r = rows.hasNext() ? rows.next() : null;
            YearMonth m = r == null ? null : YearMonth.from(r.getDate(1).toLocalDate());
            if (month != null && (r == null || r.getLong(0) != id || !m.equals(month))) {
                out.add(RowFactory.create(
                        id, month.toString(), consumption, readings, expected, gapDays, days, month.getYear()));
                consumption = 0;
                readings = 0;
                expected = 0;
                gapDays = 0;
                days = 0;
            }
            if (r == null) {
                return out.iterator();
            }
            id = r.getLong(0);
            month = m;
            consumption += r.getDouble(2);
            readings += r.getInt(3);
            expected += r.getInt(4);
            days++;
            if (r.getInt(6) > 0 || r.getInt(3) < r.getInt(4)) {
                gapDays++;
            }
        }
    }
}
