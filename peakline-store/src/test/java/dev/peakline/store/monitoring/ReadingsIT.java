package dev.peakline.store.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.StoreException;
import dev.peakline.store.Tx;
import dev.peakline.store.registry.EnterpriseRepository;
import dev.peakline.store.registry.RegistryRepository;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading write path and the day roll-ups on a real PostgreSQL. */
class ReadingsIT {
    @TempDir
    static Path dataDir;

    static Database db;
    static Readings readings;
    static Rollups rollups;
    static MeterRepository meters;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-05T02:00:00Z"), ZoneOffset.UTC);
    static final CreditCode ENTERPRISE = CreditCode.of("91520181MA6DKQ3L5C");
    static final LocalDate D = LocalDate.of(2026, 3, 2);

    @BeforeAll
    static void start() {
        db = Database.embedded(dataDir);
        RegistryRepository.load(db, ReferenceLibrary.shipped().registry());
        new EnterpriseRepository(db, CLOCK)
                .save(new Enterprise(
                        ENTERPRISE, "示例铝业有限公司", RegionCode.of("520181"), IndustryCode.of("3216"), true, true));
        readings = new Readings(db);
        rollups = new Rollups(db, CLOCK);
        meters = new MeterRepository(db, CLOCK);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    static long at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute))
                .atZone(ChinaTime.ZONE)
                .toInstant()
                .toEpochMilli();
    }

    static Meter meter(String code, MeterKind kind, double multiplier) {
        return new Meter(
                0,
                ENTERPRISE,
                null,
                code,
                "总进线 " + code,
                "电力",
                "kWh",
                kind,
                multiplier,
                900,
                0,
                Instant.parse("2026-01-01T00:00:00Z"),
                null,
                null);
    }

    static Readings.Outcome write(Meter m, long[] ts, double[] v) {
        Readings.Batch b = new Readings.Batch();
        for (int i = 0; i < ts.length; i++) {
            b.add(m.id(), m.code(), ts[i], v[i], i);
        }
        return readings.write(ENTERPRISE.value(), "HTTP", "test", CLOCK.instant(), b, List.of(), List.of());
    }

    static double[] day(long meter, LocalDate d) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select consumption, readings, gap_s from meter_day where meter_id = ? and day = ?",
                            meter,
                            d);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new double[] {rs.getDouble(1), rs.getInt(2), rs.getInt(3)} : null;
            }
        });
    }

    static void drain() {
        while (rollups.runPending(1000) > 0) {
            // until the queue is empty
        }
    }

    @Test
    void readingsAreStoredOnceLateDataFillsGapsAndConflictsAreRejected() {
        Meter m = meters.register("admin", meter("M1", MeterKind.REGISTER, 10));
        // 00:00 … 06:00 every 15 min, register 100, 101, …, 124; multiplier 10
        long[] ts = new long[25];
        double[] v = new double[25];
        for (int i = 0; i < 25; i++) {
            ts[i] = at(D, 0, 0) + i * 900_000L;
            v[i] = 100 + i;
        }
        Readings.Outcome first = write(m, ts, v);
        assertThat(first.accepted()).isEqualTo(25);
        // the same batch again (a gateway that did not see the acknowledgement): nothing new
        Readings.Outcome again = write(m, ts, v);
        assertThat(again.accepted()).isZero();
        assertThat(again.duplicates()).isEqualTo(25);
        drain();
        // 24 steps × 1 × 10 = 240 kWh, 25 readings in the day
        assertThat(day(m.id(), D)).containsExactly(240.0, 25.0, 0.0);

        // out of order: 12:00 reads 130 before anything between 06:00 and 12:00 arrived.
        // The 6 h step (130 − 124) × 10 = 60 is a gap of 21,600 s: D = 300.
        write(m, new long[] {at(D, 12, 0)}, new double[] {130});
        drain();
        assertThat(day(m.id(), D)).containsExactly(300.0, 26.0, 21600.0);

        // the late readings 06:15 … 11:45 arrive (all 124, then the rise at 12:00): the total stays 300, the gap is
        // gone
        long[] late = new long[23];
        double[] lv = new double[23];
        for (int i = 0; i < 23; i++) {
            late[i] = at(D, 6, 15) + i * 900_000L;
            lv[i] = 124;
        }
        write(m, late, lv);
        drain();
        assertThat(day(m.id(), D)).containsExactly(300.0, 49.0, 0.0);

        // a different value for a stored instant is a conflict: rejected with the reason, the stored value stays
        Readings.Outcome conflict = write(m, new long[] {at(D, 1, 0)}, new double[] {999});
        assertThat(conflict.accepted()).isZero();
        assertThat(conflict.conflicts()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("reading.conflict");
            assertThat(r.detail()).contains("already has 104.0");
        });
        int rejected = Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                            "select count(*) from rejected_message where reason = 'reading.conflict'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(rejected).isEqualTo(1);
        drain();
        assertThat(day(m.id(), D)[0]).isEqualTo(300.0);
    }

    @Test
    void aReplacedMeterCountsBothDevicesAtThePoint() {
        Meter old = meters.register("admin", meter("M2", MeterKind.REGISTER, 1));
        write(old, new long[] {at(D, 0, 0), at(D, 6, 0)}, new double[] {5000, 5060});
        // replaced at 12:00: the old register reads 5120 when removed, the new one starts at 0
        Instant swap = Instant.ofEpochMilli(at(D, 12, 0));
        Meter next = meters.replace("admin", ENTERPRISE, "M2", swap, 5120, meter("M2", MeterKind.REGISTER, 1), 0);
        assertThat(next.replaces()).isEqualTo(old.id());
        assertThat(meters.find(old.id()).orElseThrow().removedAt()).isEqualTo(swap);
        write(next, new long[] {at(D.plusDays(1), 0, 0)}, new double[] {36});
        drain();
        // old: 5120 − 5000 = 120 in D; new: 36 over 12:00 → 24:00 of D
        assertThat(day(old.id(), D)[0]).isEqualTo(120.0);
        assertThat(day(next.id(), D)[0]).isEqualTo(36.0);
        // the point cannot have two devices in service
        assertThatThrownBy(() -> meters.register("admin", meter("M2", MeterKind.REGISTER, 1)))
                .isInstanceOf(StoreException.class);
        List<AuditLog.Entry> history = Tx.run(db, c -> AuditLog.history(c, "meter", Long.toString(old.id())));
        assertThat(history).extracting(AuditLog.Entry::action).containsExactly("meter.register", "meter.remove");
    }

    /** Every stored day of a meter: day → consumption, readings, expected, covered, gap, rollovers, resets. */
    static java.util.Map<LocalDate, List<Double>> days(long meter) {
        return Tx.run(db, c -> {
            java.util.Map<LocalDate, List<Double>> out = new java.util.TreeMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select day, consumption, readings, expected, covered_s, gap_s, rollovers, resets"
                                    + " from meter_day where meter_id = ?",
                            meter);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Double> v = new java.util.ArrayList<>();
                    for (int k = 2; k <= 8; k++) {
                        v.add(rs.getDouble(k));
                    }
                    out.put(rs.getDate(1).toLocalDate(), v);
                }
            }
            return out;
        });
    }

    /**
     * The roll-ups kept as readings arrive — shuffled, in random batches, some sent twice, a fifth held back and sent
     * last (late data) — equal the roll-ups computed once from all the readings, day by day and figure by figure, for
     * register and interval meters and several seeds.
     */
    @Test
    void rollUpsKeptAsReadingsArriveEqualAFullRecomputeWhateverTheOrder() {
        LocalDate first = LocalDate.of(2026, 2, 10);
        for (int seed = 1; seed <= 3; seed++) {
            for (MeterKind kind : MeterKind.values()) {
                java.util.Random r = new java.util.Random(seed * 31L + kind.ordinal());
                Meter m =
                        meters.register("admin", meter("P" + seed + kind.name().charAt(0), kind, 1 + r.nextInt(3)));
                // four days every 15 minutes, a few missing; registers rise by random steps, intervals are amounts
                List<long[]> points = new java.util.ArrayList<>();
                double level = 1000;
                for (int i = 0; i < 4 * 96; i++) {
                    level += r.nextInt(5);
                    if (r.nextInt(20) == 0) {
                        continue;
                    }
                    long ts = at(first, 0, 0) + i * 900_000L;
                    double v = kind == MeterKind.REGISTER ? level : r.nextInt(40);
                    points.add(new long[] {ts, Double.doubleToLongBits(v)});
                }
                java.util.Collections.shuffle(points, r);
                int held = points.size() / 5;
                List<long[]> late = points.subList(0, held);
                List<long[]> rest = points.subList(held, points.size());
                for (List<long[]> part : List.of(rest, late)) {
                    for (int at = 0; at < part.size(); ) {
                        int n = Math.min(part.size() - at, 1 + r.nextInt(60));
                        List<long[]> batch = part.subList(at, at + n);
                        long[] ts = batch.stream().mapToLong(x -> x[0]).toArray();
                        double[] v = batch.stream()
                                .mapToDouble(x -> Double.longBitsToDouble(x[1]))
                                .toArray();
                        write(m, ts, v);
                        if (r.nextInt(4) == 0) {
                            write(m, ts, v); // sent again: duplicates change nothing
                        }
                        if (r.nextBoolean()) {
                            drain();
                        }
                        at += n;
                    }
                }
                drain();
                java.util.Map<LocalDate, List<Double>> kept = days(m.id());
                assertThat(kept).as("seed %d %s", seed, kind).isNotEmpty();
                // the same days computed once from everything stored
                Tx.run(db, c -> {
                    try (PreparedStatement ps = Tx.prepare(c, "delete from meter_day where meter_id = ?", m.id())) {
                        ps.executeUpdate();
                    }
                    try (PreparedStatement ps = Tx.prepare(
                            c,
                            "insert into rollup_pending (meter_id, day) select ?, d::date from generate_series(?::date,"
                                    + " ?::date, interval '1 day') d on conflict do nothing",
                            m.id(),
                            first.minusDays(1),
                            first.plusDays(5))) {
                        ps.executeUpdate();
                    }
                    return null;
                });
                drain();
                // (the full pass also writes the empty days around them: a day without readings and no figures)
                java.util.Map<LocalDate, List<Double>> full = days(m.id());
                full.values().removeIf(v -> v.get(1) == 0 && v.get(0) == 0 && v.get(3) == 0);
                assertThat(kept).as("seed %d %s", seed, kind).isEqualTo(full);
            }
        }
    }
}
