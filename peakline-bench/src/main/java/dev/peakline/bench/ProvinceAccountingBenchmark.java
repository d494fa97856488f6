package dev.peakline.bench;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.ActivityBatch;
import dev.peakline.accounting.BatchAccountant;
import dev.peakline.accounting.FactorTable;
import dev.peakline.accounting.Slot;
import dev.peakline.demo.DemoProvince;
import dev.peakline.domain.Use;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.units.Unit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Accounts a generated province at scale with Peakline's batch pass, or runs the same computation as SQL in DuckDB on
 * the same data (one engine per process, so that each process's peak RSS is its own). Prints one result line.
 *
 * <p>Usage: {@code ProvinceAccountingBenchmark peakline|duckdb SCALE THREADS RUNS}
 */
public final class ProvinceAccountingBenchmark {
    public static void main(String[] args) throws Exception {
        String engine = args[0];
        double scale = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);

        long t0 = System.nanoTime();
        FactorTable table = new FactorTable(ReferenceLibrary.shipped(), AccountingOptions.defaults());
        ActivityBatch.Builder b = ActivityBatch.builder(12_000_000, false);
        int[] enterprises = {0};
        new DemoProvince(2026, scale, 2024, 2024).generate(new DemoProvince.Sink() {
            public void enterprise(DemoProvince.Enterprise e) {
                enterprises[0]++;
            }

            public void activity(DemoProvince.Enterprise e, YearMonth p, String carrier, Use use, double q, Unit unit) {
                FactorTable.Lookup l = table.row(carrier, use, e.region(), p, Double.NaN, Double.NaN);
                if (!l.ok()) {
                    throw new IllegalStateException(l.problem());
                }
                b.add(
                        e.index(),
                        ActivityBatch.periodOrdinal(p.getYear(), p.getMonthValue()),
                        l.row(),
                        unit.toCanonical(q));
            }

            public void process(DemoProvince.Enterprise e, YearMonth p, String pr, double t, Map<String, String> ps) {}

            public void production(DemoProvince.Enterprise e, YearMonth p, String pr, double t) {}

            public void output(DemoProvince.Enterprise e, YearMonth p, double v) {}
        });
        long tGen = System.nanoTime();
        ActivityBatch batch = b.build();
        long tBuild = System.nanoTime();
        System.err.printf(
                Locale.ROOT,
                "generated %d records of %d enterprises in %d enterprise-months (%.1f s), batch built in %.2f s%n",
                batch.records(),
                enterprises[0],
                batch.groups(),
                (tGen - t0) / 1e9,
                (tBuild - tGen) / 1e9);

        double[] times = new double[runs];
        double checksum;
        if (engine.equals("peakline")) {
            double[] out = null;
            for (int w = 0; w < 20; w++) {
                out = BatchAccountant.account(batch, table, threads);
            }
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                out = BatchAccountant.account(batch, table, threads);
                times[r] = (System.nanoTime() - s) / 1e9;
            }
            checksum = 0;
            for (int g = 0; g < batch.groups(); g++) {
                checksum += out[g * BatchAccountant.WIDTH]
                        + out[g * BatchAccountant.WIDTH + 1]
                        + out[g * BatchAccountant.WIDTH + 2]
                        + out[g * BatchAccountant.WIDTH + 3];
            }
        } else {
            checksum = duckdb(batch, table, threads, runs, times);
        }
        Arrays.sort(times);
        double median = times[runs / 2];
        System.out.printf(
                Locale.ROOT,
                "engine=%s records=%d groups=%d threads=%d runs=%d median_s=%.4f min_s=%.4f max_s=%.4f "
                        + "records_per_s=%.0f peak_rss_mb=%d total_tco2=%.1f%n",
                engine,
                batch.records(),
                batch.groups(),
                threads,
                runs,
                median,
                times[0],
                times[runs - 1],
                batch.records() / median,
                peakRssMb(),
                checksum);
    }

    /** The same computation in DuckDB: join activity with the factor table, sum per enterprise and month. */
    private static double duckdb(ActivityBatch batch, FactorTable table, int threads, int runs, double[] times)
            throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            st.execute("CREATE TABLE factors (r INTEGER, c0 DOUBLE, c1 DOUBLE, c2 DOUBLE, c3 DOUBLE, tce DOUBLE)");
            st.execute("CREATE TABLE activity (ent INTEGER, period INTEGER, r INTEGER, q DOUBLE)");
            try (DuckDBAppender a = ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "factors")) {
                for (int r = 0; r < table.size(); r++) {
                    a.beginRow();
                    a.append(r);
                    for (Slot s : Slot.values()) {
                        a.append(table.co2(s, r));
                    }
                    a.append(table.tce(r));
                    a.endRow();
                }
            }
            long l0 = System.nanoTime();
            try (DuckDBAppender a =
                    ((DuckDBConnection) c).createAppender(DuckDBConnection.DEFAULT_SCHEMA, "activity")) {
                for (int g = 0; g < batch.groups(); g++) {
                    for (int i = batch.start(g); i < batch.end(g); i++) {
                        a.beginRow();
                        a.append(batch.enterprise(g));
                        a.append(batch.period(g));
                        a.append(batch.row(i));
                        a.append(batch.quantity(i));
                        a.endRow();
                    }
                }
            }
            System.err.printf(Locale.ROOT, "loaded into DuckDB in %.1f s%n", (System.nanoTime() - l0) / 1e9);
            String q =
                    "CREATE OR REPLACE TEMP TABLE result AS SELECT ent, period, sum(q * c0) AS comb, sum(q * c1) AS proc, sum(q * c2) AS elec, "
                            + "sum(q * c3) AS heat, sum(q * tce) AS tce FROM activity JOIN factors USING (r) GROUP BY ent, period";
            for (int w = 0; w < 2; w++) {
                st.execute(q);
            }
            for (int r = 0; r < runs; r++) {
                long s = System.nanoTime();
                st.execute(q);
                times[r] = (System.nanoTime() - s) / 1e9;
            }
            try (ResultSet rs = st.executeQuery("SELECT sum(comb + proc + elec + heat), count(*) FROM result")) {
                rs.next();
                if (rs.getLong(2) != batch.groups()) {
                    throw new IllegalStateException(
                            "DuckDB produced " + rs.getLong(2) + " groups, expected " + batch.groups());
                }
                return rs.getDouble(1);
            }
        }
    }

    /** Peak resident set size of this process [MiB], from /proc (Linux). */
    static long peakRssMb() {
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("/proc/self/status")));
            for (String l : lines) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
