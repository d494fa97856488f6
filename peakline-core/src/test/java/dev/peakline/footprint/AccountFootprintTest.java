package dev.peakline.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountFootprintTest {
    @Test
    void aSmeltersAluminiumFromItsAccountsByHand() {
        // a year: 100,000 t of aluminium and 20,000 t of alloy rods (mass allocation: 100,000 / 120,000 = 5/6);
        // scope 1 180,000 t CO2, scope 2 1,200,000 t CO2; alumina 1.92 t per t at 1,000 kg CO2e/t (supplier's)
        double share = AccountFootprint.share("mass", "原铝", Map.of("原铝", 100_000.0, "铝合金棒", 20_000.0), Map.of(), null);
        assertThat(share).isCloseTo(5.0 / 6, within(1e-15));
        AccountFootprint.Result r = AccountFootprint.solve(
                "原铝",
                100_000,
                share,
                180_000_000,
                1_200_000_000,
                List.of(new AccountFootprint.Input("氧化铝", 1.92, "t", 1000, "供应商声明", true)));
        // own: 5/6 × (180,000,000 + 1,200,000,000) kg / 100,000 t = 11,500 kg/t; alumina 1.92 × 1,000 = 1,920
        assertThat(r.contributions().get(AccountFootprint.OWN)).isCloseTo(11_500, within(1e-6));
        assertThat(r.contributions().get("外购：氧化铝")).isCloseTo(1_920, within(1e-9));
        assertThat(r.kgPerUnit()).isCloseTo(13_420, within(1e-6));
        assertThat(r.primaryShare()).isCloseTo(11_500.0 / 13_420, within(1e-12));
        // economic: aluminium at 19,000 yuan/t and rods at 20,000: 1.9e9 / (1.9e9 + 0.4e9) = 0.826087
        assertThat(AccountFootprint.share(
                        "economic",
                        "原铝",
                        Map.of("原铝", 100_000.0, "铝合金棒", 20_000.0),
                        Map.of("原铝", 19_000.0, "铝合金棒", 20_000.0),
                        null))
                .isCloseTo(1.9 / 2.3, within(1e-15));
        assertThat(AccountFootprint.share("physical", "原铝", Map.of(), Map.of(), 0.7))
                .isEqualTo(0.7);
        assertThatThrownBy(() -> AccountFootprint.share("physical", "原铝", Map.of(), Map.of(), 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
