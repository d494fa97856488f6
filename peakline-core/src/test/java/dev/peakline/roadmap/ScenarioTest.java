package dev.peakline.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenario paths and their peak, worked by hand from the Kaya identity CO2 = GDP × EI × (1 − NF) × EF. */
class ScenarioTest {
    // 2025: GDP 100 (10⁴ yuan), 1 tce per 10⁴ yuan, no non-fossil energy, 2 tCO2 per tce of fossil energy → 200 t;
    // GDP +5 % a year; energy intensity −3 % a year in 2026–2027, −8 % a year from 2028
    static final Scenario.Drivers DRIVERS = new Scenario.Drivers(
            2025,
            100,
            1,
            0,
            2,
            List.of(new Scenario.Step(2026, 0.05)),
            List.of(new Scenario.Step(2026, 0.03), new Scenario.Step(2028, 0.08)),
            List.of(),
            List.of());

    @Test
    void thePathPeaksWhenIntensityFallsFasterThanGdpGrows() {
        Scenario.Path p = Scenario.project(DRIVERS, 2035);
        // 2026: 100 × 1.05 × 1 × 0.97 × 2 = 203.7
        assertThat(p.years().get(1).co2()).isCloseTo(203.7, within(1e-9));
        // 2027: 200 × 1.05² × 0.97² = 207.46845, the peak: 2028 is 207.46845 × 1.05 × 0.92 = 200.4145227
        assertThat(p.peakYear()).isEqualTo(2027);
        assertThat(p.peakCo2()).isCloseTo(200 * 1.05 * 1.05 * 0.97 * 0.97, within(1e-9));
        assertThat(p.years().get(3).co2()).isCloseTo(200 * Math.pow(1.05, 3) * 0.97 * 0.97 * 0.92, within(1e-9));
        assertThat(p.years()).hasSize(11);
    }

    @Test
    void levelsAreReachedLinearlyAndHeldAfterTheLastStep() {
        List<Scenario.Step> nf = List.of(new Scenario.Step(2030, 0.25), new Scenario.Step(2035, 0.30));
        // 2025 at 0.10, 2030 at 0.25: 2027 is 0.10 + 0.15 × 2/5 = 0.16; 2033 is 0.25 + 0.05 × 3/5 = 0.28; 2040 stays
        // 0.30
        assertThat(Scenario.level(nf, 2025, 0.10, 2027)).isCloseTo(0.16, within(1e-12));
        assertThat(Scenario.level(nf, 2025, 0.10, 2033)).isCloseTo(0.28, within(1e-12));
        assertThat(Scenario.level(nf, 2025, 0.10, 2040)).isCloseTo(0.30, within(1e-12));
        // with that non-fossil path, 2027's emissions are 207.46845 × (1 − 0.16)
        Scenario.Drivers d = new Scenario.Drivers(
                2025, 100, 1, 0.10, 2, DRIVERS.gdpGrowth(), DRIVERS.intensityFall(), nf, List.of());
        assertThat(Scenario.project(d, 2030).years().get(2).co2())
                .isCloseTo(200 * 1.05 * 1.05 * 0.97 * 0.97 * 0.84, within(1e-9));
    }

    @Test
    void monteCarloGivesThePeakYearsDistributionTheSameEveryRun() {
        // without uncertainty every draw peaks in 2027
        Scenario.PeakDistribution none = Scenario.monteCarlo(DRIVERS, 2035, 0, 0, 200, 7);
        assertThat(none.counts()[2]).isEqualTo(200);
        assertThat(none.median()).isEqualTo(2027);
        // with ±1 percentage point on both rates the peak spreads, and the same seed gives the same counts
        Scenario.PeakDistribution a = Scenario.monteCarlo(DRIVERS, 2035, 0.01, 0.01, 2000, 2026);
        Scenario.PeakDistribution b = Scenario.monteCarlo(DRIVERS, 2035, 0.01, 0.01, 2000, 2026);
        assertThat(a.counts()).containsExactly(b.counts());
        assertThat(java.util.Arrays.stream(a.counts()).sum()).isEqualTo(2000);
        assertThat(a.p5()).isLessThanOrEqualTo(a.median());
        assertThat(a.p95()).isGreaterThanOrEqualTo(a.median()).isGreaterThan(a.p5());
    }
}
