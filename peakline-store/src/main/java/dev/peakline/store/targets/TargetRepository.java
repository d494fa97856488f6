package dev.peakline.store.targets;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Targets of regions, industries and enterprises, with their decomposition (parent → children). */
public final class TargetRepository {
    private final Database db;
    private final Clock clock;

    public TargetRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A stored target; region is the region of the subject (for an enterprise, its registered region). */
    public record Row(
            long id,
            String scope,
            String region,
            String industry,
            String enterprise,
            String indicator,
            int baseYear,
            int targetYear,
            double value,
            Long parentId,
            String document) {
        String json() {
            return AuditLog.object(
                    "scope",
                    scope,
                    "region",
                    region,
                    "industry",
                    industry,
                    "enterprise",
                    enterprise,
                    "indicator",
                    indicator,
                    "baseYear",
                    baseYear,
                    "targetYear",
                    targetYear,
                    "value",
                    value,
                    "parent",
                    parentId,
                    "document",
                    document);
        }
    }

    private static final String SELECT = "select t.id, t.scope, coalesce(t.region, e.region), t.industry, t.enterprise,"
            + " t.indicator, t.base_year, t.target_year, t.value, t.parent_id, t.document from target t"
            + " left join enterprise e on e.credit_code = t.enterprise";

    /** Inserts a target (its id in the row is ignored); a duplicate subject-indicator-years fails with 23505. */
    public long create(String actor, Row r) {
        Instant at = clock.instant();
        return Tx.run(db, c -> insert(c, actor, r, at));
    }

    private static long insert(Connection c, String actor, Row r, Instant at) throws SQLException {
        long id = Tx.insert(
                c,
                "insert into target (scope, region, industry, enterprise, indicator, base_year, target_year, value,"
                        + " parent_id, document, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.scope(),
                r.scope().equals("ENTERPRISE") ? null : r.region(),
                r.industry(),
                r.enterprise(),
                r.indicator(),
                r.baseYear(),
                r.targetYear(),
                r.value(),
                r.parentId(),
                r.document() == null ? "" : r.document(),
                Timestamp.from(at),
                actor);
        AuditLog.record(c, at, actor, "target.create", "target", String.valueOf(id), null, r.json());
        return id;
    }

    /**
     * Replaces the children of a parent target with the given ones in one transaction (the old children are deleted
     * unless a target hangs below them, in which case nothing changes and 23503 is raised).
     */
    public List<Long> decompose(String actor, long parent, List<Row> children) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            for (Row old : rows(c, SELECT + " where t.parent_id = ? order by t.id", parent)) {
                try (PreparedStatement ps = Tx.prepare(c, "delete from target where id = ?", old.id())) {
                    ps.executeUpdate();
                }
                AuditLog.record(c, at, actor, "target.delete", "target", String.valueOf(old.id()), old.json(), null);
            }
            List<Long> ids = new ArrayList<>();
            for (Row r : children) {
                ids.add(insert(c, actor, r, at));
            }
            return ids;
        });
    }

    public Optional<Row> find(long id) {
        return Tx.run(db, c -> rows(c, SELECT + " where t.id = ?", id).stream().findFirst());
    }

    /** Region and industry targets of the regions, and enterprise targets of enterprises registered in them. */
    public List<Row> in(Collection<String> regions) {
        return Tx.run(
                db,
                c -> rows(
                        c,
                        SELECT + " where coalesce(t.region, e.region) = any (?) order by t.scope, t.indicator, t.id",
                        (Object) regions.toArray(String[]::new)));
    }

    public List<Row> children(long parent) {
        return Tx.run(db, c -> rows(c, SELECT + " where t.parent_id = ? order by t.id", parent));
    }

    private static List<Row> rows(Connection c, String sql, Object... args) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long p = rs.getLong(10);
                Long parent = rs.wasNull() ? null : p;
                String region = rs.getString(3);
                out.add(new Row(
                        rs.getLong(1),
                        rs.getString(2),
                        region == null ? null : region.trim(),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getInt(8),
                        rs.getDouble(9),
                        parent,
                        rs.getString(11)));
            }
        }
        return out;
    }
}
