package dev.peakline.store.sinks;

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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The sink inventory: an import replaces the region-years it holds, whole, in one transaction, each audited with the
 * removals before and after.
 */
public final class SinkRepository {
    private final Database db;
    private final Clock clock;

    public SinkRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A stored row. */
    public record Row(
            String region,
            int year,
            int line,
            String pool,
            String method,
            Map<String, Double> inputs,
            double removals) {}

    /** Replaces the region-years the rows cover; how many region-years. */
    public int replace(String actor, List<Row> rows) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            TreeSet<String> keys = new TreeSet<>();
            rows.forEach(r -> keys.add(r.region() + "/" + r.year()));
            for (String k : keys) {
                String region = k.substring(0, 6);
                int year = Integer.parseInt(k.substring(7));
                Double before = null;
                try (PreparedStatement ps = Tx.prepare(
                                c,
                                "select sum(removals) from sink_inventory where region = ? and year = ?",
                                region,
                                year);
                        ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        double v = rs.getDouble(1);
                        before = rs.wasNull() ? null : v;
                    }
                }
                try (PreparedStatement ps =
                        Tx.prepare(c, "delete from sink_inventory where region = ? and year = ?", region, year)) {
                    ps.executeUpdate();
                }
                double after = 0;
                try (PreparedStatement ps = c.prepareStatement("insert into sink_inventory (region, year, line, pool,"
                        + " method, inputs, removals, filed_at, filed_by) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
                    for (Row r : rows) {
                        if (!r.region().equals(region) || r.year() != year) {
                            continue;
                        }
                        List<Object> pairs = new ArrayList<>();
                        r.inputs().forEach((n, v) -> {
                            pairs.add(n);
                            pairs.add(v);
                        });
                        ps.setString(1, region);
                        ps.setInt(2, year);
                        ps.setInt(3, r.line());
                        ps.setString(4, r.pool());
                        ps.setString(5, r.method());
                        ps.setString(6, AuditLog.object(pairs.toArray()));
                        ps.setDouble(7, r.removals());
                        ps.setTimestamp(8, Timestamp.from(at));
                        ps.setString(9, actor);
                        ps.addBatch();
                        after += r.removals();
                    }
                    ps.executeBatch();
                }
                AuditLog.record(
                        c,
                        at,
                        actor,
                        before == null ? "sinks.import" : "sinks.replace",
                        "sink_inventory",
                        k,
                        before == null ? null : AuditLog.object("removals", before),
                        AuditLog.object("removals", after));
            }
            return keys.size();
        });
    }

    /** The rows of the regions in a year. */
    public List<Row> of(Collection<String> regions, int year) {
        return Tx.run(db, c -> {
            List<Row> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select region, year, line, pool, method, removals from sink_inventory where region = any (?)"
                                    + " and year = ? order by region, pool, line",
                            regions.toArray(String[]::new),
                            year);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getInt(3),
                            rs.getString(4),
                            rs.getString(5),
                            Map.of(),
                            rs.getDouble(6)));
                }
            }
            return out;
        });
    }
}
