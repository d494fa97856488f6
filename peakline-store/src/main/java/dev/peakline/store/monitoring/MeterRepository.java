package dev.peakline.store.monitoring;

import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.CreditCode;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The meter registry (计量器具台账): devices at the measuring points of enterprises and facilities. Replacing a meter
 * removes the old device and installs the new one at the same point in one transaction, with the old device's final
 * reading and the new one's initial reading, so that consumption across the swap is the sum of both devices' counts.
 * Every change is audited.
 */
public final class MeterRepository {

    static final String SELECT = "select id, enterprise, facility_id, code, name, carrier, unit, kind,"
            + " multiplier, interval_s, register_max, installed_at, removed_at, replaces from meter";

    private final Database db;
    private final Clock clock;

    public MeterRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Registers a new measuring point's meter (its id is ignored). Fails if the point already has one in service. */
    public Meter register(String actor, Meter m) {
        return Tx.run(db, c -> insert(c, actor, m, "meter.register"));
    }

    /**
     * Replaces the device in service at a point: the old one is removed at {@code at} with its final register
     * reading, the new one installed at {@code at} with its initial reading (registers only; {@code NaN} for interval
     * meters). Fails if the point has no device in service or the time is not after its installation.
     */
    public Meter replace(
            String actor,
            CreditCode enterprise,
            String code,
            Instant at,
            double finalReading,
            Meter next,
            double initialReading) {
        Readings.ensurePartitions(db, List.of(Readings.month(at)));
        return Tx.run(db, c -> {
            Meter old = inService(c, enterprise, code)
                    .orElseThrow(() -> Refusal.notFound("a meter in service at point " + code));
            if (!at.isAfter(old.installedAt())) {
                throw Refusal.field(
                        ErrorCode.METER_REPLACE,
                        "at",
                        "the replacement must come after the old meter's installation (" + old.installedAt() + ")");
            }
            try (PreparedStatement ps =
                    Tx.prepare(c, "update meter set removed_at = ? where id = ?", Timestamp.from(at), old.id())) {
                ps.executeUpdate();
            }
            Meter removed = find(c, old.id()).orElseThrow();
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "meter.remove",
                    "meter",
                    Long.toString(old.id()),
                    json(old),
                    json(removed));
            Meter installed = insert(
                    c,
                    actor,
                    new Meter(
                            0,
                            enterprise,
                            next.facilityId(),
                            code,
                            next.name(),
                            next.carrier(),
                            next.unit(),
                            next.kind(),
                            next.multiplier(),
                            next.intervalSeconds(),
                            next.registerMax(),
                            at,
                            null,
                            old.id()),
                    "meter.replace");
            if (old.kind() == MeterKind.REGISTER && !Double.isNaN(finalReading)) {
                registryReading(c, old.id(), at, finalReading);
            }
            if (installed.kind() == MeterKind.REGISTER && !Double.isNaN(initialReading)) {
                registryReading(c, installed.id(), at, initialReading);
            }
            return installed;
        });
    }

    /** A reading written by the registry itself (batch 0), with its day queued for roll-up. */
    private static void registryReading(Connection c, long meter, Instant at, double value) throws SQLException {
        try (PreparedStatement ps = Tx.prepare(
                c,
                "insert into reading (meter_id, ts, value, batch_id) values (?, ?, ?, 0)"
                        + " on conflict (meter_id, ts) do update set value = excluded.value",
                meter,
                Timestamp.from(at),
                value)) {
            ps.executeUpdate();
        }
        try (PreparedStatement ps = Tx.prepare(
                c,
                "insert into rollup_pending (meter_id, day) values (?, (?::timestamptz at time zone '"
                        + ChinaTime.ZONE.getId() + "')::date)"
                        + " on conflict do nothing",
                meter,
                Timestamp.from(at))) {
            ps.executeUpdate();
        }
    }

    private Meter insert(Connection c, String actor, Meter m, String action) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "insert into meter (enterprise, facility_id, code, name, carrier, unit, kind, multiplier, interval_s,"
                        + " register_max, installed_at, removed_at, replaces) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                        + " returning id")) {
            ps.setString(1, m.enterprise().value());
            if (m.facilityId() == null) {
                ps.setNull(2, Types.BIGINT);
            } else {
                ps.setLong(2, m.facilityId());
            }
            ps.setString(3, m.code());
            ps.setString(4, m.name());
            ps.setString(5, m.carrier());
            ps.setString(6, m.unit());
            ps.setString(7, m.kind().name());
            ps.setDouble(8, m.multiplier());
            ps.setInt(9, m.intervalSeconds());
            ps.setDouble(10, m.registerMax());
            ps.setTimestamp(11, Timestamp.from(m.installedAt()));
            ps.setTimestamp(12, m.removedAt() == null ? null : Timestamp.from(m.removedAt()));
            if (m.replaces() == null) {
                ps.setNull(13, Types.BIGINT);
            } else {
                ps.setLong(13, m.replaces());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        Meter saved = find(c, id).orElseThrow();
        AuditLog.record(c, clock.instant(), actor, action, "meter", Long.toString(id), null, json(saved));
        return saved;
    }

    public Optional<Meter> find(long id) {
        return Tx.run(db, c -> find(c, id));
    }

    /** Every device of an enterprise, in service or not, by point and installation. */
    public List<Meter> ofEnterprise(CreditCode enterprise) {
        return Tx.run(
                db, c -> list(c, SELECT + " where enterprise = ? order by code, installed_at", enterprise.value()));
    }

    /** Every device of the enterprises given (for the ingest path's lookup and the quality report). */
    public List<Meter> ofEnterprises(Collection<String> enterprises) {
        return Tx.run(
                db,
                c -> list(c, SELECT + " where enterprise = any (?) order by enterprise, code, installed_at", (Object)
                        enterprises.toArray(String[]::new)));
    }

    /** Whether any meter is registered. */
    public boolean any() {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("select exists (select 1 from meter)");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    private static Optional<Meter> inService(Connection c, CreditCode enterprise, String code) throws SQLException {
        List<Meter> l =
                list(c, SELECT + " where enterprise = ? and code = ? and removed_at is null", enterprise.value(), code);
        return l.stream().findFirst();
    }

    private static Optional<Meter> find(Connection c, long id) throws SQLException {
        return list(c, SELECT + " where id = ?", id).stream().findFirst();
    }

    static List<Meter> list(Connection c, String sql, Object... args) throws SQLException {
        List<Meter> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long facility = rs.getLong(3);
                Long fac = rs.wasNull() ? null : facility;
                Timestamp removed = rs.getTimestamp(13);
                long replaces = rs.getLong(14);
                Long rep = rs.wasNull() ? null : replaces;
                out.add(new Meter(
                        rs.getLong(1),
                        CreditCode.of(rs.getString(2)),
                        fac,
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        MeterKind.valueOf(rs.getString(8)),
                        rs.getDouble(9),
                        rs.getInt(10),
                        rs.getDouble(11),
                        rs.getTimestamp(12).toInstant(),
                        removed == null ? null : removed.toInstant(),
                        rep));
            }
        }
        return out;
    }

    /** The meter as the audit log records it. */
    static String json(Meter m) {
        return "{\"id\":" + m.id() + ",\"enterprise\":"
                + AuditLog.json(m.enterprise().value()) + ",\"facility\":"
                + m.facilityId() + ",\"code\":" + AuditLog.json(m.code()) + ",\"name\":" + AuditLog.json(m.name())
                + ",\"carrier\":" + AuditLog.json(m.carrier()) + ",\"unit\":" + AuditLog.json(m.unit()) + ",\"kind\":"
                + AuditLog.json(m.kind().name()) + ",\"multiplier\":" + m.multiplier() + ",\"intervalSeconds\":"
                + m.intervalSeconds() + ",\"registerMax\":" + m.registerMax() + ",\"installedAt\":"
                + AuditLog.json(m.installedAt().toString()) + ",\"removedAt\":"
                + (m.removedAt() == null ? "null" : AuditLog.json(m.removedAt().toString())) + ",\"replaces\":"
                + m.replaces()
                + "}";
    }
}
