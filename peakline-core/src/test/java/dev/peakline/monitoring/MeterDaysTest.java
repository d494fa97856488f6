package dev.peakline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterDaysTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final LocalDate D = LocalDate.of(2024, 3, 10);
    static final Instant INSTALLED = Instant.parse("2020-01-01T00:00:00Z");

    static long at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute))
                .atZone(SHANGHAI)
                .toInstant()
                .toEpochMilli();
    }

    static MeterSpec register(double multiplier, int interval, double max) {
        return new MeterSpec(MeterKind.REGISTER, multiplier, interval, max, INSTALLED, null);
    }

    @Test
    void aFullDayOfQuarterHourRegisterReadingsSumsTheRisesTimesTheMultiplier() {
        // 97 readings, 00:00 on D to 00:00 on D+1, rising 0.5 each quarter hour; multiplier (倍率) 40.
        // 96 steps × 0.5 × 40 = 1,920 in D; the reading at 00:00 of D+1 belongs to D+1.
        long[] ts = new long[97];
        double[] v = new double[97];
        for (int i = 0; i < 97; i++) {
            ts[i] = at(D, 0, 0) + i * 900_000L;
            v[i] = 1000 + 0.5 * i;
        }
        List<DayFigure> days = MeterDays.compute(register(40, 900, 0), SHANGHAI, ts, v, D, D.plusDays(1));
        DayFigure d = days.get(0);
        assertThat(d.consumption()).isCloseTo(1920.0, within(1e-9));
        assertThat(d.readings()).isEqualTo(96);
        assertThat(d.expected()).isEqualTo(96); // 86,400 s ÷ 900 s
        assertThat(d.completeness()).isEqualTo(1.0);
        assertThat(d.measured()).isTrue();
        DayFigure next = days.get(1);
        assertThat(next.readings()).isEqualTo(1);
        assertThat(next.consumption()).isZero();
        assertThat(next.coveredSeconds()).isZero();
    }

    @Test
    void aRegisterThatRollsOverCountsTheWayRound() {
        // six-digit style register with maximum 1,000: 998 → 3 is 3 + 1,000 − 998 = 5, times multiplier 2 = 10.
        assertThat(Step.between(998, 3, 1000)).isEqualTo(new Step(5, Step.Event.ROLLOVER));
        long[] ts = {at(D, 10, 0), at(D, 10, 15)};
        double[] v = {998, 3};
        DayFigure d =
                MeterDays.compute(register(2, 900, 1000), SHANGHAI, ts, v, D, D).get(0);
        assertThat(d.consumption()).isEqualTo(10.0);
        assertThat(d.rollovers()).isEqualTo(1);
        assertThat(d.resets()).isZero();
    }

    @Test
    void aFallThatIsNotARolloverIsAResetCountedFromZero() {
        // 500 → 2 with maximum 1,000: the way round is 502, not less than half the register, so it is a reset: 2.
        assertThat(Step.between(500, 2, 1000)).isEqualTo(new Step(2, Step.Event.RESET));
        // with no known maximum any fall is a reset
        assertThat(Step.between(999, 1, 0)).isEqualTo(new Step(1, Step.Event.RESET));
        assertThat(Step.between(7, 7, 0)).isEqualTo(new Step(0, Step.Event.NONE));
        long[] ts = {at(D, 8, 0), at(D, 8, 15), at(D, 8, 30)};
        double[] v = {500, 2, 6};
        DayFigure d =
                MeterDays.compute(register(1, 900, 1000), SHANGHAI, ts, v, D, D).get(0);
        assertThat(d.consumption()).isEqualTo(6.0); // 2 after the reset + (6 − 2)
        assertThat(d.resets()).isEqualTo(1);
    }

    @Test
    void aGapAcrossMidnightIsSpreadByTimeAndMarkedEstimatedUntilLateDataFillsIt() {
        // hourly register; 23:00 on D reads 100, 01:00 on D+1 reads 140: a 2 h step is a gap (> 1.5 h).
        // 40 spread by time: 1 h in each day → 20 and 20, each day has 3,600 s of gap.
        MeterSpec hourly = register(1, 3600, 0);
        long[] ts = {at(D, 23, 0), at(D.plusDays(1), 1, 0)};
        double[] v = {100, 140};
        List<DayFigure> gap = MeterDays.compute(hourly, SHANGHAI, ts, v, D, D.plusDays(1));
        assertThat(gap.get(0).consumption()).isCloseTo(20.0, within(1e-12));
        assertThat(gap.get(1).consumption()).isCloseTo(20.0, within(1e-12));
        assertThat(gap.get(0).gapSeconds()).isEqualTo(3600);
        assertThat(gap.get(1).gapSeconds()).isEqualTo(3600);

        // the late reading at 00:00 of D+1 (130) arrives: D gets 30, D+1 gets 10, and neither step is a gap.
        long[] filled = {at(D, 23, 0), at(D.plusDays(1), 0, 0), at(D.plusDays(1), 1, 0)};
        double[] fv = {100, 130, 140};
        List<DayFigure> after = MeterDays.compute(hourly, SHANGHAI, filled, fv, D, D.plusDays(1));
        assertThat(after.get(0).consumption()).isEqualTo(30.0);
        assertThat(after.get(1).consumption()).isEqualTo(10.0);
        assertThat(after.get(0).gapSeconds()).isZero();
        assertThat(after.get(1).gapSeconds()).isZero();
    }

    @Test
    void intervalValuesBelongToTheDayTheirIntervalStartsAndMissingIntervalsAreGaps() {
        // hourly interval meter, multiplier 2; intervals ending 01:00 … 24:00 each read 10, two of them missing
        // (ending 05:00 and 06:00): 22 × 10 × 2 = 440; the interval ending 00:00 on D belongs to D − 1.
        MeterSpec spec = new MeterSpec(MeterKind.INTERVAL, 2, 3600, 0, INSTALLED, null);
        long[] ts = new long[23];
        double[] v = new double[23];
        int n = 0;
        ts[n] = at(D, 0, 0);
        v[n++] = 10;
        for (int h = 1; h <= 24; h++) {
            if (h == 5 || h == 6) {
                continue;
            }
            ts[n] = at(D, 0, 0) + h * 3_600_000L;
            v[n++] = 10;
        }
        List<DayFigure> days = MeterDays.compute(spec, SHANGHAI, ts, v, D.minusDays(1), D);
        assertThat(days.get(0).consumption()).isEqualTo(20.0);
        DayFigure d = days.get(1);
        assertThat(d.consumption()).isEqualTo(440.0);
        assertThat(d.readings()).isEqualTo(22);
        assertThat(d.expected()).isEqualTo(24);
        assertThat(d.gapSeconds()).isEqualTo(7200);
        assertThat(d.completeness()).isCloseTo(22.0 / 24, within(1e-12));
    }

    @Test
    void expectedReadingsFollowTheTimeInService() {
        // installed at 12:00 on D (04:00 UTC), quarter-hourly: 12 h ÷ 15 min = 48; removed at 18:00 on D+1 → 72.
        Instant installed = Instant.ofEpochMilli(at(D, 12, 0));
        Instant removed = Instant.ofEpochMilli(at(D.plusDays(1), 18, 0));
        MeterSpec spec = new MeterSpec(MeterKind.REGISTER, 1, 900, 0, installed, removed);
        List<DayFigure> days = MeterDays.compute(spec, SHANGHAI, new long[0], new double[0], D, D.plusDays(2));
        assertThat(days).extracting(DayFigure::expected).containsExactly(48, 72, 0);
        assertThat(days.get(0).completeness()).isZero();
        assertThat(days.get(2).completeness()).isEqualTo(1.0);
    }

    @Test
    void unsortedReadingsAndImpossibleMetersAreRefused() {
        long[] ts = {at(D, 1, 0), at(D, 0, 0)};
        assertThatThrownBy(() -> MeterDays.compute(register(1, 900, 0), SHANGHAI, ts, new double[] {1, 2}, D, D))
                .hasMessageContaining("sorted");
        assertThatThrownBy(() -> register(0, 900, 0)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> register(1, 30, 0)).hasMessageContaining("interval");
        assertThatThrownBy(() -> new MeterSpec(MeterKind.REGISTER, 1, 900, 0, INSTALLED, INSTALLED))
                .hasMessageContaining("removed after");
    }
}
