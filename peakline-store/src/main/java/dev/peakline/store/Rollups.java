package dev.peakline.store;

import dev.peakline.monitoring.DayFigure;
import dev.peakline.monitoring.MeterDays;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.store.MeterRepository.Meter;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calendar-day roll-ups of meters, computed again for every day a new, late or out-of-order reading touches. The days
 * queued in {@code rollup_pending} are taken, widened to the neighbouring readings (a reading that splits a gap changes
 * every day the gap spans), computed by {@link MeterDays} and written back, in one transaction.
 */
public final class Rollups {
    private final Database db;
    private final Clock clock;

    public Rollups(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Takes up to {@code limit} queued meter-days, computes them, and returns how many days were written. */
    public int runPending(int limit) {
        return Tx.run(db, c -> {
            Map<Long, LocalDate[]> ranges = new HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "delete from rollup_pending where (meter_id, day) in (select meter_id, day from rollup_pending"
                                    + " order by meter_id, day limit ? for update skip locked) returning meter_id, day",
                            limit);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate d = rs.getDate(2).toLocalDate();
                    ranges.merge(rs.getLong(1), new LocalDate[] {d, d}, (a, b) ->
                            new LocalDate[] {a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
                }
            }
            if (ranges.isEmpty()) {
                return 0;
            }
            int written = 0;
            for (Meter m : meters(c, ranges.keySet())) {
                LocalDate[] r = ranges.get(m.id());
                written += compute(c, m, r[0].minusDays(1), r[1].plusDays(1));
            }
            return written;
        });
    }

    /** Computes one meter's days {@code from..to} (widened to its neighbouring readings) now. */
    public int recompute(Meter m, LocalDate from, LocalDate to) {
        return Tx.run(db, c -> compute(c, m, from, to));
    }

    /** Days queued and not yet computed. */
    public long backlog() {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("select count(*) from rollup_pending");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private int compute(Connection c, Meter m, LocalDate from, LocalDate to) throws SQLException {
        LocalDate installed = MeterDays.day(m.installedAt(), Readings.ZONE);
        if (from.isBefore(installed)) {
            from = installed;
        }
        if (m.removedAt() != null) {
            LocalDate removed = MeterDays.day(m.removedAt(), Readings.ZONE);
            if (to.isAfter(removed)) {
                to = removed;
            }
        }
        if (to.isBefore(from)) {
            return 0;
        }
        if (m.kind() == MeterKind.REGISTER) {
            Optional<Instant> before = neighbour(c, m.id(), start(from), false);
            Optional<Instant> after = neighbour(c, m.id(), start(to.plusDays(1)), true);
            if (before.isPresent()) {
                LocalDate d = MeterDays.day(before.get(), Readings.ZONE);
                from = d.isBefore(from) ? d : from;
            }
            if (after.isPresent()) {
                LocalDate d = MeterDays.day(after.get(), Readings.ZONE);
                to = d.isAfter(to) ? d : to;
            }
        }
        long[] times = new long[1024];
        double[] values = new double[1024];
        int n = 0;
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "(select ts, value from reading where meter_id = ? and ts < ? order by ts desc limit 1)"
                                + " union all (select ts, value from reading where meter_id = ? and ts >= ? and ts < ?)"
                                + " union all (select ts, value from reading where meter_id = ? and ts >= ? order by ts limit 1)"
                                + " order by ts",
                        m.id(),
                        start(from),
                        m.id(),
                        start(from),
                        start(to.plusDays(1)),
                        m.id(),
                        start(to.plusDays(1)));
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (n == times.length) {
                    times = java.util.Arrays.copyOf(times, n * 2);
                    values = java.util.Arrays.copyOf(values, n * 2);
                }
                times[n] = rs.getTimestamp(1).getTime();
                values[n] = rs.getDouble(2);
                n++;
            }
        }
        List<DayFigure> days = MeterDays.compute(
                m.spec(),
                Readings.ZONE,
                java.util.Arrays.copyOf(times, n),
                java.util.Arrays.copyOf(values, n),
                from,
                to);
        try (PreparedStatement ps =
                Tx.prepare(c, "delete from meter_day where meter_id = ? and day between ? and ?", m.id(), from, to)) {
            ps.executeUpdate();
        }
        Timestamp now = Timestamp.from(clock.instant());
        try (PreparedStatement ps = c.prepareStatement(
                "insert into meter_day (meter_id, day, consumption, readings, expected, covered_s, gap_s, rollovers,"
                        + " resets, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DayFigure d : days) {
                ps.setLong(1, m.id());
                ps.setDate(2, Date.valueOf(d.day()));
                ps.setDouble(3, d.consumption());
                ps.setInt(4, d.readings());
                ps.setInt(5, d.expected());
                ps.setInt(6, (int) d.coveredSeconds());
                ps.setInt(7, (int) d.gapSeconds());
                ps.setInt(8, d.rollovers());
                ps.setInt(9, d.resets());
                ps.setTimestamp(10, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return days.size();
    }

    private static Timestamp start(LocalDate d) {
        return Timestamp.from(d.atStartOfDay(Readings.ZONE).toInstant());
    }

    /** The meter's last reading before an instant, or its first at or after it. */
    private static Optional<Instant> neighbour(Connection c, long meter, Timestamp at, boolean after)
            throws SQLException {
        String sql = after
                ? "select ts from reading where meter_id = ? and ts >= ? order by ts limit 1"
                : "select ts from reading where meter_id = ? and ts < ? order by ts desc limit 1";
        try (PreparedStatement ps = Tx.prepare(c, sql, meter, at);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getTimestamp(1).toInstant()) : Optional.empty();
        }
    }

    private static List<Meter> meters(Connection c, java.util.Collection<Long> ids) throws SQLException {
        return MeterRepository.list(
                c, MeterRepository.SELECT + " where id = any (?)", (Object) ids.toArray(Long[]::new));
    }
}
