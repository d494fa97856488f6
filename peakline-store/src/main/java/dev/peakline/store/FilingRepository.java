package dev.peakline.store;

import dev.peakline.domain.CreditCode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Filings (填报) of enterprise-months, with versions: draft → submitted → approved (locked) or returned with comments →
 * resubmitted. A correction of an approved month is a new version; approving it supersedes the old one. Nothing is
 * overwritten, and every change is written to the audit log in the same transaction.
 */
public final class FilingRepository {

    public enum Status {
        DRAFT,
        SUBMITTED,
        RETURNED,
        APPROVED,
        SUPERSEDED
    }

    public record Filing(
            long id,
            CreditCode enterprise,
            YearMonth period,
            int version,
            Status status,
            String source,
            Instant createdAt,
            String comment) {
        String json() {
            return "{\"id\":" + id + ",\"enterprise\":" + AuditLog.json(enterprise.value()) + ",\"period\":"
                    + AuditLog.json(period.toString()) + ",\"version\":" + version + ",\"status\":"
                    + AuditLog.json(status.name()) + ",\"comment\":"
                    + (comment == null ? "null" : AuditLog.json(comment)) + "}";
        }
    }

    /** One line of activity data as filed: carrier, use, amount in its unit, measured NCV and carbon when given. */
    public record ActivityLine(
            String carrier,
            String use,
            BigDecimal amount,
            String unit,
            BigDecimal measuredNcv,
            BigDecimal measuredCarbon) {}

    /** The columns {@link #filing(ResultSet)} reads, in its order. */
    private static final String SELECT =
            "select id, enterprise, period, version, status, source, created_at, comment from filing";

    private final Database db;
    private final Clock clock;

    public FilingRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Opens the next version of an enterprise-month as a draft with its activity lines. Fails with a conflict when a
     * version of the month is already open (draft, submitted or returned).
     */
    public Filing draft(
            String actor, CreditCode enterprise, YearMonth period, String source, List<ActivityLine> lines) {
        return Tx.run(db, c -> {
            int version;
            try (PreparedStatement ps = c.prepareStatement(
                    "select coalesce(max(version), 0) + 1 from filing where enterprise = ? and period = ?")) {
                ps.setString(1, enterprise.value());
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            Instant now = clock.instant();
            long id;
            try (PreparedStatement ps =
                    c.prepareStatement("insert into filing (enterprise, period, version, status, source, created_at)"
                            + " values (?, ?, ?, 'DRAFT', ?, ?) returning id")) {
                ps.setString(1, enterprise.value());
                ps.setString(2, period.toString());
                ps.setInt(3, version);
                ps.setString(4, source);
                ps.setTimestamp(5, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            insertActivity(c, id, lines);
            Filing f = new Filing(id, enterprise, period, version, Status.DRAFT, source, now, null);
            AuditLog.record(c, now, actor, "filing.create", "filing", String.valueOf(id), null, f.json());
            return f;
        });
    }

    private static void insertActivity(Connection c, long id, List<ActivityLine> lines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into filing_activity (filing_id, line, carrier, use, amount, unit, measured_ncv,"
                        + " measured_carbon) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int line = 1;
            for (ActivityLine l : lines) {
                ps.setLong(1, id);
                ps.setInt(2, line++);
                ps.setString(3, l.carrier());
                ps.setString(4, l.use());
                ps.setBigDecimal(5, l.amount());
                ps.setString(6, l.unit());
                ps.setBigDecimal(7, l.measuredNcv());
                ps.setBigDecimal(8, l.measuredCarbon());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Replaces the activity of a draft or returned filing; an approved filing is locked. */
    public void replaceActivity(String actor, long id, List<ActivityLine> lines) {
        Tx.run(db, c -> {
            Filing f = lock(c, id);
            if (f.status() != Status.DRAFT && f.status() != Status.RETURNED) {
                throw new IllegalStateException("filing " + id + " is " + f.status()
                        + "; only a draft or a returned filing can be changed (a correction is a new version)");
            }
            int before = activity(c, id).size();
            try (PreparedStatement ps = c.prepareStatement("delete from filing_activity where filing_id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            insertActivity(c, id, lines);
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "filing.activity",
                    "filing",
                    String.valueOf(id),
                    "{\"lines\":" + before + "}",
                    "{\"lines\":" + lines.size() + "}");
            return null;
        });
    }

    public Filing submit(String actor, long id) {
        return transition(actor, id, Set.of(Status.DRAFT, Status.RETURNED), Status.SUBMITTED, null, "filing.submit");
    }

    /** The verifier returns a submitted filing with comments. */
    public Filing returnForCorrection(String actor, long id, String comment) {
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a returned filing needs a comment saying what to correct");
        }
        return transition(actor, id, Set.of(Status.SUBMITTED), Status.RETURNED, comment, "filing.return");
    }

    /** The verifier approves a submitted filing; an earlier approved version of the month is superseded. */
    public Filing approve(String actor, long id, String comment) {
        return Tx.run(db, c -> {
            Filing f = lock(c, id);
            try (PreparedStatement ps =
                    c.prepareStatement("update filing set status = 'SUPERSEDED' where enterprise = ? and period = ?"
                            + " and status = 'APPROVED' returning id")) {
                ps.setString(1, f.enterprise().value());
                ps.setString(2, f.period().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditLog.record(
                                c,
                                clock.instant(),
                                actor,
                                "filing.supersede",
                                "filing",
                                String.valueOf(rs.getLong(1)),
                                "{\"status\":\"APPROVED\"}",
                                "{\"status\":\"SUPERSEDED\",\"by\":" + id + "}");
                    }
                }
            }
            return transition(c, actor, f, Set.of(Status.SUBMITTED), Status.APPROVED, comment, "filing.approve");
        });
    }

    private Filing transition(String actor, long id, Set<Status> from, Status to, String comment, String action) {
        return Tx.run(db, c -> transition(c, actor, lock(c, id), from, to, comment, action));
    }

    private Filing transition(
            Connection c, String actor, Filing f, Set<Status> from, Status to, String comment, String action)
            throws SQLException {
        if (!from.contains(f.status())) {
            throw new IllegalStateException(
                    "filing " + f.id() + " is " + f.status() + "; it must be " + from + " to become " + to);
        }
        Instant now = clock.instant();
        String column = to == Status.SUBMITTED ? "submitted_at" : "decided_at";
        try (PreparedStatement ps = c.prepareStatement(
                "update filing set status = ?, comment = coalesce(?, comment), " + column + " = ? where id = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, comment);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(4, f.id());
            ps.executeUpdate();
        }
        Filing after = new Filing(
                f.id(),
                f.enterprise(),
                f.period(),
                f.version(),
                to,
                f.source(),
                f.createdAt(),
                comment == null ? f.comment() : comment);
        AuditLog.record(c, now, actor, action, "filing", String.valueOf(f.id()), f.json(), after.json());
        return after;
    }

    private static Filing lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no filing " + id);
                }
                return filing(rs);
            }
        }
    }

    private static Filing filing(ResultSet rs) throws SQLException {
        return new Filing(
                rs.getLong(1),
                CreditCode.of(rs.getString(2)),
                YearMonth.parse(rs.getString(3)),
                rs.getInt(4),
                Status.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8));
    }

    /** Every version of an enterprise-month, oldest first. */
    public List<Filing> versions(CreditCode enterprise, YearMonth period) {
        return Tx.run(db, c -> {
            List<Filing> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(SELECT + " where enterprise = ? and period = ? order by version")) {
                ps.setString(1, enterprise.value());
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(filing(rs));
                    }
                }
            }
            return out;
        });
    }

    public List<ActivityLine> activity(long id) {
        return Tx.run(db, c -> activity(c, id));
    }

    private static List<ActivityLine> activity(Connection c, long id) throws SQLException {
        List<ActivityLine> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "select carrier, use, amount, unit, measured_ncv, measured_carbon from filing_activity"
                        + " where filing_id = ? order by line")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ActivityLine(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getBigDecimal(3),
                            rs.getString(4),
                            rs.getBigDecimal(5),
                            rs.getBigDecimal(6)));
                }
            }
        }
        return out;
    }
}
