package dev.peakline.store.plan;

import dev.peakline.domain.CreditCode;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * 数据质量控制计划 (monitoring plan) of an enterprise: its accounting boundary, how each datum is determined (method,
 * instrument, accuracy, monitoring and recording frequency, what is done when data are missing, who is responsible) and
 * its internal quality assurance. Saving writes a new version and an audit entry; versions are never changed.
 */
public final class MonitoringPlans {
    /** How one parameter of the account is determined. */
    public record Item(
            String parameter,
            String method,
            String instrument,
            String accuracy,
            String frequency,
            String recording,
            String missing,
            String department) {}

    /** One version of a plan. */
    public record Plan(
            int version, String boundary, String qualityAssurance, String savedBy, Instant savedAt, List<Item> items) {}

    private final Database db;
    private final Clock clock;

    public MonitoringPlans(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The latest version, if any. */
    public Optional<Plan> latest(CreditCode enterprise) {
        return Tx.run(db, c -> {
            Optional<Integer> v = Tx.one(
                    c,
                    "select version from monitoring_plan where enterprise = ? order by version desc limit 1",
                    rs -> rs.getInt(1),
                    enterprise.value());
            return v.isEmpty() ? Optional.empty() : version(c, enterprise, v.get());
        });
    }

    /** A given version, if it exists. */
    public Optional<Plan> version(CreditCode enterprise, int version) {
        return Tx.run(db, c -> version(c, enterprise, version));
    }

    private static Optional<Plan> version(java.sql.Connection c, CreditCode enterprise, int version)
            throws java.sql.SQLException {
        List<Item> items = Tx.list(
                c,
                "select parameter, method, instrument, accuracy, frequency, recording, missing, department"
                        + " from monitoring_plan_item where enterprise = ? and version = ? order by line",
                rs -> new Item(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)),
                enterprise.value(),
                version);
        return Tx.one(
                c,
                "select version, boundary, quality_assurance, saved_by, saved_at from monitoring_plan"
                        + " where enterprise = ? and version = ?",
                rs -> new Plan(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant(),
                        items),
                enterprise.value(),
                version);
    }

    /** Saves a new version (validated by the caller) and audits it; returns it. */
    public Plan save(CreditCode enterprise, String actor, String boundary, String qa, List<Item> items, String json) {
        Instant at = clock.instant();
        int version = Tx.run(db, c -> {
            // two saves at once take turns on the enterprise's row, so each gets its own version
            Tx.one(c, "select 1 from enterprise where credit_code = ? for update", rs -> 1, enterprise.value());
            int v = Tx.one(
                                    c,
                                    "select coalesce(max(version), 0) from monitoring_plan where enterprise = ?",
                                    rs -> rs.getInt(1),
                                    enterprise.value())
                            .orElse(0)
                    + 1;
            try (var ps = Tx.prepare(
                    c,
                    "insert into monitoring_plan (enterprise, version, boundary, quality_assurance, saved_by,"
                            + " saved_at) values (?, ?, ?, ?, ?, ?)",
                    enterprise.value(),
                    v,
                    boundary,
                    qa,
                    actor,
                    Timestamp.from(at))) {
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("insert into monitoring_plan_item (enterprise, version, line, parameter,"
                    + " method, instrument, accuracy, frequency, recording, missing, department)"
                    + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int line = 1;
                for (Item i : items) {
                    ps.setString(1, enterprise.value());
                    ps.setInt(2, v);
                    ps.setInt(3, line++);
                    ps.setString(4, i.parameter());
                    ps.setString(5, i.method());
                    ps.setString(6, i.instrument());
                    ps.setString(7, i.accuracy());
                    ps.setString(8, i.frequency());
                    ps.setString(9, i.recording());
                    ps.setString(10, i.missing());
                    ps.setString(11, i.department());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            AuditLog.record(c, at, actor, "plan.save", "monitoring_plan", enterprise.value(), null, json);
            return v;
        });
        return version(enterprise, version).orElseThrow();
    }
}
