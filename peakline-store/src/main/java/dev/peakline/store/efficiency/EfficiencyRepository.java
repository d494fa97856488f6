package dev.peakline.store.efficiency;

import dev.peakline.domain.CreditCode;
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

/** Key equipment and production lines (能效清单), their output and energy by year, and renovation plans. */
public final class EfficiencyRepository {
    private final Database db;
    private final Clock clock;

    public EfficiencyRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A facility with its enterprise, for the lists. */
    public record Line(
            long id,
            String enterprise,
            String enterpriseName,
            String region,
            String industry,
            String name,
            String equipment,
            String product,
            double capacity,
            String capacityUnit,
            LocalDate commissioned) {}

    /** What a new or edited facility carries; the caller has checked product, unit and capacity. */
    public record FacilityInput(
            String name,
            String equipment,
            String product,
            double capacity,
            String capacityUnit,
            LocalDate commissioned) {}

    /** A year of an enterprise: output of one product [in its filed unit], with the enterprise's energy and months. */
    public record Output(String enterprise, String product, String unit, double amount, double energyTce, int months) {}

    /** An enterprise-year's filed amounts of one carrier, use and unit (summed over current filings). */
    public record CarrierSum(String enterprise, String carrier, String use, String unit, double amount) {}

    public record Plan(
            long id,
            long facilityId,
            String facility,
            String enterprise,
            String enterpriseName,
            String region,
            String product,
            String measure,
            Double targetValue,
            LocalDate deadline,
            String status,
            LocalDate doneAt,
            Long measureId,
            String measureName) {}

    private static final String LINE = "select f.id, f.enterprise, e.name, e.region, e.industry, f.name, f.equipment,"
            + " f.product, f.capacity, f.capacity_unit, f.commissioned from facility f"
            + " join enterprise e on e.credit_code = f.enterprise";

    public long register(String actor, CreditCode enterprise, FacilityInput in) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id = Tx.insert(
                    c,
                    "insert into facility (enterprise, name, kind, product, capacity, capacity_unit, equipment,"
                            + " commissioned, created_at) values (?, ?, 'line', ?, ?, ?, ?, ?, ?)",
                    enterprise.value(),
                    in.name(),
                    in.product(),
                    in.capacity(),
                    in.capacityUnit(),
                    in.equipment(),
                    in.commissioned() == null ? null : Date.valueOf(in.commissioned()),
                    Timestamp.from(at));
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "facility.register",
                    "facility",
                    String.valueOf(id),
                    null,
                    json(enterprise.value(), in));
            return id;
        });
    }

    public void update(String actor, long id, FacilityInput in) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            Line before = line(c, id).orElseThrow(() -> Refusal.notFound("facility " + id));
            try (PreparedStatement ps = c.prepareStatement("update facility set name = ?, product = ?, capacity = ?,"
                    + " capacity_unit = ?, equipment = ?, commissioned = ? where id = ?")) {
                ps.setString(1, in.name());
                ps.setString(2, in.product());
                ps.setDouble(3, in.capacity());
                ps.setString(4, in.capacityUnit());
                ps.setString(5, in.equipment());
                ps.setObject(6, in.commissioned() == null ? null : Date.valueOf(in.commissioned()));
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "facility.update",
                    "facility",
                    String.valueOf(id),
                    json(
                            before.enterprise(),
                            new FacilityInput(
                                    before.name(),
                                    before.equipment(),
                                    before.product(),
                                    before.capacity(),
                                    before.capacityUnit(),
                                    before.commissioned())),
                    json(before.enterprise(), in));
            return null;
        });
    }

    private static String json(String enterprise, FacilityInput in) {
        return AuditLog.object(
                "enterprise",
                enterprise,
                "name",
                in.name(),
                "equipment",
                in.equipment(),
                "product",
                in.product(),
                "capacity",
                in.capacity(),
                "capacityUnit",
                in.capacityUnit(),
                "commissioned",
                in.commissioned() == null ? null : in.commissioned().toString());
    }

    public Optional<Line> find(long id) {
        return Tx.run(db, c -> line(c, id));
    }

    private static Optional<Line> line(Connection c, long id) throws SQLException {
        List<Line> l = lines(c, LINE + " where f.id = ?", id);
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
    }

    /** Facilities with a product and capacity of the enterprises in the regions. */
    public List<Line> linesIn(Collection<String> regions) {
        return Tx.run(
                db,
                c -> lines(
                        c,
                        LINE + " where e.region = any (?) and f.product is not null and f.capacity > 0 order by f.id",
                        (Object) regions.toArray(String[]::new)));
    }

    public List<Line> linesOf(CreditCode enterprise) {
        return Tx.run(db, c -> lines(c, LINE + " where f.enterprise = ? order by f.id", enterprise.value()));
    }

    private static List<Line> lines(Connection c, String sql, Object... args) throws SQLException {
        List<Line> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Date d = rs.getDate(11);
                out.add(new Line(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4).trim(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getDouble(9),
                        rs.getString(10),
                        d == null ? null : d.toLocalDate()));
            }
        }
        return out;
    }

    /**
     * Output by enterprise and product over the year's current (accounted) filings of the enterprises in the regions,
     * with the enterprise's energy and how many months were accounted.
     */
    public List<Output> outputs(Collection<String> regions, int year) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "with cur as (select filing_id, enterprise, energy_tce from account_result where current"
                                + " and period between ? and ? and region = any (?)),"
                                + " en as (select enterprise, sum(energy_tce) tce, count(*) n from cur group by enterprise)"
                                + " select cur.enterprise, p.product, p.unit, sum(p.amount), min(en.tce), min(en.n)"
                                + " from cur join filing_production p on p.filing_id = cur.filing_id"
                                + " join en on en.enterprise = cur.enterprise"
                                + " group by cur.enterprise, p.product, p.unit order by 1, 2",
                        rs -> new Output(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getInt(6)),
                        year + "-01",
                        year + "-12",
                        regions.toArray(String[]::new)));
    }

    /** Filed activity amounts by enterprise, carrier, use and unit over the year's current filings in the regions. */
    public List<CarrierSum> carriers(Collection<String> regions, int year) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select r.enterprise, a.carrier, a.use, a.unit, sum(a.amount) from account_result r"
                                + " join filing_activity a on a.filing_id = r.filing_id where r.current"
                                + " and r.period between ? and ? and r.region = any (?)"
                                + " group by 1, 2, 3, 4 order by 1, 2, 3, 4",
                        rs -> new CarrierSum(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDouble(5)),
                        year + "-01",
                        year + "-12",
                        regions.toArray(String[]::new)));
    }

    public long addPlan(String actor, long facility, String measure, Double targetValue, LocalDate deadline) {
        return addPlan(actor, facility, measure, targetValue, deadline, null);
    }

    /** A plan, carrying out a measure of the library when {@code measureId} is given. */
    public long addPlan(
            String actor, long facility, String measure, Double targetValue, LocalDate deadline, Long measureId) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id = Tx.insert(
                    c,
                    "insert into renovation_plan (facility_id, measure, target_value, deadline, status, created_at,"
                            + " measure_id) values (?, ?, ?, ?, 'PLANNED', ?, ?)",
                    facility,
                    measure,
                    targetValue,
                    Date.valueOf(deadline),
                    Timestamp.from(at),
                    measureId);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "renovation.plan",
                    "renovation_plan",
                    String.valueOf(id),
                    null,
                    AuditLog.object(
                            "facility",
                            facility,
                            "measure",
                            measure,
                            "targetValue",
                            targetValue,
                            "deadline",
                            deadline.toString(),
                            "status",
                            "PLANNED",
                            "measureId",
                            measureId));
            return id;
        });
    }

    /** Moves a plan to a status; DONE and RETIRED record the day. */
    public void setPlanStatus(String actor, long id, String status, LocalDate day) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            Plan before = plans(c, PLAN + " where p.id = ?", id).stream()
                    .findFirst()
                    .orElseThrow(() -> Refusal.notFound("renovation plan " + id));
            boolean closed = status.equals("DONE") || status.equals("RETIRED");
            try (PreparedStatement ps =
                    c.prepareStatement("update renovation_plan set status = ?, done_at = ? where id = ?")) {
                ps.setString(1, status);
                ps.setObject(2, closed ? Date.valueOf(day) : null);
                ps.setLong(3, id);
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "renovation.status",
                    "renovation_plan",
                    String.valueOf(id),
                    AuditLog.object("status", before.status()),
                    AuditLog.object("status", status));
            return null;
        });
    }

    public Optional<Plan> plan(long id) {
        return Tx.run(db, c -> plans(c, PLAN + " where p.id = ?", id).stream().findFirst());
    }

    private static final String PLAN = "select p.id, f.id, f.name, e.credit_code, e.name, e.region, f.product,"
            + " p.measure, p.target_value, p.deadline, p.status, p.done_at, p.measure_id, m.name from renovation_plan p"
            + " join facility f on f.id = p.facility_id join enterprise e on e.credit_code = f.enterprise"
            + " left join measure m on m.id = p.measure_id";

    public List<Plan> plansIn(Collection<String> regions) {
        return Tx.run(
                db,
                c -> plans(c, PLAN + " where e.region = any (?) order by p.deadline, p.id", (Object)
                        regions.toArray(String[]::new)));
    }

    /** An enterprise's renovation plans, by deadline. */
    public List<Plan> plansOf(String enterprise) {
        return Tx.run(db, c -> plans(c, PLAN + " where e.credit_code = ? order by p.deadline, p.id", enterprise));
    }

    private static List<Plan> plans(Connection c, String sql, Object... args) throws SQLException {
        List<Plan> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                double tv = rs.getDouble(9);
                Double target = rs.wasNull() ? null : tv;
                Date done = rs.getDate(12);
                out.add(new Plan(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6).trim(),
                        rs.getString(7),
                        rs.getString(8),
                        target,
                        rs.getDate(10).toLocalDate(),
                        rs.getString(11),
                        done == null ? null : done.toLocalDate(),
                        (Long) rs.getObject(13),
                        rs.getString(14)));
            }
        }
        return out;
    }
}
