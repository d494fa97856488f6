package dev.peakline.store.monitoring;

import dev.peakline.domain.CreditCode;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What the monitoring views read: latest readings, day roll-ups, stated figures, rejections, gateway tokens. */
public final class Monitoring {
    public record Latest(long meterId, Instant ts, double value) {}

    public record MeterDay(long meterId, DayFigure figure) {}

    public record Stated(
            long meterId,
            String granularity,
            LocalDate periodStart,
            double value,
            boolean onTime,
            long offsetSeconds) {}

    public record Rejected(
            long id,
            Instant receivedAt,
            String channel,
            String origin,
            Integer item,
            String meterCode,
            String reason,
            String detail,
            String payload) {}

    /** Metered against filed consumption of one carrier in one enterprise-month (NaN metered: filed only). */
    public record Reconciled(
            String enterprise,
            String period,
            String carrier,
            String unit,
            double metered,
            Double filed,
            Double deviation,
            double threshold,
            boolean flagged,
            Long filingId,
            Long draftId) {}

    public record GatewayToken(
            String name, CreditCode enterprise, Instant createdAt, boolean revoked, Instant lastUsedAt) {}

    private final Database db;
    private final Clock clock;

    public Monitoring(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The latest reading of each meter that has one. */
    public Map<Long, Latest> latest(Collection<Long> meters) {
        return Tx.run(db, c -> {
            Map<Long, Latest> out = new HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select m.id, r.ts, r.value from unnest(?::bigint[]) m(id) cross join lateral"
                                    + " (select ts, value from reading where meter_id = m.id order by ts desc limit 1) r",
                            (Object) meters.toArray(Long[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(
                            rs.getLong(1),
                            new Latest(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getDouble(3)));
                }
            }
            return out;
        });
    }

    /** The day roll-ups of meters over days {@code from..to}. */
    public List<MeterDay> days(Collection<Long> meters, LocalDate from, LocalDate to) {
        return Tx.run(db, c -> {
            List<MeterDay> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select meter_id, day, consumption, readings, expected, covered_s, gap_s, rollovers, resets"
                                    + " from meter_day where meter_id = any (?) and day between ? and ? order by meter_id, day",
                            meters.toArray(Long[]::new),
                            from,
                            to);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MeterDay(
                            rs.getLong(1),
                            new DayFigure(
                                    rs.getDate(2).toLocalDate(),
                                    rs.getDouble(3),
                                    rs.getInt(4),
                                    rs.getInt(5),
                                    rs.getInt(6),
                                    rs.getInt(7),
                                    rs.getInt(8),
                                    rs.getInt(9))));
                }
            }
            return out;
        });
    }

    /** The figures stated for meters with period starts in {@code from..to}. */
    public List<Stated> stated(Collection<Long> meters, LocalDate from, LocalDate to) {
        return Tx.run(db, c -> {
            List<Stated> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select meter_id, granularity, period_start, value, on_time, offset_s from meter_statistic"
                                    + " where meter_id = any (?) and period_start between ? and ?"
                                    + " order by meter_id, granularity, period_start",
                            meters.toArray(Long[]::new),
                            from,
                            to);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Stated(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getDate(3).toLocalDate(),
                            rs.getDouble(4),
                            rs.getBoolean(5),
                            rs.getLong(6)));
                }
            }
            return out;
        });
    }

    /** The latest rejected items of an enterprise (or, with {@code null}, those no enterprise could be told for). */
    /** Refusals of unknown senders on one day, by channel and reason. */
    public record RefusalCount(java.time.LocalDate day, String channel, String reason, long count) {}

    /** Refusals of unknown senders from {@code from} on, newest day first. */
    public List<RefusalCount> refusalCounts(java.time.LocalDate from) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select day, channel, reason, count from refusal_count where day >= ?"
                                + " order by day desc, channel, reason",
                        rs -> new RefusalCount(
                                rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3), rs.getLong(4)),
                        java.sql.Date.valueOf(from)));
    }

    public List<Rejected> rejected(String enterprise, int limit) {
        return Tx.run(db, c -> {
            List<Rejected> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select id, received_at, channel, origin, item, meter_code, reason, detail, payload"
                                    + " from rejected_message where enterprise is not distinct from ?"
                                    + " order by id desc limit ?",
                            enterprise,
                            limit);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int item = rs.getInt(5);
                    Integer it = rs.wasNull() ? null : item;
                    out.add(new Rejected(
                            rs.getLong(1),
                            rs.getTimestamp(2).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            it,
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            rs.getString(9)));
                }
            }
            return out;
        });
    }

    /** Rejected items per enterprise since an instant. */
    public Map<String, Integer> rejectedSince(Collection<String> enterprises, Instant since) {
        return Tx.run(db, c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select enterprise, count(*) from rejected_message where enterprise = any (?)"
                                    + " and received_at >= ? group by enterprise",
                            enterprises.toArray(String[]::new),
                            Timestamp.from(since));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** Readings stored for a meter with timestamps in {@code [from, to)}. */
    public long count(long meter, Instant from, Instant to) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select count(*) from reading where meter_id = ? and ts >= ? and ts < ?",
                            meter,
                            Timestamp.from(from),
                            Timestamp.from(to));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Stores a gateway token (by its hash) for an enterprise. Audited. */
    public void addGatewayToken(String actor, Long userId, CreditCode enterprise, String name, String tokenHash) {
        Tx.run(db, c -> {
            Instant now = clock.instant();
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into gateway_token (token_hash, enterprise, name, created_by, created_at) values (?, ?, ?, ?, ?)",
                    tokenHash,
                    enterprise.value(),
                    name,
                    userId,
                    Timestamp.from(now))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    now,
                    actor,
                    "gateway-token.create",
                    "enterprise",
                    enterprise.value(),
                    null,
                    "{\"gatewayToken\":" + AuditLog.json(name) + "}");
            return null;
        });
    }

    /** Revokes an enterprise's gateway tokens of a name; returns how many. Audited. */
    public int revokeGatewayToken(String actor, CreditCode enterprise, String name) {
        return Tx.run(db, c -> {
            int n;
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update gateway_token set revoked = true where enterprise = ? and name = ? and not revoked",
                    enterprise.value(),
                    name)) {
                n = ps.executeUpdate();
            }
            if (n > 0) {
                AuditLog.record(
                        c,
                        clock.instant(),
                        actor,
                        "gateway-token.revoke",
                        "enterprise",
                        enterprise.value(),
                        "{\"gatewayToken\":" + AuditLog.json(name) + "}",
                        null);
            }
            return n;
        });
    }

    public List<GatewayToken> gatewayTokens(CreditCode enterprise) {
        return gatewayTokens(" where enterprise = ?", enterprise.value());
    }

    /** Every enterprise's gateway tokens (for the administrator's list), oldest first. */
    public List<GatewayToken> allGatewayTokens() {
        return gatewayTokens("");
    }

    private List<GatewayToken> gatewayTokens(String where, Object... args) {
        return Tx.run(db, c -> {
            List<GatewayToken> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select name, enterprise, created_at, revoked, last_used_at from gateway_token" + where
                                    + " order by created_at",
                            args);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GatewayToken(
                            rs.getString(1),
                            CreditCode.of(rs.getString(2)),
                            rs.getTimestamp(3).toInstant(),
                            rs.getBoolean(4),
                            rs.getTimestamp(5) == null
                                    ? null
                                    : rs.getTimestamp(5).toInstant()));
                }
            }
            return out;
        });
    }

    /** The enterprise a valid (not revoked) gateway token hash belongs to. */
    public Optional<String> gatewayEnterprise(String tokenHash) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select enterprise, last_used_at from gateway_token where token_hash = ? and not revoked",
                            tokenHash);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<String>empty();
                }
                String enterprise = rs.getString(1);
                dev.peakline.store.users.UserRepository.touch(
                        c, "gateway_token", tokenHash, rs.getTimestamp(2), clock.instant());
                return Optional.of(enterprise);
            }
        });
    }

    /** Notes the use of a gateway token its caller had looked up before (at most once a minute is written). */
    public void noteGatewayUse(String tokenHash) {
        Tx.run(db, c -> {
            dev.peakline.store.users.UserRepository.touch(c, "gateway_token", tokenHash, null, clock.instant());
            return null;
        });
    }

    /** Replaces the reconciliation of an enterprise-month. */
    public void saveReconciliation(String enterprise, String period, List<Reconciled> rows, Instant at) {
        Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                    c, "delete from reconciliation where enterprise = ? and period = ?", enterprise, period)) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into reconciliation (enterprise, period, carrier, unit, metered, filed, deviation, threshold,"
                            + " flagged, filing_id, draft_id, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Reconciled r : rows) {
                    ps.setString(1, r.enterprise());
                    ps.setString(2, r.period());
                    ps.setString(3, r.carrier());
                    ps.setString(4, r.unit());
                    ps.setDouble(5, r.metered());
                    ps.setObject(6, r.filed());
                    ps.setObject(7, r.deviation());
                    ps.setDouble(8, r.threshold());
                    ps.setBoolean(9, r.flagged());
                    ps.setObject(10, r.filingId());
                    ps.setObject(11, r.draftId());
                    ps.setTimestamp(12, Timestamp.from(at));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** The stored reconciliation of an enterprise-month. */
    public List<Reconciled> reconciliation(String enterprise, String period) {
        return Tx.run(db, c -> {
            List<Reconciled> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select enterprise, period, carrier, unit, metered, filed, deviation, threshold, flagged,"
                                    + " filing_id, draft_id from reconciliation where enterprise = ? and period = ?"
                                    + " order by carrier",
                            enterprise,
                            period);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Reconciled(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getDouble(5),
                            (Double) rs.getObject(6),
                            (Double) rs.getObject(7),
                            rs.getDouble(8),
                            rs.getBoolean(9),
                            (Long) rs.getObject(10),
                            (Long) rs.getObject(11)));
                }
            }
            return out;
        });
    }
}
