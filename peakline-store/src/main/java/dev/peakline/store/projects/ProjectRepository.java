package dev.peakline.store.projects;

import dev.peakline.problems.Refusal;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The 两高 project register: projects, their status history and substitution ledgers (减量替代). */
public final class ProjectRepository {
    private final Database db;
    private final Clock clock;

    public ProjectRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Project(
            long id,
            String name,
            String enterprise,
            String region,
            String industry,
            String product,
            double capacity,
            String capacityUnit,
            double designedEnergyTce,
            double designedCo2,
            Double designedValue,
            String status,
            String classification,
            String disposal,
            LocalDate commissioned) {
        String json() {
            return AuditLog.object(
                    "name",
                    name,
                    "enterprise",
                    enterprise,
                    "region",
                    region,
                    "industry",
                    industry,
                    "product",
                    product,
                    "capacity",
                    capacity,
                    "capacityUnit",
                    capacityUnit,
                    "designedEnergyTce",
                    designedEnergyTce,
                    "designedCo2",
                    designedCo2,
                    "designedValue",
                    designedValue,
                    "status",
                    status,
                    "classification",
                    classification,
                    "disposal",
                    disposal,
                    "commissioned",
                    commissioned == null ? null : commissioned.toString());
        }
    }

    public record Event(long id, Instant at, String actor, String from, String to, String document, String comment) {}

    public record Substitution(
            long id,
            String kind,
            double amount,
            String unit,
            String pollutant,
            String source,
            String sourceEnterprise) {}

    private static final String SELECT = "select id, name, enterprise, region, industry, product, capacity,"
            + " capacity_unit, designed_energy_tce, designed_co2_t, designed_value, status, classification, disposal,"
            + " commissioned from project";

    public long create(String actor, Project p, String document) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id = Tx.insert(
                    c,
                    "insert into project (name, enterprise, region, industry, product, capacity, capacity_unit,"
                            + " designed_energy_tce, designed_co2_t, designed_value, status, classification, disposal,"
                            + " commissioned, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?)",
                    p.name(),
                    p.enterprise(),
                    p.region(),
                    p.industry(),
                    p.product(),
                    p.capacity(),
                    p.capacityUnit(),
                    p.designedEnergyTce(),
                    p.designedCo2(),
                    p.designedValue(),
                    p.status(),
                    p.classification(),
                    p.disposal() == null ? "" : p.disposal(),
                    p.commissioned() == null ? null : Date.valueOf(p.commissioned()),
                    Timestamp.from(at),
                    actor);
            event(c, id, at, actor, null, p.status(), document, "");
            AuditLog.record(c, at, actor, "project.create", "project", String.valueOf(id), null, p.json());
            return id;
        });
    }

    /**
     * Moves a project to a new status if it is still in {@code from} (else false: someone moved it first), recording
     * the event; OPERATING sets the commissioning day, a disposal decision may be recorded with any move.
     */
    public boolean move(
            String actor,
            long id,
            String from,
            String to,
            String document,
            String comment,
            String disposal,
            LocalDate commissioned) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            Project before = find(c, id).orElseThrow(() -> Refusal.notFound("project " + id));
            int n;
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update project set status = ?, disposal = coalesce(?, disposal),"
                            + " commissioned = coalesce(?, commissioned) where id = ? and status = ?",
                    to,
                    disposal,
                    commissioned == null ? null : Date.valueOf(commissioned),
                    id,
                    from)) {
                n = ps.executeUpdate();
            }
            if (n == 0) {
                return false;
            }
            event(c, id, at, actor, from, to, document, comment);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "project.move",
                    "project",
                    String.valueOf(id),
                    before.json(),
                    find(c, id).orElseThrow().json());
            return true;
        });
    }

    private static void event(
            Connection c, long id, Instant at, String actor, String from, String to, String document, String comment)
            throws SQLException {
        try (PreparedStatement ps = Tx.prepare(
                c,
                "insert into project_event (project_id, at, actor, from_status, to_status, document, comment)"
                        + " values (?, ?, ?, ?, ?, ?, ?)",
                id,
                Timestamp.from(at),
                actor,
                from,
                to,
                document == null ? "" : document,
                comment == null ? "" : comment)) {
            ps.executeUpdate();
        }
    }

    public long addSubstitution(String actor, long project, Substitution s) {
        Instant at = clock.instant();
        return Tx.run(db, c -> insertSubstitution(c, at, actor, project, s));
    }

    /** Adds a substitution line inside the caller's transaction (a 用能权 purchase booked with it), audited; its id. */
    public static long insertSubstitution(java.sql.Connection c, Instant at, String actor, long project, Substitution s)
            throws java.sql.SQLException {
        long id = Tx.insert(
                c,
                "insert into substitution (project_id, kind, amount, unit, pollutant, source, source_enterprise,"
                        + " created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                project,
                s.kind(),
                s.amount(),
                s.unit(),
                s.pollutant(),
                s.source(),
                s.sourceEnterprise(),
                Timestamp.from(at),
                actor);
        AuditLog.record(
                c,
                at,
                actor,
                "project.substitution",
                "project",
                String.valueOf(project),
                null,
                AuditLog.object(
                        "kind",
                        s.kind(),
                        "amount",
                        s.amount(),
                        "unit",
                        s.unit(),
                        "pollutant",
                        s.pollutant(),
                        "source",
                        s.source(),
                        "sourceEnterprise",
                        s.sourceEnterprise()));
        return id;
    }

    public Optional<Project> find(long id) {
        return Tx.run(db, c -> find(c, id));
    }

    private static Optional<Project> find(Connection c, long id) throws SQLException {
        return projects(c, SELECT + " where id = ?", id).stream().findFirst();
    }

    public List<Project> in(Collection<String> regions) {
        return Tx.run(
                db,
                c -> projects(
                        c, SELECT + " where region = any (?) order by id", (Object) regions.toArray(String[]::new)));
    }

    public List<Event> events(long project) {
        return Tx.run(db, c -> {
            List<Event> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select id, at, actor, from_status, to_status, document, comment from project_event"
                                    + " where project_id = ? order by id",
                            project);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Event(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)));
                }
            }
            return out;
        });
    }

    public List<Substitution> substitutions(long project) {
        return Tx.run(db, c -> {
            List<Substitution> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select id, kind, amount, unit, pollutant, source, source_enterprise from substitution"
                                    + " where project_id = ? order by id",
                            project);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Substitution(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getDouble(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7)));
                }
            }
            return out;
        });
    }

    private static List<Project> projects(Connection c, String sql, Object... args) throws SQLException {
        List<Project> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double dv = rs.getDouble(11);
                Double designed = rs.wasNull() ? null : dv;
                Date d = rs.getDate(15);
                out.add(new Project(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4).trim(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getDouble(7),
                        rs.getString(8),
                        rs.getDouble(9),
                        rs.getDouble(10),
                        designed,
                        rs.getString(12),
                        rs.getString(13),
                        rs.getString(14),
                        d == null ? null : d.toLocalDate()));
            }
        }
        return out;
    }
}
