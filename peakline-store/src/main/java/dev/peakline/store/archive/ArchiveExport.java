package dev.peakline.store.archive;

import dev.peakline.domain.ChinaTime;
import dev.peakline.store.Database;
import dev.peakline.store.StoreException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the archive keeps out of the database, a month at a time and streamed (a server-side cursor), in the
 * archive's column order (docs/scale.md): approved filing lines with their enterprise's region and industry, their
 * standing results, meters, readings and day roll-ups. Amounts are read as the stored decimals and turned into doubles
 * the way the engine's input is ({@code BigDecimal.doubleValue}), so an archived line accounts to the same bits.
 */
public final class ArchiveExport {
    /** Receives rows: the archive table's name, the month partition, the values in column order. */
    public interface Sink {
        void row(String table, YearMonth month, Object[] values);
    }

    private static final int FETCH = 10_000;
    private final Database db;

    public ArchiveExport(Database db) {
        this.db = db;
    }

    /** The approved filings of the months {@code from..to}: lines of the four kinds and the results; rows written. */
    public long filings(YearMonth from, YearMonth to, Sink sink) {
        String approved = " from filing f join enterprise e on e.credit_code = f.enterprise"
                + " where f.status = 'APPROVED' and f.period = ?";
        long n = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            n += stream(
                    "activity",
                    m,
                    "select f.enterprise, e.region, e.industry, f.period, f.id, a.line, a.carrier, a.use, a.amount,"
                            + " a.unit, a.measured_ncv, a.measured_carbon, a.quality, a.uncertainty, a.factor_uncertainty"
                            + approved.replace(" where", " join filing_activity a on a.filing_id = f.id where")
                            + " order by f.enterprise, a.line",
                    sink,
                    m.toString());
            n += stream(
                    "process",
                    m,
                    "select f.enterprise, f.period, f.id, p.line, p.process, p.amount, p.unit, p.parameters"
                            + approved.replace(" where", " join filing_process p on p.filing_id = f.id where")
                            + " order by f.enterprise, p.line",
                    sink,
                    m.toString());
            n += stream(
                    "production",
                    m,
                    "select f.enterprise, f.period, f.id, p.line, p.product, p.amount, p.unit"
                            + approved.replace(" where", " join filing_production p on p.filing_id = f.id where")
                            + " order by f.enterprise, p.line",
                    sink,
                    m.toString());
            n += stream(
                    "output",
                    m,
                    "select f.enterprise, f.period, f.id, o.line, o.value_added, o.unit"
                            + approved.replace(" where", " join filing_output o on o.filing_id = f.id where")
                            + " order by f.enterprise, o.line",
                    sink,
                    m.toString());
            n += stream(
                    "results",
                    m,
                    "select r.enterprise, r.period, r.region, r.industry, r.filing_id, r.scope1_tco2, r.scope2_tco2,"
                            + " r.total_tco2, r.energy_tce, r.feedstock_tce, r.combustion_tco2, r.process_tco2,"
                            + " r.electricity_tco2, r.heat_tco2, r.value_added, r.factor_sets from account_result r"
                            + " join filing f on f.id = r.filing_id where r.current and f.status = 'APPROVED'"
                            + " and r.period = ? order by r.enterprise",
                    sink,
                    m.toString());
        }
        return n;
    }

    /** Every meter (device) of every point; rows written. */
    public long meters(Sink sink) {
        return stream(
                "meters",
                null,
                "select id, enterprise, code, carrier, unit, kind, multiplier, interval_s, register_max,"
                        + " (extract(epoch from installed_at) * 1000)::bigint,"
                        + " (extract(epoch from removed_at) * 1000)::bigint, replaces from meter order by id",
                sink);
    }

    /** The readings and day roll-ups of the Beijing months {@code from..to}; rows written. */
    public long readings(YearMonth from, YearMonth to, Sink sink) {
        long n = 0;
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            n += stream(
                    "readings",
                    m,
                    "select meter_id, ts, value from reading where ts >= ? and ts < ?",
                    sink,
                    start(m),
                    start(m.plusMonths(1)));
            n += stream(
                    "meter_days",
                    m,
                    "select meter_id, day, consumption, readings, expected, covered_s, gap_s, rollovers, resets"
                            + " from meter_day where day >= ? and day < ?",
                    sink,
                    java.sql.Date.valueOf(m.atDay(1)),
                    java.sql.Date.valueOf(m.plusMonths(1).atDay(1)));
        }
        return n;
    }

    /** The months (Beijing time) that have readings in the database, in order. */
    public List<YearMonth> readingMonths() {
        List<YearMonth> out = new ArrayList<>();
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(
                        "select distinct to_char(ts at time zone 'Asia/Shanghai', 'YYYY-MM') from reading order by 1");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(YearMonth.parse(rs.getString(1)));
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return out;
    }

    /** The first and last month with an approved filing, or null when there is none. */
    public YearMonth[] filingMonths() {
        try (Connection c = db.connection();
                PreparedStatement ps =
                        c.prepareStatement("select min(period), max(period) from filing where status = 'APPROVED'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1) == null
                    ? null
                    : new YearMonth[] {YearMonth.parse(rs.getString(1)), YearMonth.parse(rs.getString(2))};
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static Timestamp start(YearMonth m) {
        return Timestamp.from(m.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant());
    }

    private long stream(String table, YearMonth month, String sql, Sink sink, Object... args) {
        long n = 0;
        try (Connection c = db.connection()) {
            c.setAutoCommit(false); // a cursor, not the whole month in memory
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    int cols = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        Object[] v = new Object[cols];
                        for (int i = 0; i < cols; i++) {
                            Object o = rs.getObject(i + 1);
                            if (o instanceof BigDecimal d) {
                                v[i] = d.doubleValue();
                            } else if (o instanceof Timestamp t) {
                                v[i] = t.getTime();
                            } else if (o instanceof java.sql.Date d) {
                                v[i] = d.toLocalDate();
                            } else if (o instanceof Short sh) {
                                v[i] = sh.intValue();
                            } else if (o instanceof String st) {
                                v[i] = st.strip();
                            } else {
                                v[i] = o;
                            }
                        }
                        sink.row(table, month, v);
                        n++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
        return n;
    }
}
