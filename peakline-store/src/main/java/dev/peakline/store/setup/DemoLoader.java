package dev.peakline.store.setup;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.demo.DemoProvince;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Use;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.filing.FilingContents;
import dev.peakline.store.filing.FilingRepository.ActivityLine;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.OutputLine;
import dev.peakline.store.filing.FilingRepository.ProcessLine;
import dev.peakline.store.filing.FilingRepository.ProductionLine;
import dev.peakline.units.Unit;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads the demo province (DEMO.md) into an empty database as approved filings with their accounted results, in one
 * transaction, through PostgreSQL's COPY. The filings go through the same line conversion and engine as a filing
 * approved on the platform, so recomputing them later gives the same figures.
 */
public final class DemoLoader {
    /** What was loaded. */
    public record Loaded(int enterprises, int filings, long lines, String factorSets) {}

    /** The province the demo is: Guizhou. */
    /** The key equipment of each demo profile's main line, as the non-ferrous plan names it (重点装置). */
    static final java.util.Map<String, String> EQUIPMENT = java.util.Map.of(
            "aluminium", "电解槽",
            "titanium", "氯化炉",
            "leadzinc", "冶炼炉",
            "gold", "焙烧炉",
            "steel", "高炉-转炉",
            "cement", "回转窑",
            "lime", "石灰窑",
            "phosphorus", "反应槽");

    public static final String PROVINCE = "520000";

    private DemoLoader() {}

    private static final class Month {
        final DemoProvince.Enterprise enterprise;
        final YearMonth period;
        final List<ActivityLine> activity = new ArrayList<>();
        final List<ProcessLine> process = new ArrayList<>();
        final List<ProductionLine> production = new ArrayList<>();
        final List<OutputLine> output = new ArrayList<>();

        Month(DemoProvince.Enterprise enterprise, YearMonth period) {
            this.enterprise = enterprise;
            this.period = period;
        }

        Content content() {
            return new Content(activity, process, production, output);
        }
    }

    /** Generates the province and loads it; the database must hold no enterprise yet. */
    public static Loaded load(
            Database db, DemoProvince province, ReferenceLibrary library, AccountingOptions options, Clock clock) {
        List<DemoProvince.Enterprise> enterprises = new ArrayList<>();
        Map<String, Month> months = new LinkedHashMap<>();
        province.generate(new DemoProvince.Sink() {
            private Month month(DemoProvince.Enterprise e, YearMonth p) {
                return months.computeIfAbsent(key(e.code(), p), k -> new Month(e, p));
            }

            @Override
            public void enterprise(DemoProvince.Enterprise e) {
                enterprises.add(e);
            }

            @Override
            public void activity(DemoProvince.Enterprise e, YearMonth p, String carrier, Use use, double q, Unit u) {
                month(e, p).activity.add(new ActivityLine(carrier, use.code(), dec(q), u.symbol(), null, null));
            }

            @Override
            public void process(
                    DemoProvince.Enterprise e, YearMonth p, String process, double t, Map<String, String> m) {
                month(e, p).process.add(new ProcessLine(process, dec(t), "t", FilingContents.parameters(m)));
            }

            @Override
            public void production(DemoProvince.Enterprise e, YearMonth p, String product, double t) {
                month(e, p).production.add(new ProductionLine(product, dec(t), "t"));
            }

            @Override
            public void output(DemoProvince.Enterprise e, YearMonth p, double v) {
                month(e, p).output.add(new OutputLine(dec(v), "万元"));
            }
        });
        List<FilingContents.Entry> entries = new ArrayList<>(months.size());
        for (Month m : months.values()) {
            entries.add(new FilingContents.Entry(
                    m.enterprise.code(), m.enterprise.region(), m.enterprise.industry(), m.period, m.content()));
        }
        AccountingEngine.Run run =
                new AccountingEngine(library, options).account(FilingContents.input("demo province", entries));
        if (!run.ok()) {
            throw new IllegalStateException(
                    "the demo province does not account: " + run.problems().get(0));
        }
        String sets = run.result().factorSets();
        Instant now = clock.instant();
        return Tx.run(db, c -> {
            if (Tx.count(c, "enterprise") > 0) {
                throw new IllegalStateException("the database already holds enterprises; the demo loads only once");
            }
            Map<String, Long> parks = parks(c);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder ent = new StringBuilder();
            StringBuilder fac = new StringBuilder();
            for (DemoProvince.Enterprise e : enterprises) {
                row(
                        ent,
                        e.code().value(),
                        e.name(),
                        e.region().value(),
                        e.industry().value(),
                        e.park() == null ? null : parks.get(e.park()),
                        e.keyUnit(),
                        e.keyUnit());
            }
            copy(copy, "enterprise (credit_code, name, region, industry, park_id, key_energy_unit, key_emitter)", ent);
            long base = reserve(c, months.size());
            Map<String, Long> ids = new HashMap<>();
            Map<String, String> products = new HashMap<>();
            StringBuilder fil = new StringBuilder();
            StringBuilder act = new StringBuilder();
            StringBuilder pro = new StringBuilder();
            StringBuilder prd = new StringBuilder();
            StringBuilder out = new StringBuilder();
            long id = base;
            long lines = 0;
            for (Month m : months.values()) {
                ids.put(key(m.enterprise.code(), m.period), id);
                Instant filed = m.period
                        .plusMonths(1)
                        .atDay(5)
                        .atTime(LocalTime.of(9, 0))
                        .atZone(ChinaTime.ZONE)
                        .toInstant();
                Instant decided = filed.plusSeconds(3 * 86_400L);
                if (decided.isAfter(now)) {
                    decided = now;
                    filed = filed.isAfter(now) ? now : filed;
                }
                row(fil, id, m.enterprise.code().value(), m.period, 1, "APPROVED", "FORM", filed, filed, decided);
                int n = 1;
                for (ActivityLine a : m.activity) {
                    row(act, id, n++, a.carrier(), a.use(), a.amount(), a.unit());
                }
                n = 1;
                for (ProcessLine p : m.process) {
                    row(pro, id, n++, p.process(), p.amount(), p.unit(), p.parameters());
                }
                n = 1;
                for (ProductionLine p : m.production) {
                    row(prd, id, n++, p.product(), p.amount(), p.unit());
                    products.putIfAbsent(m.enterprise.code().value(), p.product());
                }
                n = 1;
                for (OutputLine o : m.output) {
                    row(out, id, n++, o.valueAdded(), o.unit());
                }
                lines += m.activity.size() + m.process.size() + m.production.size() + m.output.size();
                id++;
            }
            copy(
                    copy,
                    "filing (id, enterprise, period, version, status, source, created_at, submitted_at, decided_at)",
                    fil);
            copy(copy, "filing_activity (filing_id, line, carrier, use, amount, unit)", act);
            copy(copy, "filing_process (filing_id, line, process, amount, unit, parameters)", pro);
            copy(copy, "filing_production (filing_id, line, product, amount, unit)", prd);
            copy(copy, "filing_output (filing_id, line, value_added, unit)", out);
            for (DemoProvince.Enterprise e : enterprises) {
                String product = products.get(e.code().value());
                row(
                        fac,
                        e.code().value(),
                        "主要生产线",
                        e.profile(),
                        product,
                        e.capacity(),
                        product == null ? null : "t/a",
                        EQUIPMENT.get(e.profile()));
            }
            copy(copy, "facility (enterprise, name, kind, product, capacity, capacity_unit, equipment)", fac);
            StringBuilder res = new StringBuilder();
            for (EnterpriseMonth m : run.result().months()) {
                row(
                        res,
                        ids.get(key(m.enterprise(), m.period())),
                        m.enterprise().value(),
                        m.period(),
                        m.region().value(),
                        m.industry().value(),
                        m.scope1(),
                        m.scope2(),
                        m.total(),
                        m.energy(),
                        m.combustion(),
                        m.process(),
                        m.electricity(),
                        m.heat(),
                        Double.isNaN(m.valueAdded()) ? null : m.valueAdded(),
                        sets,
                        now,
                        m.feedstockEnergy());
            }
            copy(
                    copy,
                    "account_result (filing_id, enterprise, period, region, industry, scope1_tco2, scope2_tco2,"
                            + " total_tco2, energy_tce, combustion_tco2, process_tco2, electricity_tco2, heat_tco2,"
                            + " value_added, factor_sets, computed_at, feedstock_tce)",
                    res);
            try (PreparedStatement ps =
                    c.prepareStatement("insert into region_factor_set (region, active_from, set_id, set_version)"
                            + " values ('" + PROVINCE + "', date '2000-01-01', 'peakline-reference', '"
                            + dev.peakline.reference.FactorSetLoader.SHIPPED_VERSION + "')"
                            + " on conflict do nothing")) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    now,
                    "system",
                    "demo.load",
                    "region",
                    PROVINCE,
                    null,
                    "{\"enterprises\":" + enterprises.size() + ",\"filings\":" + months.size() + ",\"lines\":" + lines
                            + "}");
            return new Loaded(enterprises.size(), months.size(), lines, sets);
        });
    }

    private static Map<String, Long> parks(Connection c) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        for (DemoProvince.Park p : DemoProvince.PARKS) {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "insert into park (name, region) values (?, ?) returning id",
                            p.name(),
                            p.region().value());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.put(p.code(), rs.getLong(1));
            }
        }
        return out;
    }

    /** Reserves n filing ids from the identity sequence; returns the first. */
    private static long reserve(Connection c, int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select nextval(pg_get_serial_sequence('filing', 'id'))");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long first = rs.getLong(1);
            try (PreparedStatement set = Tx.prepare(
                    c, "select setval(pg_get_serial_sequence('filing', 'id'), ?)", first + Math.max(n, 1) - 1)) {
                set.executeQuery().close();
            }
            return first;
        }
    }

    private static void copy(CopyManager copy, String target, StringBuilder rows) throws SQLException {
        if (rows.length() == 0) {
            return;
        }
        try {
            copy.copyIn("copy " + target + " from stdin", new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("copy into " + target + " failed", e);
        }
    }

    /** Appends one row in COPY's text format. */
    private static void row(StringBuilder sb, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                sb.append("\\N");
            } else if (v instanceof Instant t) {
                sb.append(t.toString());
            } else {
                String s = v.toString();
                for (int k = 0; k < s.length(); k++) {
                    char ch = s.charAt(k);
                    switch (ch) {
                        case '\\' -> sb.append("\\\\");
                        case '\t' -> sb.append("\\t");
                        case '\n' -> sb.append("\\n");
                        case '\r' -> sb.append("\\r");
                        default -> sb.append(ch);
                    }
                }
            }
        }
        sb.append('\n');
    }

    private static String key(CreditCode e, YearMonth p) {
        return e.value() + p;
    }

    private static BigDecimal dec(double v) {
        return BigDecimal.valueOf(v);
    }
}
