package dev.peakline.store.markets;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The register of voluntary reduction projects and their monitoring reports (issue 30): a project registered by its
 * owner and validated, reports submitted with their inputs and the reductions core computed, verified (the credits
 * confirmed or cut) or returned, and issued — the report marked issued and its credits booked into the registry's
 * ledger in one transaction ({@link MarketRepository#book(String, String, List, MarketRepository.Step)}). Every change
 * is audited.
 */
public final class ReductionProjectRepository {
    private final Database db;
    private final Clock clock;

    public ReductionProjectRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A project as registered. */
    public record Project(
            String id,
            String owner,
            String name,
            String methodology,
            String region,
            String location,
            LocalDate creditingFrom,
            LocalDate creditingTo,
            String status,
            String validatedBy,
            Instant validatedAt,
            String validationNote,
            String registeredBy,
            Instant registeredAt) {}

    /** A monitoring report with its inputs, computed reductions and where it stands. */
    public record Report(
            long id,
            String project,
            LocalDate periodFrom,
            LocalDate periodTo,
            Map<String, Double> inputs,
            double reductionT,
            long credits,
            String explanation,
            String status,
            String submittedBy,
            Instant submittedAt,
            String verifiedBy,
            Long verifiedCredits,
            String verifierNote,
            String issuedBy,
            Instant issuedAt,
            Long serialFrom,
            Long serialTo) {}

    private static final String PROJECT = "select id, owner, name, methodology, region, location, crediting_from,"
            + " crediting_to, status, validated_by, validated_at, validation_note, registered_by, registered_at from"
            + " reduction_project";

    private static Project project(ResultSet rs) throws SQLException {
        return new Project(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getDate(7).toLocalDate(),
                rs.getDate(8).toLocalDate(),
                rs.getString(9),
                rs.getString(10),
                rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
                rs.getString(12),
                rs.getString(13),
                rs.getTimestamp(14).toInstant());
    }

    /** Registers a project, audited; false when the id is taken. */
    public boolean register(String actor, Project p) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            if (Tx.one(c, "select 1 from reduction_project where id = ?", rs -> 1, p.id())
                    .isPresent()) {
                return false;
            }
            try (var ps = Tx.prepare(
                    c,
                    "insert into reduction_project (id, owner, name, methodology, region, location, crediting_from,"
                            + " crediting_to, status, registered_by, registered_at) values (?, ?, ?, ?, ?, ?, ?, ?,"
                            + " 'registered', ?, ?)",
                    p.id(),
                    p.owner(),
                    p.name(),
                    p.methodology(),
                    p.region(),
                    p.location(),
                    Date.valueOf(p.creditingFrom()),
                    Date.valueOf(p.creditingTo()),
                    actor,
                    Timestamp.from(at))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "project.register",
                    "reduction_project",
                    p.id(),
                    null,
                    AuditLog.object(
                            "owner",
                            p.owner(),
                            "methodology",
                            p.methodology(),
                            "crediting",
                            p.creditingFrom() + "/" + p.creditingTo()));
            return true;
        });
    }

    /** Marks a registered project validated, audited; false when it is not awaiting validation. */
    public boolean validate(String actor, String id, String note) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            int n;
            try (var ps = Tx.prepare(
                    c,
                    "update reduction_project set status = 'validated', validated_by = ?, validated_at = ?,"
                            + " validation_note = ? where id = ? and status = 'registered'",
                    actor,
                    Timestamp.from(at),
                    note,
                    id)) {
                n = ps.executeUpdate();
            }
            if (n == 1) {
                AuditLog.record(
                        c,
                        at,
                        actor,
                        "project.validate",
                        "reduction_project",
                        id,
                        AuditLog.object("status", "registered"),
                        AuditLog.object("status", "validated", "note", note));
            }
            return n == 1;
        });
    }

    public Optional<Project> project(String id) {
        return Tx.run(db, c -> Tx.one(c, PROJECT + " where id = ?", ReductionProjectRepository::project, id));
    }

    /** The projects in some regions or owned by some enterprises. */
    public List<Project> projects(List<String> regions, List<String> owners) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        PROJECT + " where region = any (?) or owner = any (?) order by id",
                        ReductionProjectRepository::project,
                        (Object) regions.toArray(String[]::new),
                        (Object) owners.toArray(String[]::new)));
    }

    private static final String REPORT =
            "select id, project, period_from, period_to, reduction_t, credits, explanation,"
                    + " status, submitted_by, submitted_at, verified_by, verified_credits, verifier_note, issued_by, issued_at,"
                    + " serial_from, serial_to from monitoring_report";

    private static Report report(Connection c, ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        Map<String, Double> inputs = new LinkedHashMap<>();
        for (Object[] kv : Tx.list(
                c,
                "select key, value::double precision from monitoring_report, jsonb_each_text(inputs) where id = ? order"
                        + " by key",
                r -> new Object[] {r.getString(1), r.getDouble(2)},
                id)) {
            inputs.put((String) kv[0], (Double) kv[1]);
        }
        return new Report(
                id,
                rs.getString(2),
                rs.getDate(3).toLocalDate(),
                rs.getDate(4).toLocalDate(),
                inputs,
                rs.getDouble(5),
                rs.getLong(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                rs.getString(11),
                rs.getObject(12) == null ? null : rs.getLong(12),
                rs.getString(13),
                rs.getString(14),
                rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant(),
                rs.getObject(16) == null ? null : rs.getLong(16),
                rs.getObject(17) == null ? null : rs.getLong(17));
    }

    private static List<Report> reports(Connection c, String where, Object... args) throws SQLException {
        List<Long> ids =
                Tx.list(c, "select id from monitoring_report " + where + " order by id", rs -> rs.getLong(1), args);
        List<Report> out = new ArrayList<>();
        for (long id : ids) {
            try (var ps = Tx.prepare(c, REPORT + " where id = ?", id);
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    out.add(report(c, rs));
                }
            }
        }
        return out;
    }

    /** The reports of some projects, oldest first. */
    public List<Report> reports(List<String> projects) {
        return Tx.run(db, c -> reports(c, "where project = any (?)", (Object) projects.toArray(String[]::new)));
    }

    public Optional<Report> report(long id) {
        return Tx.run(db, c -> reports(c, "where id = ?", id).stream().findFirst());
    }

    /**
     * Stores a submitted report, audited, unless its period overlaps one of the project's reports not returned (checked
     * under a lock on the project, so two submissions cannot both pass): its id, or empty.
     */
    public Optional<Long> submit(String actor, Report r) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            Tx.one(c, "select 1 from reduction_project where id = ? for update", rs -> 1, r.project());
            boolean overlaps = Tx.one(
                            c,
                            "select 1 from monitoring_report where project = ? and status <> 'returned' and period_from"
                                    + " <= ? and period_to >= ?",
                            rs -> 1,
                            r.project(),
                            Date.valueOf(r.periodTo()),
                            Date.valueOf(r.periodFrom()))
                    .isPresent();
            if (overlaps) {
                c.rollback();
                return Optional.<Long>empty();
            }
            List<Object> pairs = new ArrayList<>();
            r.inputs().forEach((k, v) -> {
                pairs.add(k);
                pairs.add(v);
            });
            long id = Tx.insert(
                    c,
                    "insert into monitoring_report (project, period_from, period_to, inputs, reduction_t, credits,"
                            + " explanation, status, submitted_by, submitted_at) values (?, ?, ?, ?::jsonb, ?, ?, ?,"
                            + " 'submitted', ?, ?)",
                    r.project(),
                    Date.valueOf(r.periodFrom()),
                    Date.valueOf(r.periodTo()),
                    AuditLog.object(pairs.toArray()),
                    r.reductionT(),
                    r.credits(),
                    r.explanation(),
                    actor,
                    Timestamp.from(at));
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "project.report",
                    "monitoring_report",
                    String.valueOf(id),
                    null,
                    AuditLog.object(
                            "project",
                            r.project(),
                            "period",
                            r.periodFrom() + "/" + r.periodTo(),
                            "credits",
                            r.credits()));
            return Optional.of(id);
        });
    }

    /**
     * Verifies a submitted report with the credits the verifier confirms (at most those computed), or returns it (null
     * credits), audited; false when it is not awaiting verification.
     */
    public boolean verify(String actor, long id, Long credits, String note) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            int n;
            try (var ps = Tx.prepare(
                    c,
                    "update monitoring_report set status = ?, verified_by = ?, verified_at = ?, verified_credits = ?,"
                            + " verifier_note = ? where id = ? and status = 'submitted'",
                    credits == null ? "returned" : "verified",
                    actor,
                    Timestamp.from(at),
                    credits,
                    note,
                    id)) {
                n = ps.executeUpdate();
            }
            if (n == 1) {
                AuditLog.record(
                        c,
                        at,
                        actor,
                        credits == null ? "project.return" : "project.verify",
                        "monitoring_report",
                        String.valueOf(id),
                        AuditLog.object("status", "submitted"),
                        AuditLog.object(
                                "status", credits == null ? "returned" : "verified", "credits", credits, "note", note));
            }
            return n == 1;
        });
    }

    /** The step that marks a verified report issued with its serials, inside the booking of its credits. */
    public static MarketRepository.Step issued(String actor, long id, long serialFrom, long serialTo) {
        return (c, at) -> {
            try (var ps = Tx.prepare(
                    c,
                    "update monitoring_report set status = 'issued', issued_by = ?, issued_at = ?, serial_from = ?,"
                            + " serial_to = ? where id = ? and status = 'verified'",
                    actor,
                    Timestamp.from(at),
                    serialFrom,
                    serialTo,
                    id)) {
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "project.issue",
                    "monitoring_report",
                    String.valueOf(id),
                    AuditLog.object("status", "verified"),
                    AuditLog.object("status", "issued", "serials", serialFrom + "-" + serialTo));
            return true;
        };
    }
}
