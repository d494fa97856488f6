package dev.peakline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The registry's records refuse what cannot be: they are validated where they are made. */
class RegistryRecordsTest {
    static final CreditCode CODE = CreditCode.of("91520181MA6DKQ3L5C");
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static Meter meter(double multiplier, int interval, double max, Instant removed) {
        return new Meter(
                1,
                CODE,
                null,
                "E-01",
                "总表",
                "电力",
                "kWh",
                MeterKind.REGISTER,
                multiplier,
                interval,
                max,
                T0,
                removed,
                null);
    }

    @Test
    void anEnterpriseNeedsItsCodesAndAName() {
        Enterprise e =
                new Enterprise(CODE, "  清镇示例铝业  ", RegionCode.of("520181"), IndustryCode.of("3216"), true, false);
        assertThat(e.name()).isEqualTo("清镇示例铝业");
        assertThatThrownBy(
                        () -> new Enterprise(CODE, " ", RegionCode.of("520181"), IndustryCode.of("3216"), true, true))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Enterprise(CODE, "x", null, IndustryCode.of("3216"), true, true))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void aFacilityHasANameAndANonNegativeCapacity() {
        Facility f = new Facility(7, "一号线", "生产线", "电解铝", new BigDecimal("200000"), "t/a", null);
        assertThat(f.capacity()).isEqualByComparingTo("200000");
        assertThatThrownBy(() -> new Facility(7, "一号线", "生产线", "电解铝", new BigDecimal("-1"), "t/a", null))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> new Facility(7, "", "生产线", null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMeterHasAPositiveMultiplierASaneIntervalAndIsInServiceBetweenItsDates() {
        Meter m = meter(40, 900, 99_999_999, T0.plusSeconds(86_400));
        assertThat(m.inServiceAt(T0)).isTrue();
        assertThat(m.inServiceAt(T0.minusSeconds(1))).isFalse();
        assertThat(m.inServiceAt(T0.plusSeconds(86_399))).isTrue();
        assertThat(m.inServiceAt(T0.plusSeconds(86_400))).isFalse();
        assertThat(m.spec().multiplier()).isEqualTo(40);
        assertThatThrownBy(() -> meter(0, 900, 0, null)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> meter(Double.NaN, 900, 0, null)).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> meter(1, 59, 0, null)).hasMessageContaining("interval");
        assertThatThrownBy(() -> meter(1, 86_401, 0, null)).hasMessageContaining("interval");
        assertThatThrownBy(() -> meter(1, 900, -1, null)).hasMessageContaining("register maximum");
        assertThatThrownBy(() -> meter(1, 900, 0, T0)).hasMessageContaining("removed after");
    }
}
