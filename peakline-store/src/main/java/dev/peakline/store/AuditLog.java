package dev.peakline.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Who changed what, when, and the value before and after; written in the same transaction as the change. */
public final class AuditLog {
    private AuditLog() {}

    public record Entry(
            long id,
            Instant at,
            String actor,
            String action,
            String entity,
            String entityId,
            String before,
            String after) {}

    /** Records a change; {@code before} and {@code after} are JSON (or null). */
    public static void record(
            Connection c,
            Instant at,
            String actor,
            String action,
            String entity,
            String entityId,
            String before,
            String after)
            throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("insert into audit_log (at, actor, action, entity, entity_id, before, after)"
                        + " values (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb)")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, entity);
            ps.setString(5, entityId);
            ps.setString(6, before);
            ps.setString(7, after);
            ps.executeUpdate();
        }
    }

    /** The history of one entity, oldest first. */
    public static List<Entry> history(Connection c, String entity, String entityId) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select id, at, actor, action, entity, entity_id, before::text, after::text from audit_log"
                        + " where entity = ? and entity_id = ? order by id")) {
            ps.setString(1, entity);
            ps.setString(2, entityId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** A flat JSON object of the pairs (name, value, name, value …); numbers, booleans and null stay bare. */
    public static String object(Object... pairs) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            if (i > 0) {
                b.append(',');
            }
            b.append(json(String.valueOf(pairs[i]))).append(':');
            Object v = pairs[i + 1];
            if (v == null || v instanceof Boolean) {
                b.append(v);
            } else if (v instanceof Number n) {
                double d = n.doubleValue();
                b.append(Double.isNaN(d) || Double.isInfinite(d) ? "null" : n.toString());
            } else {
                b.append(json(v.toString()));
            }
        }
        return b.append('}').toString();
    }

    /** A JSON string literal. */
    public static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
