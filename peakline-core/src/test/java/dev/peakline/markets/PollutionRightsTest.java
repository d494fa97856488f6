package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PollutionRightsTest {
    @Test
    void eachPollutantIsHeldToItsPermittedQuantityAndItsPaceOverTheApprovedMonths() {
        // SO2 permitted 120 t; 6 months approved emitted 70,000 kg = 70 t: used 70/120 = 0.5833, pace × 12/6 = 1.1667 →
        // ahead
        // NOx permitted 50 t; 55,000 kg = 55 t > 50 → exceeded; COD (water) 10 t permitted, 2,000 kg → within (pace
        // 0.4)
        // PM emitted 1,000 kg with no quantity in any permit → unpermitted
        java.util.Map<String, Double> permitted =
                new java.util.HashMap<>(Map.of("air|SO2", 120.0, "air|NOx", 50.0, "water|COD", 10.0));
        List<PollutionRights.Standing> s = PollutionRights.standings(
                permitted,
                Map.of("air|SO2", 70_000.0, "air|NOx", 55_000.0, "water|COD", 2_000.0, "air|PM", 1_000.0),
                6);
        assertThat(s).extracting(PollutionRights.Standing::pollutant).containsExactly("NOx", "PM", "SO2", "COD");
        PollutionRights.Standing so2 = s.get(2);
        assertThat(so2.used()).isCloseTo(70.0 / 120, within(1e-12));
        assertThat(so2.pace()).isCloseTo(70.0 / 120 * 2, within(1e-12));
        assertThat(so2.status()).isEqualTo("ahead");
        assertThat(s.get(0).status()).isEqualTo("exceeded");
        assertThat(s.get(1).status()).isEqualTo("unpermitted");
        assertThat(s.get(1).permittedT()).isNull();
        assertThat(s.get(3).status()).isEqualTo("within");
        assertThat(s.get(3).pace()).isCloseTo(0.4, within(1e-12));
    }
}
