package dev.peakline.store.monitoring;

import dev.peakline.domain.ChinaTime;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterDays;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
            return compute(c, meters(c, ranges.keySet()), ranges);
        });
    }

    /**
     * Computes the days of many meters at once: their ranges are clamped to the time in service, registers' ranges are
     * widened to the days of their neighbouring readings (one query for all), then meters with the same range are
     * loaded, computed and written together (one read, one delete and one insert per range).
     */
    private int compute(Connection c, List<Meter> meters, Map<Long, LocalDate[]> ranges) throws SQLException {
        Map<Long, LocalDate[]> clamped = new HashMap<>();
        List<Meter> registers = new ArrayList<>();
        for (Meter m : meters) {
            LocalDate[] r = ranges.get(m.id());
            // an interval value stamped in the first interval of a day belongs to the day before; a register's
            // neighbouring days are found by the widening below
            LocalDate[] span = MeterDays.inService(
                    m.spec(), ChinaTime.ZONE, m.kind() == MeterKind.INTERVAL ? r[0].minusDays(1) : r[0], r[1]);
            if (span != null) {
                clamped.put(m.id(), span);
                if (m.kind() == MeterKind.REGISTER) {
                    registers.add(m);
                }
            }
        }
        widen(c, registers, clamped);
        Map<String, List<Meter>> groups = new HashMap<>();
        for (Meter m : meters) {
            LocalDate[] r = clamped.get(m.id());
            if (r != null) {
                groups.computeIfAbsent(r[0] + "/" + r[1], k -> new ArrayList<>())
                        .add(m);
            }
        }
        int written = 0;
        Timestamp now = Timestamp.from(clock.instant());
        for (List<Meter> group : groups.values()) {
            LocalDate[] r = clamped.get(group.get(0).id());
            written += computeGroup(c, group, r[0], r[1], now);
        }
        return written;
    }

    /** Widens registers' ranges to the days of the last reading before and the first reading after them. */
    private static void widen(Connection c, List<Meter> registers, Map<Long, LocalDate[]> ranges) throws SQLException {
        if (registers.isEmpty()) {
            return;
        }
        Long[] ids = registers.stream().map(Meter::id).toArray(Long[]::new);
        Timestamp[] from = new Timestamp[ids.length];
        Timestamp[] to = new Timestamp[ids.length];
        for (int i = 0; i < ids.length; i++) {
            LocalDate[] r = ranges.get(ids[i]);
            from[i] = start(r[0]);
            to[i] = start(r[1].plusDays(1));
        }
        try (PreparedStatement ps =
                c.prepareStatement("select m.id, (select max(ts) from reading where meter_id = m.id and ts < m.f),"
                        + " (select min(ts) from reading where meter_id = m.id and ts >= m.t)"
                        + " from unnest(?::bigint[], ?::timestamptz[], ?::timestamptz[]) m(id, f, t)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids));
            ps.setArray(2, c.createArrayOf("timestamptz", from));
            ps.setArray(3, c.createArrayOf("timestamptz", to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LocalDate[] r = ranges.get(rs.getLong(1));
                    Timestamp before = rs.getTimestamp(2);
                    Timestamp after = rs.getTimestamp(3);
                    if (before != null) {
                        LocalDate d = MeterDays.day(before.toInstant(), ChinaTime.ZONE);
                        r[0] = d.isBefore(r[0]) ? d : r[0];
                    }
                    if (after != null) {
                        LocalDate d = MeterDays.day(after.toInstant(), ChinaTime.ZONE);
                        r[1] = d.isAfter(r[1]) ? d : r[1];
                    }
                }
            }
        }
    }

    private int computeGroup(Connection c, List<Meter> group, LocalDate from, LocalDate to, Timestamp now)
            throws SQLException {
        Long[] ids = group.stream().map(Meter::id).toArray(Long[]::new);
        Array idArray = c.createArrayOf("bigint", ids);
        Map<Long, long[]> times = new HashMap<>();
        Map<Long, double[]> values = new HashMap<>();
        Map<Long, Integer> counts = new HashMap<>();
        // the readings inside the range, and each meter's last before and first after it
        try (PreparedStatement ps = c.prepareStatement(
                "select meter_id, ts, value from reading where meter_id = any (?) and ts >= ? and ts < ?"
                        + " union all select m.id, p.ts, p.value from unnest(?::bigint[]) m(id) cross join lateral"
                        + " (select ts, value from reading where meter_id = m.id and ts < ? order by ts desc limit 1) p"
                        + " union all select m.id, n.ts, n.value from unnest(?::bigint[]) m(id) cross join lateral"
                        + " (select ts, value from reading where meter_id = m.id and ts >= ? order by ts limit 1) n"
                        + " order by 1, 2")) {
            Timestamp a = start(from);
            Timestamp b = start(to.plusDays(1));
            ps.setArray(1, idArray);
            ps.setTimestamp(2, a);
            ps.setTimestamp(3, b);
            ps.setArray(4, idArray);
            ps.setTimestamp(5, a);
            ps.setArray(6, idArray);
            ps.setTimestamp(7, b);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int n = counts.getOrDefault(id, 0);
                    long[] t = times.computeIfAbsent(id, k -> new long[64]);
                    double[] v = values.computeIfAbsent(id, k -> new double[64]);
                    if (n == t.length) {
                        t = Arrays.copyOf(t, n * 2);
                        v = Arrays.copyOf(v, n * 2);
                        times.put(id, t);
                        values.put(id, v);
                    }
                    t[n] = rs.getTimestamp(2).getTime();
                    v[n] = rs.getDouble(3);
                    counts.put(id, n + 1);
                }
            }
        }
        List<Long> meterIds = new ArrayList<>();
        List<java.sql.Date> days = new ArrayList<>();
        List<Double> consumption = new ArrayList<>();
        List<Integer> readings = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        List<Integer> covered = new ArrayList<>();
        List<Integer> gaps = new ArrayList<>();
        List<Integer> rollovers = new ArrayList<>();
        List<Integer> resets = new ArrayList<>();
        for (Meter m : group) {
            int n = counts.getOrDefault(m.id(), 0);
            long[] t = n == 0 ? new long[0] : Arrays.copyOf(times.get(m.id()), n);
            double[] v = n == 0 ? new double[0] : Arrays.copyOf(values.get(m.id()), n);
            for (DayFigure d : MeterDays.compute(m.spec(), ChinaTime.ZONE, t, v, from, to)) {
                meterIds.add(m.id());
                days.add(Date.valueOf(d.day()));
                consumption.add(d.consumption());
                readings.add(d.readings());
                expected.add(d.expected());
                covered.add((int) d.coveredSeconds());
                gaps.add((int) d.gapSeconds());
                rollovers.add(d.rollovers());
                resets.add(d.resets());
            }
        }
        try (PreparedStatement ps =
                c.prepareStatement("delete from meter_day where meter_id = any (?) and day between ? and ?")) {
            ps.setArray(1, idArray);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into meter_day (meter_id, day, consumption, readings, expected, covered_s, gap_s, rollovers,"
                        + " resets, computed_at) select *, ? from unnest(?::bigint[], ?::date[], ?::float8[], ?::int[],"
                        + " ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])")) {
            ps.setTimestamp(1, now);
            ps.setArray(2, c.createArrayOf("bigint", meterIds.toArray()));
            ps.setArray(3, c.createArrayOf("date", days.toArray()));
            ps.setArray(4, c.createArrayOf("float8", consumption.toArray()));
            ps.setArray(5, c.createArrayOf("int4", readings.toArray()));
            ps.setArray(6, c.createArrayOf("int4", expected.toArray()));
            ps.setArray(7, c.createArrayOf("int4", covered.toArray()));
            ps.setArray(8, c.createArrayOf("int4", gaps.toArray()));
            ps.setArray(9, c.createArrayOf("int4", rollovers.toArray()));
            ps.setArray(10, c.createArrayOf("int4", resets.toArray()));
            ps.executeUpdate();
        }
        return days.size();
    }

    /**
     * Writes day figures computed elsewhere for one meter (a history whose readings are not held here: the demo's
     * year before its readings), replacing what the days had; the days with readings are left to the worker.
     */
    public int putDays(long meterId, List<DayFigure> figures) {
        if (figures.isEmpty()) {
            return 0;
        }
        return Tx.run(db, c -> {
            LocalDate from = figures.stream()
                    .map(DayFigure::day)
                    .min(LocalDate::compareTo)
                    .orElseThrow();
            LocalDate to = figures.stream()
                    .map(DayFigure::day)
                    .max(LocalDate::compareTo)
                    .orElseThrow();
            try (PreparedStatement ps = Tx.prepare(
                    c, "delete from meter_day where meter_id = ? and day between ? and ?", meterId, from, to)) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into meter_day (meter_id, day, consumption, readings, expected, covered_s, gap_s, rollovers,"
                            + " resets, computed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Timestamp now = Timestamp.from(clock.instant());
                for (DayFigure d : figures) {
                    ps.setLong(1, meterId);
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
            return figures.size();
        });
    }

    private static Timestamp start(LocalDate d) {
        return Timestamp.from(d.atStartOfDay(ChinaTime.ZONE).toInstant());
    }

    private static List<Meter> meters(Connection c, java.util.Collection<Long> ids) throws SQLException {
        return MeterRepository.list(
                c, MeterRepository.SELECT + " where id = any (?)", (Object) ids.toArray(Long[]::new));
    }
}
