package dev.peakline.store.datacentre;

import dev.peakline.datacentre.DataCentre;
import dev.peakline.datacentre.Pue;
import dev.peakline.domain.Coded;
import dev.peakline.monitoring.DayFigure;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data centres of enterprises (V32), their meters by position and the computing filed for months. Every
 * registration, change, meter position and filing is audited with what was there before.
 */
public final class DataCentres {
    private static final String SELECT = "select d.id, d.enterprise, d.code, d.name, d.cluster, d.status, d.cooling,"
            + " d.it_capacity_kw, d.racks, d.commissioned, d.target_scope, e.name, e.region from data_centre d join"
            + " enterprise e on e.credit_code = d.enterprise";

    private final Database db;
    private final Clock clock;

    public DataCentres(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A data centre with its enterprise's name and region. */
    public record Listed(DataCentre centre, String enterpriseName, String region) {}

    /** The computing an operator filed for a month: average IT utilisation (0–1) and delivered PFLOPS, either. */
    public record Computing(YearMonth month, Double utilisation, Double pflops) {}

    private static Listed row(ResultSet rs) throws SQLException {
        return new Listed(
                new DataCentre(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        Coded.parse(DataCentre.Status.class, rs.getString(6)).orElseThrow(),
                        Coded.parse(DataCentre.Cooling.class, rs.getString(7)).orElseThrow(),
                        rs.getDouble(8),
                        (Integer) rs.getObject(9),
                        (Integer) rs.getObject(10),
                        rs.getString(11)),
                rs.getString(12),
                rs.getString(13));
    }

    private static String json(DataCentre d) {
        return AuditLog.object(
                "code",
                d.code(),
                "name",
                d.name(),
                "cluster",
                d.cluster(),
                "status",
                d.status().code(),
                "cooling",
                d.cooling().code(),
                "itCapacityKw",
                d.itCapacityKw(),
                "racks",
                d.racks(),
                "commissioned",
                d.commissioned(),
                "targetScope",
                d.targetScope());
    }

    public Optional<Listed> find(long id) {
        return Tx.run(db, c -> Tx.one(c, SELECT + " where d.id = ?", DataCentres::row, id));
    }

    public List<Listed> of(String enterprise) {
        return Tx.run(
                db, c -> Tx.list(c, SELECT + " where d.enterprise = ? order by d.code", DataCentres::row, enterprise));
    }

    /** The data centres of enterprises in the regions (county codes), by enterprise and code. */
    public List<Listed> in(Collection<String> regions) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        SELECT + " where e.region = any (?) order by d.enterprise, d.code",
                        DataCentres::row,
                        (Object) regions.toArray(String[]::new)));
    }

    /** Registers a data centre, audited; empty when the enterprise has one with the code already. */
    public Optional<Long> register(String actor, DataCentre d) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            if (Tx.one(
                            c,
                            "select 1 from data_centre where enterprise = ? and code = ?",
                            rs -> 1,
                            d.enterprise(),
                            d.code())
                    .isPresent()) {
                return Optional.empty();
            }
            long id = Tx.insert(
                    c,
                    "insert into data_centre (enterprise, code, name, cluster, status, cooling, it_capacity_kw, racks,"
                            + " commissioned, target_scope, registered_at, registered_by) values (?, ?, ?, ?, ?, ?, ?,"
                            + " ?, ?, ?, ?, ?)",
                    d.enterprise(),
                    d.code(),
                    d.name(),
                    d.cluster(),
                    d.status().code(),
                    d.cooling().code(),
                    d.itCapacityKw(),
                    d.racks(),
                    d.commissioned(),
                    d.targetScope(),
                    Timestamp.from(at),
                    actor);
            AuditLog.record(
                    c, at, actor, "datacentre.register", "data_centre", d.enterprise() + "/" + d.code(), null, json(d));
            return Optional.of(id);
        });
    }

    /** Changes a data centre (its code stays), audited before and after. */
    public void update(String actor, DataCentre before, DataCentre d) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update data_centre set name = ?, cluster = ?, status = ?, cooling = ?, it_capacity_kw = ?, racks"
                            + " = ?, commissioned = ?, target_scope = ? where id = ?",
                    d.name(),
                    d.cluster(),
                    d.status().code(),
                    d.cooling().code(),
                    d.itCapacityKw(),
                    d.racks(),
                    d.commissioned(),
                    d.targetScope(),
                    before.id())) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "datacentre.update",
                    "data_centre",
                    d.enterprise() + "/" + d.code(),
                    json(before),
                    json(d));
            return null;
        });
    }

    /**
     * The day roll-ups of the devices at every position of the data centres over {@code from..to}, in one query: by
     * centre, position and device (a position with devices but no days is present with empty lists). Unordered: the
     * days are summed by date ({@link Pue#position}), and sorting the rows cost the statement four fifths of its time.
     */
    public Map<Long, Map<Pue.Position, List<List<DayFigure>>>> days(
            Collection<Long> ids, LocalDate from, LocalDate to) {
        return Tx.run(db, c -> {
            Map<Long, Map<Pue.Position, Map<Long, List<DayFigure>>>> byDevice = new HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select dm.data_centre, dm.position, m.id, md.day, md.consumption, md.readings, md.expected,"
                                    + " md.covered_s, md.gap_s, md.rollovers, md.resets from data_centre_meter dm join"
                                    + " data_centre d on d.id = dm.data_centre join meter m on m.enterprise ="
                                    + " d.enterprise and m.code = dm.meter_code left join meter_day md on md.meter_id ="
                                    + " m.id and md.day between ? and ? where dm.data_centre = any (?)",
                            from,
                            to,
                            ids.toArray(Long[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<DayFigure> device = byDevice.computeIfAbsent(
                                    rs.getLong(1), k -> new EnumMap<>(Pue.Position.class))
                            .computeIfAbsent(
                                    Pue.Position.parse(rs.getString(2)).orElseThrow(), k -> new LinkedHashMap<>())
                            .computeIfAbsent(rs.getLong(3), k -> new ArrayList<>());
                    if (rs.getDate(4) != null) {
                        device.add(new DayFigure(
                                rs.getDate(4).toLocalDate(),
                                rs.getDouble(5),
                                rs.getInt(6),
                                rs.getInt(7),
                                rs.getInt(8),
                                rs.getInt(9),
                                rs.getInt(10),
                                rs.getInt(11)));
                    }
                }
            }
            Map<Long, Map<Pue.Position, List<List<DayFigure>>>> out = new HashMap<>();
            byDevice.forEach((centre, positions) -> {
                Map<Pue.Position, List<List<DayFigure>>> m = new EnumMap<>(Pue.Position.class);
                positions.forEach((p, devices) -> m.put(p, new ArrayList<>(devices.values())));
                out.put(centre, m);
            });
            return out;
        });
    }

    /** The data centre's metering points by code, with their positions. */
    public Map<String, Pue.Position> meters(long centre) {
        return Tx.run(db, c -> meters(c, centre));
    }

    private static Map<String, Pue.Position> meters(Connection c, long centre) throws SQLException {
        Map<String, Pue.Position> out = new LinkedHashMap<>();
        for (String[] r : Tx.list(
                c,
                "select meter_code, position from data_centre_meter where data_centre = ? order by position, meter_code",
                rs -> new String[] {rs.getString(1), rs.getString(2)},
                centre)) {
            out.put(r[0], Pue.Position.parse(r[1]).orElseThrow());
        }
        return out;
    }

    /** Places a metering point at a position (or moves it), audited; {@code position} null takes it out. */
    public void place(String actor, DataCentre d, String meterCode, Pue.Position position) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            Pue.Position before = meters(c, d.id()).get(meterCode);
            try (PreparedStatement ps = Tx.prepare(
                    c, "delete from data_centre_meter where data_centre = ? and meter_code = ?", d.id(), meterCode)) {
                ps.executeUpdate();
            }
            if (position != null) {
                try (PreparedStatement ps = Tx.prepare(
                        c,
                        "insert into data_centre_meter (data_centre, meter_code, position) values (?, ?, ?)",
                        d.id(),
                        meterCode,
                        position.code())) {
                    ps.executeUpdate();
                }
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "datacentre.meter",
                    "data_centre",
                    d.enterprise() + "/" + d.code() + "/" + meterCode,
                    before == null ? null : AuditLog.object("position", before.code()),
                    position == null ? null : AuditLog.object("position", position.code()));
            return null;
        });
    }

    /** Files (or files again) a month's computing, audited with what was filed before. */
    public void fileComputing(String actor, DataCentre d, Computing k) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            Optional<String> before = Tx.one(
                    c,
                    "select json_build_object('utilisation', utilisation, 'pflops', pflops)::text from"
                            + " data_centre_computing where data_centre = ? and month = ?",
                    rs -> rs.getString(1),
                    d.id(),
                    k.month().toString());
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into data_centre_computing (data_centre, month, utilisation, pflops, filed_at, filed_by)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict (data_centre, month) do update set utilisation ="
                            + " excluded.utilisation, pflops = excluded.pflops, filed_at = excluded.filed_at, filed_by"
                            + " = excluded.filed_by",
                    d.id(),
                    k.month().toString(),
                    k.utilisation(),
                    k.pflops(),
                    Timestamp.from(at),
                    actor)) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "datacentre.computing",
                    "data_centre",
                    d.enterprise() + "/" + d.code() + "/" + k.month(),
                    before.orElse(null),
                    AuditLog.object("utilisation", k.utilisation(), "pflops", k.pflops()));
            return null;
        });
    }

    /** The computing filed for the data centre, by month. */
    public Map<YearMonth, Computing> computing(long centre) {
        return computing(List.of(centre)).getOrDefault(centre, Map.of());
    }

    /** The computing filed for the data centres, by centre and month. */
    public Map<Long, Map<YearMonth, Computing>> computing(Collection<Long> ids) {
        return Tx.run(db, c -> {
            Map<Long, Map<YearMonth, Computing>> out = new HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select data_centre, month, utilisation, pflops from data_centre_computing where"
                                    + " data_centre = any (?) order by 1, 2",
                            (Object) ids.toArray(Long[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Computing k = new Computing(
                            YearMonth.parse(rs.getString(2)), (Double) rs.getObject(3), (Double) rs.getObject(4));
                    out.computeIfAbsent(rs.getLong(1), x -> new LinkedHashMap<>())
                            .put(k.month(), k);
                }
            }
            return out;
        });
    }
}
