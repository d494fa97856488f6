package dev.peakline.sinks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Removals of land pools worked by hand. */
class SinksTest {
    @Test
    void theGainMethodByHand() {
        // 1,000 ha growing 5 m³/ha/yr, BCEF_I 0.6 t/m³, root-to-shoot 0.2, CF 0.47:
        // G_TOTAL = 5 × 0.6 × 1.2 = 3.6 t d.m./ha/yr; ΔC = 1,000 × 3.6 × 0.47 = 1,692 tC; CO2 = −1,692 × 44/12 = −6,204
        // t
        assertThat(Sinks.gain(1000, 5, 0.6, 0.2, 0.47)).isCloseTo(-6204, within(1e-9));
        // the same with D 0.5 t/m³ and BEF 1.2 in place of BCEF_I (0.5 × 1.2 = 0.6)
        assertThat(Sinks.gain(1000, 5, 0.5, 1.2, 0.2, 0.47)).isCloseTo(-6204, within(1e-9));
    }

    @Test
    void theProvincialGuidelinesForestMethodByHand() {
        // growing stock 2,000,000 m³, growth rate 5 %, SVD 0.45 t/m³, BEF 1.6, CF 0.5:
        // 2,000,000 × 0.05 × 0.45 × 1.6 × 0.5 = 36,000 tC; × 44/12 = 132,000 tCO2 removed
        assertThat(Sinks.provincial(2_000_000, 0.05, 0.45, 1.6, 0.5)).isCloseTo(-132_000, within(1e-6));
    }

    @Test
    void theStockDifferenceByHand() {
        // 1,200,000 tC in 2015 and 1,260,000 tC in 2020: 12,000 tC a year, −44,000 tCO2; a shrinking stock emits
        assertThat(Sinks.stockDifference(1_200_000, 1_260_000, 5)).isCloseTo(-44_000, within(1e-9));
        assertThat(Sinks.stockDifference(1_260_000, 1_200_000, 5)).isCloseTo(44_000, within(1e-9));
    }

    @Test
    void lossesByHand() {
        // wood removals: 600 m³ harvested, BCEF_R 0.6, R 0.2, CF 0.47: 600 × 0.6 × 1.2 × 0.47 = 203.04 tC; × 44/12
        // = 744.48 tCO2 emitted, offsetting the gain above: −6,204 + 744.48 = −5,459.52
        assertThat(Sinks.woodRemovals(600, 0.6, 0.2, 0.47)).isCloseTo(744.48, within(1e-9));
        // 活立木消耗: 2,000,000 m³ × 4 % × 0.45 × 1.6 × 0.5 = 28,800 tC; × 44/12 = 105,600 tCO2
        assertThat(Sinks.provincialConsumption(2_000_000, 0.04, 0.45, 1.6, 0.5)).isCloseTo(105_600, within(1e-6));
    }

    @Test
    void karstByHand() {
        // a catchment discharging 1.22 × 10⁹ m³ a year at 244 mg/L of HCO₃⁻: 1.22e9 × 244 g = 297,680 t of HCO₃⁻;
        // × 12/61 = 58,560 tC; half of it atmospheric: 29,280 tC; × 44/12 = 107,360 tCO2 removed
        assertThat(Sinks.karst(1.22e9, 244)).isCloseTo(-107_360, within(1e-6));
    }
}
