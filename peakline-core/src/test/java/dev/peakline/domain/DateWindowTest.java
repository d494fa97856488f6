package dev.peakline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class DateWindowTest {
    @Test
    void theWindowIsTheYears2000To2100InChinaTime() {
        assertThat(DateWindow.contains(YearMonth.of(2000, 1))).isTrue();
        assertThat(DateWindow.contains(YearMonth.of(2100, 12))).isTrue();
        assertThat(DateWindow.contains(YearMonth.of(1999, 12))).isFalse();
        assertThat(DateWindow.contains(LocalDate.of(2101, 1, 1))).isFalse();
        // 1999-12-31T16:00Z is 2000-01-01T00:00+08:00, the first instant inside
        assertThat(DateWindow.contains(Instant.parse("1999-12-31T16:00:00Z"))).isTrue();
        assertThat(DateWindow.contains(Instant.parse("1999-12-31T15:59:59.999Z")))
                .isFalse();
        assertThat(DateWindow.contains(Instant.parse("1999-12-31T16:00:00Z").toEpochMilli()))
                .isTrue();
        assertThat(DateWindow.contains(0L)).isFalse(); // 1970
        assertThat(DateWindow.contains(Instant.parse("2100-12-31T15:59:59Z"))).isTrue();
        assertThat(DateWindow.contains(Instant.parse("2100-12-31T16:00:00Z"))).isFalse();
        assertThat(DateWindow.outside()).isEqualTo("outside 2000–2100");
    }
}
