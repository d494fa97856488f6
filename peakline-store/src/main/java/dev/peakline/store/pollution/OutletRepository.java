package dev.peakline.store.pollution;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An enterprise's numbered outlets (排放口) as its 排污许可证 lists them, with the pollutants permitted at each and
 * their permitted quantities (t a year; the 排污权 ledger reads these). Registration and every change are audited with
 * the outlet before and after.
 */
public final class OutletRepository {
    private final Database db;
    private final Clock clock;

    public OutletRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A pollutant permitted at an outlet, with its permitted quantity in t a year (null when the permit sets none). */
    public record Permit(String pollutant, Double permittedT) {}

    /** An outlet: number (DA001, DW001), medium, and what the permit says of it. */
    public record Outlet(
            String enterprise,
            String outletId,
            String medium,
            String name,
            Long facility,
            Double heightM,
            String receivingWater,
            String status,
            List<Permit> permits) {
        public Outlet {
            permits = List.copyOf(permits);
        }

        String json() {
            List<String> p = new ArrayList<>();
            for (Permit x : permits) {
                p.add(AuditLog.object("pollutant", x.pollutant(), "permittedT", x.permittedT()));
            }
            return AuditLog.object(
                            "medium",
                            medium,
                            "name",
                            name,
                            "facility",
                            facility,
                            "heightM",
                            heightM,
                            "receivingWater",
                            receivingWater,
                            "status",
                            status)
                    .replaceFirst("}$", ",\"permits\":[" + String.join(",", p) + "]}");
        }
    }

    /** The enterprise's outlets by number, with their permits. */
    public List<Outlet> of(String enterprise) {
        return Tx.run(db, c -> read(c, enterprise, null));
    }

    /**
     * The permitted quantities (t a year) of the open outlets of the regions' enterprises, summed by enterprise and
     * "medium|pollutant"; a pollutant permitted with no quantity is present with null.
     */
    public Map<String, Map<String, Double>> permittedIn(Collection<String> regions) {
        return Tx.run(db, c -> {
            Map<String, Map<String, Double>> out = new java.util.TreeMap<>();
            for (Object[] r : Tx.list(
                    c,
                    "select o.enterprise, o.medium || '|' || p.pollutant, sum(p.permitted_t), count(p.permitted_t) from"
                            + " pollutant_outlet o join pollutant_outlet_permit p on p.enterprise = o.enterprise and"
                            + " p.outlet_id = o.outlet_id join enterprise e on e.credit_code = o.enterprise where"
                            + " o.status = 'ACTIVE' and e.region = any (?) group by 1, 2 order by 1, 2",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(4) == 0 ? null : rs.getDouble(3)},
                    (Object) regions.toArray(String[]::new))) {
                out.computeIfAbsent((String) r[0], k -> new java.util.TreeMap<>())
                        .put((String) r[1], (Double) r[2]);
            }
            return out;
        });
    }

    /** One outlet of the enterprise. */
    public Optional<Outlet> find(String enterprise, String outletId) {
        return Tx.run(db, c -> read(c, enterprise, outletId).stream().findFirst());
    }

    /** What a registration or change came to. */
    public enum Outcome {
        DONE,
        /** the number is registered already (register) or not at all (update) */
        NUMBER,
        /** the facility is not one of the enterprise's */
        FACILITY
    }

    private static boolean facilityOf(Connection c, Outlet o) throws SQLException {
        return o.facility() == null
                || Tx.one(
                                c,
                                "select 1 from facility where id = ? and enterprise = ?",
                                rs -> 1,
                                o.facility(),
                                o.enterprise())
                        .isPresent();
    }

    /** Registers an outlet, audited; nothing written when the number is taken or the facility is another's. */
    public Outcome register(String actor, Outlet o) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            if (!facilityOf(c, o)) {
                return Outcome.FACILITY;
            }
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into pollutant_outlet (enterprise, outlet_id, medium, name, facility, height_m,"
                            + " receiving_water, status, registered_at, registered_by) values (?, ?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?) on conflict do nothing",
                    o.enterprise(),
                    o.outletId(),
                    o.medium(),
                    o.name(),
                    o.facility(),
                    o.heightM(),
                    o.receivingWater(),
                    o.status(),
                    Timestamp.from(at),
                    actor)) {
                if (ps.executeUpdate() == 0) {
                    return Outcome.NUMBER;
                }
            }
            permits(c, o);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "outlet.register",
                    "pollutant_outlet",
                    o.enterprise() + "/" + o.outletId(),
                    null,
                    o.json());
            return Outcome.DONE;
        });
    }

    /** Changes a registered outlet (its medium and number stay), audited before and after. */
    public Outcome update(String actor, Outlet o) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            List<Outlet> before = read(c, o.enterprise(), o.outletId());
            if (before.isEmpty()) {
                return Outcome.NUMBER;
            }
            if (!facilityOf(c, o)) {
                return Outcome.FACILITY;
            }
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update pollutant_outlet set name = ?, facility = ?, height_m = ?, receiving_water = ?, status = ?"
                            + " where enterprise = ? and outlet_id = ?",
                    o.name(),
                    o.facility(),
                    o.heightM(),
                    o.receivingWater(),
                    o.status(),
                    o.enterprise(),
                    o.outletId())) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "delete from pollutant_outlet_permit where enterprise = ? and outlet_id = ?",
                    o.enterprise(),
                    o.outletId())) {
                ps.executeUpdate();
            }
            permits(c, o);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "outlet.update",
                    "pollutant_outlet",
                    o.enterprise() + "/" + o.outletId(),
                    before.get(0).json(),
                    read(c, o.enterprise(), o.outletId()).get(0).json());
            return Outcome.DONE;
        });
    }

    private static void permits(Connection c, Outlet o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into pollutant_outlet_permit (enterprise, outlet_id,"
                + " pollutant, permitted_t) values (?, ?, ?, ?)")) {
            for (Permit p : o.permits()) {
                ps.setString(1, o.enterprise());
                ps.setString(2, o.outletId());
                ps.setString(3, p.pollutant());
                ps.setObject(4, p.permittedT());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static List<Outlet> read(Connection c, String enterprise, String outletId) throws SQLException {
        Map<String, List<Permit>> permits = new LinkedHashMap<>();
        for (Object[] r : Tx.list(
                c,
                "select outlet_id, pollutant, permitted_t from pollutant_outlet_permit where enterprise = ? and"
                        + " (cast(? as text) is null or outlet_id = ?) order by outlet_id, pollutant",
                rs -> new Object[] {rs.getString(1), new Permit(rs.getString(2), (Double) rs.getObject(3))},
                enterprise,
                outletId,
                outletId)) {
            permits.computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Permit) r[1]);
        }
        return Tx.list(
                c,
                "select enterprise, outlet_id, medium, name, facility, height_m, receiving_water, status from"
                        + " pollutant_outlet where enterprise = ? and (cast(? as text) is null or outlet_id = ?) order by outlet_id",
                rs -> new Outlet(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        (Long) rs.getObject(5),
                        (Double) rs.getObject(6),
                        rs.getString(7),
                        rs.getString(8),
                        permits.getOrDefault(rs.getString(2), List.of())),
                enterprise,
                outletId,
                outletId);
    }
}
