package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** peakline.clock.offset: a test-only shift of the server's clock, never on by default, refused outside the test profile. */
class ClockOffsetTest {
    static final Clock FIXED = Clock.fixed(Instant.parse("2026-12-06T19:00:00Z"), ZoneOffset.UTC);

    @Test
    void withoutAnOffsetTheClockIsTheSystems() {
        assertThat(Platform.shifted(FIXED, "", false)).isSameAs(FIXED);
        assertThat(Platform.shifted(FIXED, null, true)).isSameAs(FIXED);
        assertThat(Platform.shifted(FIXED, "PT0S", false)).isSameAs(FIXED);
    }

    @Test
    void inTheTestProfileTheClockMovesByTheOffset() {
        // 2026-12-06 + 365 days = 2027-12-06 (2027 is not a leap year)
        assertThat(Platform.shifted(FIXED, "P365D", true).instant()).isEqualTo(Instant.parse("2027-12-06T19:00:00Z"));
        assertThat(Platform.shifted(FIXED, "PT-2H", true).instant()).isEqualTo(Instant.parse("2026-12-06T17:00:00Z"));
    }

    @Test
    void outsideTheTestProfileAnOffsetIsRefused() {
        assertThatThrownBy(() -> Platform.shifted(FIXED, "P365D", false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("for tests only");
        assertThatThrownBy(() -> Platform.shifted(FIXED, "a year", true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("P365D");
    }
}
