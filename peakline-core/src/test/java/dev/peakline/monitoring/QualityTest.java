package dev.peakline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QualityTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final YearMonth APRIL = YearMonth.of(2024, 4);
    static final MeterSpec HOURLY =
            new MeterSpec(MeterKind.REGISTER, 1, 3600, 0, Instant.parse("2020-01-01T00:00:00Z"), null);
    static final Instant AFTER = Instant.parse("2024-05-03T00:00:00Z");

    /** 30 April days of 24 expected readings with {@code collected} readings in all and {@code perDay} consumption. */
    static List<DayFigure> april(int collected, double perDay) {
        List<DayFigure> days = new ArrayList<>();
        for (int d = 1; d <= 30; d++) {
            int r = Math.min(24, collected);
            collected -= r;
            days.add(new DayFigure(LocalDate.of(2024, 4, d), perDay, r, 24, 86_400, 0, 0, 0));
        }
        return days;
    }

    static Quality.MeterMonth evaluate(List<DayFigure> days, Double monthly, Instant last) {
        return Quality.evaluate(HOURLY, SHANGHAI, APRIL, days, monthly, 0, 0, last, AFTER, Duration.ofHours(1));
    }

    @Test
    void completenessPassesAtNinetyPercentExactly() {
        // 30 days × 24 h = 720 expected; 0.9 × 720 = 648
        Quality.MeterMonth at = evaluate(april(648, 10), null, AFTER);
        assertThat(at.expected()).isEqualTo(720);
        assertThat(at.completeness()).isEqualTo(0.9);
        assertThat(at.completenessOk()).isTrue();
        Quality.MeterMonth below = evaluate(april(647, 10), null, AFTER);
        assertThat(below.completeness()).isCloseTo(647.0 / 720, within(1e-12));
        assertThat(below.completenessOk()).isFalse();
        assertThat(below.passes()).isFalse();
        // days without any roll-up row count as nothing collected
        assertThat(evaluate(List.of(), null, AFTER).completeness()).isZero();
    }

    @Test
    void dailyTotalsMustMatchTheMonthlyFigureWithinFivePercent() {
        // Σ daily = 30 × 35 = 1,050 against 1,000: +5 % exactly passes
        Quality.MeterMonth edge = evaluate(april(720, 35), 1000.0, AFTER);
        assertThat(edge.dailySum()).isEqualTo(1050.0);
        assertThat(edge.deviation()).isCloseTo(0.05, within(1e-12));
        assertThat(edge.dailyVsMonthlyOk()).isTrue();
        assertThat(edge.passes()).isTrue();
        // Σ daily = 30 × 35.1 = 1,053 → +5.3 %
        Quality.MeterMonth over = evaluate(april(720, 35.1), 1000.0, AFTER);
        assertThat(over.dailyVsMonthlyOk()).isFalse();
        assertThat(over.passes()).isFalse();
        // under by 6 %: 30 × 31.333… = 940
        assertThat(evaluate(april(720, 940.0 / 30), 1000.0, AFTER).dailyVsMonthlyOk())
                .isFalse();
        // no monthly figure: not evaluated, does not fail the month
        assertThat(evaluate(april(720, 35), null, AFTER).dailyVsMonthlyOk()).isNull();
    }

    @Test
    void theRunningMonthCountsUpToNowAndSilenceRaisesAnAlarm() {
        // now = 10 April 12:00 Beijing time: 9 × 24 + 12 = 228 readings expected so far
        Instant now = LocalDate.of(2024, 4, 10).atTime(12, 0).atZone(SHANGHAI).toInstant();
        Quality.MeterMonth running = Quality.evaluate(
                HOURLY, SHANGHAI, APRIL, april(228, 10), null, 0, 0, now.minusSeconds(1800), now, Duration.ofHours(1));
        assertThat(running.expected()).isEqualTo(228);
        assertThat(running.completeness()).isEqualTo(1.0);
        assertThat(running.silent()).isFalse();
        // the last reading 2 h 1 s ago: beyond the threshold (1 h, or two intervals = 2 h if longer)
        Quality.MeterMonth silent = Quality.evaluate(
                HOURLY, SHANGHAI, APRIL, april(228, 10), null, 0, 0, now.minusSeconds(7201), now, Duration.ofHours(1));
        assertThat(silent.silent()).isTrue();
        assertThat(silent.passes()).isFalse();
    }

    @Test
    void lateStampsFailTheMonth() {
        Quality.MeterMonth m = Quality.evaluate(
                HOURLY, SHANGHAI, APRIL, april(720, 10), null, 29, 30, AFTER, AFTER, Duration.ofHours(1));
        assertThat(m.stampsOk()).isFalse();
        assertThat(m.passes()).isFalse();
    }
}
