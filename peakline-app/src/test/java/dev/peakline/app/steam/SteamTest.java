package dev.peakline.app.steam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.problems.Refusal;
import org.junit.jupiter.api.Test;

class SteamTest {
    @Test
    void superheatedSteamTakesTheIf97EnthalpyAtItsPressureAndTemperature() {
        // IAPWS-IF97 verification values (region 2, Table 15): T = 700 K, p = 30 MPa → h = 2631.49474 kJ/kg;
        // T = 700 K, p = 0.0035 MPa → h = 3335.68375 kJ/kg. 1 t: (h − 83.74) × 10⁻³ GJ
        assertThat(Steam.steam(1, 30, 700 - 273.15).gigajoules()).isCloseTo((2631.49474 - 83.74) / 1000, within(1e-7));
        assertThat(Steam.steam(1, 0.0035, 700 - 273.15).gigajoules())
                .isCloseTo((3335.68375 - 83.74) / 1000, within(1e-7));
        // 100 t at 1.0 MPa and 250 °C: h ≈ 2943.2 kJ/kg (steam tables 2943.1–2943.2):
        // 100 × (2943.2 − 83.74) × 10⁻³ ≈ 285.95 GJ
        Steam.Heat h = Steam.steam(100, 1.0, 250.0);
        assertThat(h.state()).isEqualTo("superheated");
        assertThat(h.gigajoules()).isCloseTo(285.95, within(0.02));
        assertThat(h.formula()).startsWith("100 t × (2943.2");
    }

    @Test
    void saturatedSteamWithoutATemperature() {
        // saturated vapour at 1.0 MPa: h'' = 2777.1 kJ/kg; 100 t → 100 × (2777.1 − 83.74) × 10⁻³ = 269.336 GJ
        Steam.Heat h = Steam.steam(100, 1.0, null);
        assertThat(h.state()).isEqualTo("saturated");
        assertThat(h.enthalpy()).isCloseTo(2777.1, within(0.05));
        assertThat(h.gigajoules()).isCloseTo(269.336, within(0.01));
        // magnitude: a tonne of process steam carries about 2.7 GJ
        assertThat(h.gigajoules() / 100).isBetween(2.5, 3.0);
    }

    @Test
    void hotWaterAboveTwentyDegrees() {
        // 10 t at 95 °C: 10 × (95 − 20) × 4.1868 × 10⁻³ = 3.1401 GJ
        assertThat(Steam.hotWater(10, 95).gigajoules()).isCloseTo(3.1401, within(1e-9));
    }

    @Test
    void waterBelowItsBoilingPointIsNotSteamAndNonsenseIsRefusedByField() {
        assertThatThrownBy(() -> Steam.steam(100, 1.0, 150.0))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("boils at 179.8");
        Refusal r =
                org.assertj.core.api.Assertions.catchThrowableOfType(() -> Steam.steam(-5, 500, 900.0), Refusal.class);
        assertThat(r.problems()).extracting(p -> p.column()).containsExactly("tonnes", "pressure", "temperature");
        assertThatThrownBy(() -> Steam.hotWater(10, 15)).isInstanceOf(Refusal.class);
        assertThatThrownBy(() -> Steam.steam(10, Double.NaN, null))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("absolute pressure");
    }
}
