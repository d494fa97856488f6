package dev.peakline.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.accounting.EnterpriseMonth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo server's own archive (written by peakline-app's ArchiveIT through {@code ./peakline archive}, which the
 * reactor runs before this module): its readings re-rolled on Spark give the server's day roll-ups to the bit, and its
 * approved lines accounted on Spark give the server's stored results.
 */
class SparkDemoArchiveIT {
    static final Path ARCHIVE = Path.of("../peakline-app/target/demo-archive");

    @TempDir
    static Path out;

    static SparkMain.Summary summary;

    @BeforeAll
    static void run() {
        assertThat(ARCHIVE.resolve("manifest.json"))
                .as("the demo server's archive: run `mvn verify` from the root (peakline-app's ArchiveIT writes it)")
                .exists();
        summary = SparkMain.run(SparkJobs.spark(), ARCHIVE, out, SparkJobs.defaults(), 4, false);
    }

    static String key(long meter, LocalDate day) {
        return meter + "|" + day;
    }

    static Map<String, Row> days(Path dir) {
        Map<String, Row> m = new HashMap<>();
        for (Row r : SparkJobs.spark().read().parquet(dir.toString()).collectAsList()) {
            m.put(
                    key(
                            r.getLong(r.fieldIndex("meter_id")),
                            r.getDate(r.fieldIndex("day")).toLocalDate()),
                    r);
        }
        return m;
    }

    @Test
    void readingsRolledUpOnSparkEqualTheServersDayRollUps() {
        Map<String, Row> server = days(ARCHIVE.resolve("meter_days"));
        Map<String, Row> spark = days(out.resolve("meter_days"));
        // the test server's demo (scale 0.05) has a dozen meters with two weeks of 15-minute readings
        assertThat(summary.meterDays()).isEqualTo(spark.size()).isGreaterThan(150);
        // each meter's span on Spark: first to last day rolled from its readings
        Map<Long, LocalDate[]> span = new HashMap<>();
        spark.values().forEach(r -> {
            long id = r.getLong(0);
            LocalDate d = r.getDate(1).toLocalDate();
            span.merge(id, new LocalDate[] {d, d}, (a, b) ->
                    new LocalDate[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        });
        int compared = 0;
        int rollovers = 0;
        int resets = 0;
        int gaps = 0;
        for (Map.Entry<String, Row> e : server.entrySet()) {
            Row s = e.getValue();
            long id = s.getLong(s.fieldIndex("meter_id"));
            LocalDate d = s.getDate(s.fieldIndex("day")).toLocalDate();
            LocalDate[] sp = span.get(id);
            if (sp == null || d.isBefore(sp[0]) || d.isAfter(sp[1])) {
                continue; // a day the server holds without readings (the demo's year of history), or archived away
            }
            Row k = spark.get(e.getKey());
            assertThat(k).as("meter %d day %s on Spark", id, d).isNotNull();
            assertThat(Double.doubleToRawLongBits(k.getDouble(2)))
                    .as(
                            "meter %d day %s: consumption %s on Spark, %s on the server",
                            id, d, k.getDouble(2), s.getDouble(s.fieldIndex("consumption")))
                    .isEqualTo(Double.doubleToRawLongBits(s.getDouble(s.fieldIndex("consumption"))));
            for (String f : List.of("readings", "expected", "covered_s", "gap_s", "rollovers", "resets")) {
                assertThat(k.getInt(k.fieldIndex(f)))
                        .as("meter %d day %s %s", id, d, f)
                        .isEqualTo(s.getInt(s.fieldIndex(f)));
            }
            rollovers += s.getInt(s.fieldIndex("rollovers"));
            resets += s.getInt(s.fieldIndex("resets"));
            gaps += s.getInt(s.fieldIndex("gap_s")) > 0 ? 1 : 0;
            compared++;
        }
        assertThat(compared).isGreaterThan(150);
        // compared on days with a gap (GA-05's IT meter, ArchiveIT's RR-01), RR-01's rollover at 9,999 and its reset
        assertThat(gaps).isGreaterThanOrEqualTo(2);
        assertThat(rollovers).isPositive();
        assertThat(resets).isPositive();
        // and both devices of RR-01, replaced on its third day, each rolled up on its own
        List<Row> rr = SparkJobs.spark()
                .read()
                .parquet(ARCHIVE.resolve("meters").toString())
                .where("code = 'RR-01'")
                .collectAsList();
        assertThat(rr).hasSize(2);
        for (Row m : rr) {
            assertThat(spark.keySet()).anyMatch(k -> k.startsWith(m.getLong(0) + "|"));
        }
    }

    @Test
    void monthsAreTheirDaysSummedInOrder() {
        Map<String, Row> spark = days(out.resolve("meter_days"));
        Map<String, double[]> sums = new TreeMap<>();
        new TreeMap<>(spark)
                .values().stream()
                        .sorted(java.util.Comparator.comparing((Row r) -> r.getLong(0))
                                .thenComparing(r -> r.getDate(1)))
                        .forEach(r -> {
                            String k = r.getLong(0) + "|"
                                    + YearMonth.from(r.getDate(1).toLocalDate());
                            double[] a = sums.computeIfAbsent(k, x -> new double[2]);
                            a[0] += r.getDouble(2);
                            a[1] += r.getInt(3);
                        });
        List<Row> months = SparkJobs.spark()
                .read()
                .parquet(out.resolve("meter_months").toString())
                .collectAsList();
        assertThat(months).hasSize(sums.size());
        for (Row m : months) {
            double[] a = sums.get(m.getLong(0) + "|" + m.getString(1));
            assertThat(m.getDouble(2)).isEqualTo(a[0]);
            assertThat((double) m.getInt(3)).isEqualTo(a[1]);
        }
    }

    @Test
    void approvedLinesAccountedOnSparkEqualTheServersResults() {
        Map<String, Row> server = new HashMap<>();
        for (Row r : SparkJobs.spark()
                .read()
                .parquet(ARCHIVE.resolve("results").toString())
                .collectAsList()) {
            server.put(r.getString(r.fieldIndex("enterprise")) + "|" + r.getString(r.fieldIndex("period")), r);
        }
        List<Row> results = SparkJobs.spark()
                .read()
                .parquet(out.resolve("results").toString())
                .collectAsList();
        assertThat(results).hasSize(server.size()).hasSizeGreaterThan(500);
        int same = 0;
        for (Row r : results) {
            EnterpriseMonth m = ArchiveAccounting.month(r);
            Row s = server.get(m.enterprise().value() + "|" + m.period());
            assertThat(s).isNotNull();
            if (!s.getString(s.fieldIndex("factor_set")).equals(r.getString(r.fieldIndex("factor_set")))) {
                continue; // accounted by the server with a region's own factor set (the factor-set tests make some)
            }
            for (String f : List.of(
                    "scope1_tco2",
                    "scope2_tco2",
                    "total_tco2",
                    "energy_tce",
                    "feedstock_tce",
                    "combustion_tco2",
                    "process_tco2",
                    "electricity_tco2",
                    "heat_tco2")) {
                assertThat(Double.doubleToRawLongBits(r.getDouble(r.fieldIndex(f))))
                        .as("%s %s %s", m.enterprise(), m.period(), f)
                        .isEqualTo(Double.doubleToRawLongBits(s.getDouble(s.fieldIndex(f))));
            }
            same++;
        }
        assertThat(same).isGreaterThan(results.size() / 2);
        assertThat(Files.isDirectory(out.resolve("rollups"))).isTrue();
    }
}
