package dev.peakline.store.ledger;

import dev.peakline.domain.CreditCode;
import dev.peakline.store.AuditLog;
import dev.peakline.store.BinaryCopy;
import dev.peakline.store.Database;
import dev.peakline.store.StoreException;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Accounting results (核算结果) of approved filings: one row per filing version, the standing version's row marked
 * current, each with the factor sets it used. Read as a cube (region × industry × month) for dashboards and per
 * enterprise for the carbon account.
 */
public final class AccountResults {
    private final Database db;
    private final Clock clock;

    public AccountResults(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The figures of one accounted filing version. valueAdded is NaN when not filed. */
    public record Row(
            long filingId,
            CreditCode enterprise,
            String region,
            String industry,
            YearMonth period,
            double combustion,
            double process,
            double electricity,
            double heat,
            double energy,
            double feedstockEnergy,
            double valueAdded,
            String factorSets) {
        public double scope1() {
            return combustion + process;
        }

        public double scope2() {
            return electricity + heat;
        }

        public double total() {
            return scope1() + scope2();
        }
    }

    /** Sums of one region × industry × month over the current results; {@code filed} counts enterprise-months. */
    public record Cell(
            String region,
            String industry,
            YearMonth period,
            double combustion,
            double process,
            double electricity,
            double heat,
            double energy,
            double valueAdded,
            int filed) {
        public double total() {
            return combustion + process + electricity + heat;
        }
    }

    /** An enterprise's sums over a span. */
    public record EnterpriseSum(
            CreditCode enterprise,
            String name,
            String region,
            String industry,
            double total,
            double energy,
            double valueAdded,
            int months,
            double process) {}

    /** Inserts results as current, making any earlier result of the same enterprise-month not current. */
    public static void insert(Connection c, List<Row> rows, Instant at) throws SQLException {
        try (PreparedStatement old = c.prepareStatement(
                        "update account_result set current = false where enterprise = ? and period = ? and current");
                PreparedStatement ps = c.prepareStatement(
                        "insert into account_result (filing_id, enterprise, period, region, industry, scope1_tco2,"
                                + " scope2_tco2, total_tco2, energy_tce, combustion_tco2, process_tco2,"
                                + " electricity_tco2, heat_tco2, value_added, factor_sets, computed_at, feedstock_tce)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Row r : rows) {
                old.setString(1, r.enterprise().value());
                old.setString(2, r.period().toString());
                old.addBatch();
                bind(ps, r, at);
                ps.addBatch();
            }
            old.executeBatch();
            ps.executeBatch();
        }
    }

    /**
     * The last line of defence: a non-finite figure (an overflow upstream) is never stored, so that one bad result
     * cannot turn a region's totals into Infinity. Input checks refuse such input long before this.
     */
    static void checkFinite(Row r) {
        double[] figures = {
            r.scope1(),
            r.scope2(),
            r.total(),
            r.energy(),
            r.feedstockEnergy(),
            r.combustion(),
            r.process(),
            r.electricity(),
            r.heat()
        };
        for (double v : figures) {
            if (!Double.isFinite(v)) {
                throw new IllegalStateException(
                        "a non-finite figure for " + r.enterprise() + " " + r.period() + " was not stored: " + r);
            }
        }
        if (!Double.isNaN(r.valueAdded()) && Double.isInfinite(r.valueAdded())) {
            throw new IllegalStateException("an infinite value added for " + r.enterprise() + " was not stored");
        }
    }

    private static void bind(PreparedStatement ps, Row r, Instant at) throws SQLException {
        checkFinite(r);
        ps.setLong(1, r.filingId());
        ps.setString(2, r.enterprise().value());
        ps.setString(3, r.period().toString());
        ps.setString(4, r.region());
        ps.setString(5, r.industry());
        ps.setDouble(6, r.scope1());
        ps.setDouble(7, r.scope2());
        ps.setDouble(8, r.total());
        ps.setDouble(9, r.energy());
        ps.setDouble(10, r.combustion());
        ps.setDouble(11, r.process());
        ps.setDouble(12, r.electricity());
        ps.setDouble(13, r.heat());
        if (Double.isNaN(r.valueAdded())) {
            ps.setNull(14, Types.DOUBLE);
        } else {
            ps.setDouble(14, r.valueAdded());
        }
        ps.setString(15, r.factorSets());
        ps.setTimestamp(16, Timestamp.from(at));
        ps.setDouble(17, r.feedstockEnergy());
    }

    /**
     * Whether a result recomputed comes out with every figure {@link #update} writes, and its factor sets, the same to
     * the bit as the stored one: then there is nothing to write.
     */
    public static boolean sameFigures(Row stored, Row now) {
        return stored != null
                && bits(stored.combustion()) == bits(now.combustion())
                && bits(stored.process()) == bits(now.process())
                && bits(stored.electricity()) == bits(now.electricity())
                && bits(stored.heat()) == bits(now.heat())
                && bits(stored.energy()) == bits(now.energy())
                && bits(stored.feedstockEnergy()) == bits(now.feedstockEnergy())
                && java.util.Objects.equals(stored.factorSets(), now.factorSets());
    }

    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }

    /**
     * Starts writing a recomputation's results (the figures of existing results with another factor set): chunks are copied as they come ({@link Recomputed#add}) into a staging
     * table of one transaction, and {@link Recomputed#commit} swaps them all in by one statement. The results change
     * together or not at all, and the summaries are refreshed once, for the cells the whole job touched (a refresh per
     * chunk re-summed the province's busiest cells once per chunk).
     */
    public Recomputed recomputed(String actor) {
        try {
            return new Recomputed(actor, db.connection());
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    /** A recomputation's results being written: staged by {@link #add}, swapped in by {@link #commit}. */
    public final class Recomputed implements AutoCloseable {
        private final String actor;
        private final Connection c;
        private final java.util.TreeSet<String> sets = new java.util.TreeSet<>();
        private long first = Long.MAX_VALUE;
        private long last = Long.MIN_VALUE;
        private int staged;
        private boolean done;

        private Recomputed(String actor, Connection c) throws SQLException {
            this.actor = actor;
            this.c = c;
            boolean ok = false;
            try {
                c.setAutoCommit(false);
                try (Statement st = c.createStatement()) {
                    st.execute("create temp table if not exists result_stage (id bigint, s1 float8, s2 float8,"
                            + " t float8, e float8, c float8, p float8, el float8, h float8, fs text, f float8)"
                            + " on commit delete rows");
                }
                ok = true;
            } finally {
                if (!ok) {
                    c.close();
                }
            }
        }

        /**
         * Copies a chunk in PostgreSQL's binary format (no figure printed here or parsed there); nothing is visible
         * until {@link #commit}.
         */
        public void add(List<Row> rows) {
            if (rows.isEmpty()) {
                return;
            }
            BinaryCopy copy = new BinaryCopy(rows.size() * 120);
            for (Row r : rows) {
                checkFinite(r);
                copy.row(11)
                        .bigint(r.filingId())
                        .float8(r.scope1())
                        .float8(r.scope2())
                        .float8(r.total())
                        .float8(r.energy())
                        .float8(r.combustion())
                        .float8(r.process())
                        .float8(r.electricity())
                        .float8(r.heat())
                        .text(r.factorSets())
                        .float8(r.feedstockEnergy());
                sets.add(r.factorSets());
                first = Math.min(first, r.filingId());
                last = Math.max(last, r.filingId());
            }
            try {
                copy.into(c, "result_stage");
            } catch (SQLException e) {
                throw new StoreException(e);
            }
            staged += rows.size();
        }

        /** Swaps the staged results in by one statement, audits them and commits; returns how many were replaced. */
        public int commit() {
            Instant at = clock.instant();
            try {
                int n = 0;
                if (staged > 0) {
                    try (PreparedStatement ps = c.prepareStatement("update account_result r set scope1_tco2 = v.s1,"
                            + " scope2_tco2 = v.s2, total_tco2 = v.t, energy_tce = v.e, combustion_tco2 = v.c,"
                            + " process_tco2 = v.p, electricity_tco2 = v.el, heat_tco2 = v.h, factor_sets = v.fs,"
                            + " computed_at = ?, feedstock_tce = v.f from result_stage v where r.filing_id = v.id")) {
                        ps.setTimestamp(1, Timestamp.from(at));
                        n = ps.executeUpdate();
                    }
                    AuditLog.record(
                            c,
                            at,
                            actor,
                            "results.recompute",
                            "account_result",
                            first + ".." + last,
                            null,
                            "{\"results\":" + n + ",\"factor_sets\":"
                                    + AuditLog.json(List.copyOf(sets).toString()) + "}");
                }
                c.commit();
                done = true;
                return n;
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }

        /** Rolls back what was staged unless committed, and gives the connection back. */
        @Override
        public void close() {
            try {
                if (!done) {
                    c.rollback();
                }
                c.close();
            } catch (SQLException e) {
                throw new StoreException(e);
            }
        }
    }

    private static final String ROW = "select filing_id, enterprise, period, region, industry, combustion_tco2,"
            + " process_tco2, electricity_tco2, heat_tco2, energy_tce, value_added, factor_sets, feedstock_tce"
            + " from account_result";

    private static Row row(ResultSet rs) throws SQLException {
        double va = rs.getDouble(11);
        boolean noValueAdded = rs.wasNull(); // read at once: a later getDouble would answer for its own column
        return new Row(
                rs.getLong(1),
                CreditCode.of(rs.getString(2)),
                rs.getString(4).trim(),
                rs.getString(5),
                YearMonth.parse(rs.getString(3)),
                rs.getDouble(6),
                rs.getDouble(7),
                rs.getDouble(8),
                rs.getDouble(9),
                rs.getDouble(10),
                rs.getDouble(13),
                noValueAdded ? Double.NaN : va,
                rs.getString(12));
    }

    /** The first and last period of a span given as "2024" or "2024-03" (a range, so the period index serves). */
    static String[] span(String prefix) {
        return prefix.length() == 4 ? new String[] {prefix + "-01", prefix + "-12"} : new String[] {prefix, prefix};
    }

    /** The current results of an enterprise, oldest month first. */
    public List<Row> ofEnterprise(CreditCode enterprise) {
        return rows(ROW + " where enterprise = ? and current order by period", enterprise.value());
    }

    /** An enterprise's accounted year: its industry, total tCO2 and months. */
    public record Total(String enterprise, String industry, double totalT, int months) {}

    /** The accounted totals of the regions' enterprises in a year (the summary kept per enterprise and year). */
    public List<Total> totalsIn(Collection<String> regions, int year) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select enterprise, min(industry), sum(total), max(months) from account_year where year = ? and"
                                + " region = any (?) group by enterprise order by enterprise",
                        rs -> new Total(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getInt(4)),
                        String.valueOf(year),
                        (Object) regions.toArray(String[]::new)));
    }

    /** An enterprise's purchased electricity of a year: its industry, location-based tCO2 and months accounted. */
    public record Electricity(String enterprise, String industry, double electricityT, int months) {}

    /** The purchased electricity of the regions' enterprises in a year, from their current results. */
    public List<Electricity> electricityIn(Collection<String> regions, int year) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select enterprise, min(industry), sum(electricity_tco2), count(*) from account_result where"
                                + " current and region = any (?) and period between ? and ? group by enterprise order"
                                + " by enterprise",
                        rs -> new Electricity(rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getInt(4)),
                        (Object) regions.toArray(String[]::new),
                        year + "-01",
                        year + "-12"));
    }

    /** An enterprise's sums of one year: scope 1 and 2 (tCO2), energy (tce), value added, months, factor sets used. */
    public record EnterpriseYear(
            int year,
            double scope1,
            double scope2,
            double energy,
            double valueAdded,
            int months,
            java.util.Set<String> factorSets) {
        public static EnterpriseYear none(int year) {
            return new EnterpriseYear(year, 0, 0, 0, 0, 0, java.util.Set.of());
        }
    }

    /** An enterprise's current results summed per year (months without value added count 0), by year. */
    public java.util.Map<Integer, EnterpriseYear> yearsOf(CreditCode enterprise) {
        return Tx.run(db, c -> {
            java.util.Map<Integer, EnterpriseYear> out = new java.util.TreeMap<>();
            for (EnterpriseYear y : Tx.list(
                    c,
                    "select left(period, 4)::int, sum(combustion_tco2 + process_tco2), sum(electricity_tco2 +"
                            + " heat_tco2), sum(energy_tce), coalesce(sum(value_added), 0), count(*),"
                            + " string_agg(distinct factor_sets, chr(10)) from account_result where enterprise = ?"
                            + " and current group by 1 order by 1",
                    rs -> new EnterpriseYear(
                            rs.getInt(1),
                            rs.getDouble(2),
                            rs.getDouble(3),
                            rs.getDouble(4),
                            rs.getDouble(5),
                            rs.getInt(6),
                            new java.util.TreeSet<>(List.of(rs.getString(7).split("\n")))),
                    enterprise.value())) {
                out.put(y.year(), y);
            }
            return out;
        });
    }

    /** The current result of an enterprise-month, if accounted. */
    public java.util.Optional<Row> current(CreditCode enterprise, YearMonth period) {
        return rows(ROW + " where enterprise = ? and period = ? and current", enterprise.value(), period.toString())
                .stream()
                .findFirst();
    }

    /** The current results in the given regions whose period starts with the prefix ("2024" or "2024-03"). */
    public List<Row> inRegions(Collection<String> regions, String periodPrefix) {
        String[] span = span(periodPrefix);
        return rows(
                ROW + " where current and region = any (?) and period between ? and ?",
                regions.toArray(String[]::new),
                span[0],
                span[1]);
    }

    private List<Row> rows(String sql, Object... args) {
        return Tx.run(db, c -> Tx.list(c, sql, AccountResults::row, args));
    }

    /** Region × industry × month sums of the current results in the given regions and year. */
    public List<Cell> cube(Collection<String> regions, int year) {
        return cube(regions, String.valueOf(year));
    }

    /** An industry's year in a region from its enterprises' accounts: CO2 (scope 1 + 2, t), energy (tce), value added. */
    public record IndustryYear(int year, double co2, double energy, double valueAdded) {}

    /**
     * The years in which the industry (a GB/T 4754 code and everything under it) has accounts in every month in the
     * regions, summed from the summaries the results keep (V18).
     */
    public List<IndustryYear> industryYears(Collection<String> regions, String industry) {
        return Tx.run(db, c -> {
            List<IndustryYear> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select left(period, 4)::int, sum(combustion + process + electricity + heat), sum(energy),"
                                    + " sum(value_added) from account_cube where region = any (?) and industry like ? || '%'"
                                    + " group by 1 having count(distinct period) = 12 order by 1",
                            regions.toArray(String[]::new),
                            industry);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new IndustryYear(rs.getInt(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)));
                }
            }
            return out;
        });
    }

    /** The cube's cells of a span summed in the database: one cell (region and industry empty) for its totals. */
    public Cell cubeTotal(Collection<String> regions, String periodPrefix) {
        String[] span = span(periodPrefix);
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select coalesce(sum(combustion), 0), coalesce(sum(process), 0),"
                                    + " coalesce(sum(electricity), 0), coalesce(sum(heat), 0), coalesce(sum(energy), 0),"
                                    + " coalesce(sum(value_added), 0), coalesce(sum(results), 0)::int from account_cube"
                                    + " where period between ? and ? and region = any (?)",
                            span[0],
                            span[1],
                            regions.toArray(String[]::new));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Cell(
                        "",
                        "",
                        YearMonth.parse(span[0]),
                        rs.getDouble(1),
                        rs.getDouble(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        rs.getInt(7));
            }
        });
    }

    /** The cube's cells of a year ("2024") or a month ("2024-03") in the regions. */
    public List<Cell> cube(Collection<String> regions, String periodPrefix) {
        String[] span = span(periodPrefix);
        return Tx.run(db, c -> {
            List<Cell> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            // the summary the results' triggers keep (V18): one row per region, industry and
                            // month, the same sums as grouping the current results
                            "select region, industry, period, combustion, process, electricity, heat, energy,"
                                    + " value_added, results from account_cube"
                                    + " where period between ? and ? and region = any (?)",
                            span[0],
                            span[1],
                            regions.toArray(String[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Cell(
                            rs.getString(1).trim(),
                            rs.getString(2),
                            YearMonth.parse(rs.getString(3)),
                            rs.getDouble(4),
                            rs.getDouble(5),
                            rs.getDouble(6),
                            rs.getDouble(7),
                            rs.getDouble(8),
                            rs.getDouble(9),
                            rs.getInt(10)));
                }
            }
            return out;
        });
    }

    /**
     * Enterprises in the regions with their sums over the periods starting with the prefix, largest emitters first;
     * industryPrefix filters by GB/T 4754 code prefix ("" for all).
     */
    public List<EnterpriseSum> enterprises(
            Collection<String> regions, String periodPrefix, String industryPrefix, int limit) {
        String[] span = span(periodPrefix);
        // a year from the enterprise-year summary (V18), a month from the results themselves
        String sql = periodPrefix.length() == 4
                ? "select r.enterprise, e.name, r.region, r.industry, sum(r.total), sum(r.energy),"
                        + " sum(r.value_added), sum(r.months)::int, sum(r.process) from account_year r"
                        + " join enterprise e on e.credit_code = r.enterprise"
                        + " where r.year between left(?, 4) and left(?, 4) and r.region = any (?)"
                        + " and r.industry like ? group by r.enterprise, e.name, r.region, r.industry"
                        + " order by sum(r.total) desc, r.enterprise limit ?"
                : "select r.enterprise, e.name, r.region, r.industry, sum(r.total_tco2), sum(r.energy_tce),"
                        + " coalesce(sum(r.value_added), 0), count(*), sum(r.process_tco2) from account_result r"
                        + " join enterprise e on e.credit_code = r.enterprise"
                        + " where r.current and r.period between ? and ? and r.region = any (?)"
                        + " and r.industry like ? group by r.enterprise, e.name, r.region, r.industry"
                        + " order by sum(r.total_tco2) desc, r.enterprise limit ?";
        return Tx.run(db, c -> {
            List<EnterpriseSum> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c, sql, span[0], span[1], regions.toArray(String[]::new), industryPrefix + "%", limit);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new EnterpriseSum(
                            CreditCode.of(rs.getString(1)),
                            rs.getString(2),
                            rs.getString(3).trim(),
                            rs.getString(4),
                            rs.getDouble(5),
                            rs.getDouble(6),
                            rs.getDouble(7),
                            rs.getInt(8),
                            rs.getDouble(9)));
                }
            }
            return out;
        });
    }

    /** Per region: how many enterprises have a current result in the span ("2024" or "2024-03"). */
    public java.util.Map<String, Integer> filedEnterprises(Collection<String> regions, String period) {
        String[] span = span(period);
        return Tx.run(db, c -> {
            java.util.Map<String, Integer> out = new java.util.HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            // a month: its results (one current result per enterprise-month); a year: the
                            // enterprises with a result in it (the summaries of V18)
                            period.length() == 4
                                    ? "select region, count(distinct enterprise) from account_year where year"
                                            + " between left(?, 4) and left(?, 4) and region = any (?) group by region"
                                    : "select region, sum(results)::int from account_cube where period between ? and"
                                            + " ? and region = any (?) group by region",
                            span[0],
                            span[1],
                            regions.toArray(String[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1).trim(), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Current results with their filing ids in the regions (all periods), for recomputation. */
    public List<Row> currentIn(Collection<String> regions) {
        return rows(ROW + " where current and region = any (?) order by filing_id", (Object)
                regions.toArray(String[]::new));
    }

    /**
     * Yearly sums (year, CO2, energy, energy used as feedstock, value added, months) of an enterprise, or of the regions
     * and industry prefix.
     */
    public record Year(int year, double total, double energy, double feedstockEnergy, double valueAdded, int months) {
        /** Energy without feedstock (原料用能), as energy-consumption control counts it (发改环资〔2022〕803号). */
        public double energyExcludingFeedstock() {
            return energy - feedstockEnergy;
        }
    }

    public List<Year> years(Collection<String> regions, String industryPrefix, String enterprise) {
        return Tx.run(db, c -> {
            List<Year> out = new ArrayList<>();
            String where = enterprise != null ? "enterprise = ?" : "region = any (?) and industry like ?";
            Object[] args = enterprise != null
                    ? new Object[] {enterprise}
                    : new Object[] {regions.toArray(String[]::new), industryPrefix + "%"};
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select substr(period, 1, 4)::int, sum(total_tco2), sum(energy_tce),"
                                    + " coalesce(sum(value_added), 0), count(*), sum(feedstock_tce) from account_result"
                                    + " where current and "
                                    + where + " group by 1 order by 1",
                            args);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Year(
                            rs.getInt(1),
                            rs.getDouble(2),
                            rs.getDouble(3),
                            rs.getDouble(6),
                            rs.getDouble(4),
                            rs.getInt(5)));
                }
            }
            return out;
        });
    }
}
