package dev.peakline.bench;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.AccountingInput;
import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The peer of {@code ./peakline account} for the file-to-result benchmark: DuckDB reading the same activity CSV,
 * joining a factor table on (carrier, unit, use), summing CO2 and tce per enterprise-month and writing a CSV, as one
 * whole process. {@code factors IN OUT} prepares that factor table once (not timed): one row per (carrier, unit, use)
 * of the file with Peakline's own tCO2 and tce per unit (the province's grid factor for electricity), so both engines
 * multiply by the same numbers. {@code duckdb IN FACTORS OUT} is the timed run.
 */
public final class AccountPeer {
    private AccountPeer() {}

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "factors" -> factors(Path.of(args[1]), Path.of(args[2]));
            case "duckdb" -> duckdb(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
            default -> throw new IllegalArgumentException("factors IN OUT | duckdb IN FACTORS OUT");
        }
    }

    static void factors(Path activity, Path out) throws Exception {
        TreeSet<String> triples = new TreeSet<>();
        String region = null;
        String industry = null;
        String period = null;
        try (BufferedReader r = Files.newBufferedReader(activity, StandardCharsets.UTF_8)) {
            r.readLine();
            for (String line; (line = r.readLine()) != null; ) {
                String[] f = line.split(",", -1);
                triples.add(f[4] + "," + f[6] + "," + f[7]);
                if (region == null) {
                    region = f[1];
                    industry = f[2];
                    period = f[3];
                }
            }
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            w.println("carrier,unit,use,co2,tce");
            factorRows(new ArrayList<>(triples), region, industry, period).forEach(w::println);
        }
    }

    /**
     * Peakline's own tCO2 and tce per filed unit of each "carrier,unit,use" (for an enterprise of the region, industry
     * and month given: the grid factor of its province), as "carrier,unit,use,co2,tce" lines.
     */
    static List<String> factorRows(List<String> keys, String region, String industry, String period) {
        List<ActivityRecord> records = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String[] k = keys.get(i).split(",");
            String first17 = String.format("91%s%09d", region, i);
            records.add(new ActivityRecord(
                    CreditCode.of(first17 + CreditCode.checkCharacter(first17)),
                    RegionCode.of(region),
                    IndustryCode.of(industry),
                    YearMonth.parse(period),
                    k[0],
                    Quantity.of(1, Unit.parse(k[1]).orElseThrow()),
                    Use.parse(k[2]).orElseThrow(),
                    Double.NaN,
                    Double.NaN,
                    i + 2,
                    null,
                    Double.NaN,
                    Double.NaN));
        }
        AccountingEngine.Run run = new AccountingEngine(ReferenceLibrary.shipped(), AccountingOptions.defaults())
                .account(new AccountingInput("factors", records, List.of(), List.of(), List.of()));
        if (!run.ok()) {
            throw new IllegalStateException(run.problems().toString());
        }
        List<String> rows = new ArrayList<>();
        for (EnterpriseMonth m : run.result().months()) {
            int i = Integer.parseInt(m.enterprise().value().substring(8, 17));
            rows.add(keys.get(i) + "," + m.total() + "," + m.energy());
        }
        return rows;
    }

    static void duckdb(Path activity, Path factors, Path out) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("SET threads = " + Runtime.getRuntime().availableProcessors());
            s.execute("COPY (SELECT a.enterprise, a.period, sum(a.quantity * f.co2) AS total_tco2,"
                    + " sum(a.quantity * f.tce) AS energy_tce FROM read_csv('" + activity + "', header = true,"
                    + " columns = {'enterprise': 'VARCHAR', 'region': 'VARCHAR', 'industry': 'VARCHAR', 'period':"
                    + " 'VARCHAR', 'carrier': 'VARCHAR', 'quantity': 'DOUBLE', 'unit': 'VARCHAR', 'use': 'VARCHAR'}) a"
                    + " JOIN read_csv('" + factors + "', header = true) f USING (carrier, unit, use)"
                    + " GROUP BY a.enterprise, a.period ORDER BY a.enterprise, a.period) TO '" + out
                    + "' (HEADER, DELIMITER ',')");
        }
        System.err.printf("duckdb: %.3f s inside the process%n", (System.nanoTime() - t0) / 1e9);
    }
}
