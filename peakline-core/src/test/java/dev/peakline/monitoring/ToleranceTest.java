package dev.peakline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.monitoring.Tolerance.Granularity;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ToleranceTest {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Tolerance.Placement place(Granularity g, String stamp) {
        return Tolerance.place(g, OffsetDateTime.parse(stamp).toInstant(), SHANGHAI);
    }

    @Test
    void dailyFiguresMustBeStampedWithinOneMinuteOfMidnight() {
        assertThat(place(Granularity.DAY, "2024-03-10T00:00:00+08:00"))
                .isEqualTo(new Tolerance.Placement(LocalDate.of(2024, 3, 10), Duration.ZERO, true));
        // exactly one minute late is still on time (the bound is inclusive)
        assertThat(place(Granularity.DAY, "2024-03-10T00:01:00+08:00").onTime()).isTrue();
        assertThat(place(Granularity.DAY, "2024-03-10T00:01:01+08:00").onTime()).isFalse();
        // 30 s early belongs to the next day, on time
        Tolerance.Placement early = place(Granularity.DAY, "2024-03-09T23:59:30+08:00");
        assertThat(early.periodStart()).isEqualTo(LocalDate.of(2024, 3, 10));
        assertThat(early.offset()).isEqualTo(Duration.ofSeconds(-30));
        assertThat(early.onTime()).isTrue();
        // midnight in Shanghai is 16:00 UTC the day before
        assertThat(place(Granularity.DAY, "2024-03-09T16:00:00Z").periodStart()).isEqualTo(LocalDate.of(2024, 3, 10));
    }

    @Test
    void monthlyFiguresMustBeStampedWithinOneDayOfTheFirst() {
        assertThat(place(Granularity.MONTH, "2024-03-01T20:00:00+08:00"))
                .isEqualTo(new Tolerance.Placement(LocalDate.of(2024, 3, 1), Duration.ofHours(20), true));
        assertThat(place(Granularity.MONTH, "2024-03-02T00:00:00+08:00").onTime())
                .isTrue();
        assertThat(place(Granularity.MONTH, "2024-03-02T00:00:01+08:00").onTime())
                .isFalse();
        Tolerance.Placement leap = place(Granularity.MONTH, "2024-02-29T12:00:00+08:00");
        assertThat(leap.periodStart()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(leap.offset()).isEqualTo(Duration.ofHours(-12));
        assertThat(leap.onTime()).isTrue();
    }
}
