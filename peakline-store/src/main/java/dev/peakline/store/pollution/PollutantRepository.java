package dev.peakline.store.pollution;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pollutant emissions per enterprise, month, outlet and pollutant. A filing replaces the months it holds, whole, in
 * one transaction; each month's replacement is audited with its lines before and after.
 */
public final class PollutantRepository {
    private final Database db;
    private final Clock clock;

    public PollutantRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A stored line. */
    public record Line(String enterprise, String period, String outlet, String pollutant, double kg, String method) {}

    /** Replaces the enterprise's months that the lines cover; how many months were replaced. */
    public int replace(String actor, String enterprise, List<Line> lines) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            TreeSet<String> months = new TreeSet<>();
            lines.forEach(l -> months.add(l.period()));
            for (String m : months) {
                List<Line> before = read(c, "where enterprise = ? and period = ?", enterprise, m);
                try (PreparedStatement ps = Tx.prepare(
                        c, "delete from pollutant_emission where enterprise = ? and period = ?", enterprise, m)) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into pollutant_emission (enterprise, period,"
                        + " outlet, pollutant, kg, method, filed_at, filed_by) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Line l : lines) {
                        if (!l.period().equals(m)) {
                            continue;
                        }
                        ps.setString(1, enterprise);
                        ps.setString(2, m);
                        ps.setString(3, l.outlet());
                        ps.setString(4, l.pollutant());
                        ps.setDouble(5, l.kg());
                        ps.setString(6, l.method());
                        ps.setTimestamp(7, Timestamp.from(at));
                        ps.setString(8, actor);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                AuditLog.record(
                        c,
                        at,
                        actor,
                        before.isEmpty() ? "pollutants.file" : "pollutants.replace",
                        "pollutant_emission",
                        enterprise + "/" + m,
                        before.isEmpty() ? null : json(before),
                        json(lines.stream().filter(l -> l.period().equals(m)).toList()));
            }
            return months.size();
        });
    }

    private static String json(List<Line> lines) {
        List<String> parts = new ArrayList<>();
        for (Line l : lines) {
            parts.add(AuditLog.object(
                    "outlet", l.outlet(), "pollutant", l.pollutant(), "kg", l.kg(), "method", l.method()));
        }
        return "[" + String.join(",", parts) + "]";
    }

    /** The enterprise's lines of a year, by month. */
    public List<Line> of(String enterprise, int year) {
        return Tx.run(
                db,
                c -> read(
                        c,
                        "where enterprise = ? and period like ? order by period, outlet, pollutant",
                        enterprise,
                        year + "-%"));
    }

    /** kg per pollutant (outlet|code) per enterprise of the regions in a year. */
    public Map<String, Map<String, Double>> yearByEnterprise(Collection<String> regions, int year) {
        return Tx.run(db, c -> {
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select p.enterprise, p.outlet, p.pollutant, sum(p.kg) from pollutant_emission p join"
                                    + " enterprise e on e.credit_code = p.enterprise where e.region = any (?) and"
                                    + " p.period like ? group by 1, 2, 3 order by 1, 2, 3",
                            regions.toArray(String[]::new),
                            year + "-%");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2) + "|" + rs.getString(3), rs.getDouble(4));
                }
            }
            return out;
        });
    }

    private static List<Line> read(java.sql.Connection c, String where, Object... args) throws java.sql.SQLException {
        List<Line> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select enterprise, period, outlet, pollutant, kg, method from pollutant_emission " + where,
                        args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Line(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDouble(5),
                        rs.getString(6)));
            }
        }
        return out;
    }
}
