package dev.peakline.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.problems.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A region's roadmap from two years of statistics, worked by hand. */
class RoadmapTest {
    // 2023: GDP 100, energy 50 tce (10 non-fossil), CO2 100 t → EI 0.5, NF 0.2, EF 100 / 40 = 2.5
    // 2024: GDP 110, energy 52.8 (EI 0.48), non-fossil 13.2 (NF 0.25), CO2 (52.8 − 13.2) × 2.5 = 99
    static final List<Roadmap.HistoryYear> HISTORY = List.of(
            new Roadmap.HistoryYear(2023, 100, 50, 10, 100), new Roadmap.HistoryYear(2024, 110, 52.8, 13.2, 99));

    @Test
    void proposalsContinueTheHistoryAndTheLowCarbonOnesGoFaster() {
        List<Roadmap.Spec> p = Roadmap.proposals(HISTORY, 2035);
        assertThat(p).extracting(Roadmap.Spec::key).containsExactly("baseline", "low_carbon", "enhanced");
        Roadmap.Spec base = p.get(0);
        // growth 110 / 100 − 1 = 10.0 %; intensity fall 1 − 0.48 / 0.5 = 4.0 %; from 2031 one and half a point less
        assertThat(base.gdpGrowth()).containsExactly(new Roadmap.Step(2025, 10.0), new Roadmap.Step(2031, 9.0));
        assertThat(base.intensityFall()).containsExactly(new Roadmap.Step(2025, 4.0), new Roadmap.Step(2031, 3.5));
        // the share rose 5 points in a year: 25 + 5 × 6 = 55 % by 2030 (+5 and +10 points in the others)
        assertThat(base.nonFossilShare()).containsExactly(new Roadmap.Step(2030, 55.0));
        // after 2030 (growth 9 %, fall 4.5 %: × 1.09 × 0.955 = 1.041 a year) the low-carbon one would rise again, so
        // its
        // share keeps its pace of (60 − 25) / 6 = 5.83 points a year: 60 + 5.83 × 5 = 89.2 % in 2035, enough to fall
        assertThat(p.get(1).nonFossilShare())
                .containsExactly(new Roadmap.Step(2030, 60.0), new Roadmap.Step(2035, 89.2));
        assertThat(p.get(1).note()).contains("89.2%").doesNotContain("能耗强度");
        assertThat(Roadmap.risesAfter2030(HISTORY.get(1), p.get(1), 2035)).isFalse();
        assertThat(p.get(1).intensityFall().get(0).value()).isEqualTo(5.0);
        // the enhanced scenario cuts the fossil factor 5 %: 2.5 × 0.95 = 2.375
        assertThat(p.get(2).fossilFactor()).containsExactly(new Roadmap.Step(2030, 2.375));
        assertThat(Roadmap.problems(p, 2024, 2035)).isEmpty();
    }

    @Test
    void aLowCarbonProposalDoesNotRiseAgainAfter2030() {
        // fast growth, slow fall: 2023 GDP 100, energy 50 (10 non-fossil), CO2 100; 2024 GDP 107, EI 0.49 (2 % fall),
        // energy 52.43, non-fossil share unchanged at 20 %, CO2 (52.43 − 10.486) × 2.5 = 104.86. The low-carbon
        // proposal falls 3 % a year and reaches 25 % non-fossil by 2030; after 2030 growth 6 % and fall 2.5 % would
        // raise CO2 by 1.06 × 0.975 = 1.0335 a year. Its share then keeps rising at 5 / 6 = 0.83 points a year (to
        // 29.2 % in 2035), which alone still rises (× ≈ 0.989 → 1.022), so its fall after 2030 is raised to the least
        // 0.1 step that stops the rise: about 1 − 1 / (1.06 × 0.989) ≈ 4.6 %
        List<Roadmap.HistoryYear> fast = List.of(
                new Roadmap.HistoryYear(2023, 100, 50, 10, 100),
                new Roadmap.HistoryYear(2024, 107, 52.43, 10.486, 104.86));
        List<Roadmap.Spec> p = Roadmap.proposals(fast, 2035);
        assertThat(p).extracting(Roadmap.Spec::key).containsExactly("baseline", "low_carbon", "enhanced");
        Roadmap.Spec low = p.get(1);
        assertThat(low.nonFossilShare()).containsExactly(new Roadmap.Step(2030, 25.0), new Roadmap.Step(2035, 29.2));
        double after = low.intensityFall().get(1).value();
        assertThat(after).isBetween(4.0, 5.0);
        assertThat(low.note()).contains("29.2%").contains("能耗强度年降幅提高到 " + after + "%");
        assertThat(Roadmap.risesAfter2030(fast.get(1), low, 2035)).isFalse();
        // the least such step: 0.1 points less rises again
        List<Roadmap.Step> less = List.of(low.intensityFall().get(0), new Roadmap.Step(2031, after - 0.1));
        assertThat(Roadmap.risesAfter2030(
                        fast.get(1),
                        new Roadmap.Spec(
                                "x", "x", low.gdpGrowth(), less, low.nonFossilShare(), low.fossilFactor(), 1, 1),
                        2035))
                .isTrue();
        // the baseline continues the history as it is, rising or not, and says nothing
        assertThat(p.get(0).note()).isNull();
    }

    @Test
    void aProposalThatCannotStopRisingIsStillProposedAndSaysSo() {
        // energy quintupled in a year (GDP 100 → 105, energy 50 → 250: intensity 0.5 → 2.381, a fall of −376.2 %): no
        // share up to 95 % and no five points more of fall stop the rise, so all three are proposed as their drivers
        // give them, and the low-carbon ones ask the analyst to set the drivers
        List<Roadmap.HistoryYear> wild = List.of(
                new Roadmap.HistoryYear(2023, 100, 50, 10, 100), new Roadmap.HistoryYear(2024, 105, 250, 50, 500));
        List<Roadmap.Spec> p = Roadmap.proposals(wild, 2035);
        assertThat(p).extracting(Roadmap.Spec::key).containsExactly("baseline", "low_carbon", "enhanced");
        assertThat(p.get(1).intensityFall().get(0).value()).isEqualTo(-376.2 + 1);
        assertThat(p.get(1).note()).contains("仍回升").contains("请调整驱动因素");
        assertThat(p.get(2).note()).contains("仍回升");
        assertThat(Roadmap.risesAfter2030(wild.get(1), p.get(1), 2035)).isTrue();
    }

    @Test
    void oneYearOfStatisticsProposesNoTrendOfItsOwn() {
        // no trend to continue: the baseline stands still (0 % growth, 0 % fall) rather than borrowing rates
        Roadmap.Spec base = Roadmap.proposals(HISTORY.subList(1, 2), 2035).get(0);
        assertThat(base.gdpGrowth().get(0).value()).isZero();
        assertThat(base.intensityFall().get(0).value()).isZero();
        assertThat(base.nonFossilShare()).containsExactly(new Roadmap.Step(2030, 25.0));
    }

    @Test
    void aScenarioProjectsByHand() {
        Roadmap.Spec s = Roadmap.proposals(HISTORY, 2026).get(0);
        Roadmap.Projection pr = Roadmap.project(HISTORY.get(1), s, 2026);
        List<Scenario.Year> y = pr.path().years();
        assertThat(y).hasSize(3);
        assertThat(y.get(0).co2()).isCloseTo(99, within(1e-9));
        // 2025: GDP 121, EI 0.48 × 0.96 = 0.4608, energy 55.7568, NF 25 → 55 % by 2030 is 30 % in 2025,
        // CO2 55.7568 × 0.70 × 2.5 = 97.5744
        assertThat(y.get(1).gdp()).isCloseTo(121, within(1e-9));
        assertThat(y.get(1).co2()).isCloseTo(97.5744, within(1e-9));
        // 2026: energy 133.1 × 0.442368 = 58.8791808, NF 35 %, CO2 58.8791808 × 0.65 × 2.5 = 95.6786688
        assertThat(y.get(2).co2()).isCloseTo(95.6786688, within(1e-9));
        assertThat(pr.path().peakYear()).isEqualTo(2024);
        assertThat(pr.spread().draws()).isEqualTo(Roadmap.DRAWS);
        // CO2 intensity 2023 → 2026: 1 − (95.6786688 / 133.1) / (100 / 100) = 0.281152…, more than a 20 % target
        Roadmap.Check c = Roadmap.check("CARBON_INTENSITY", 2023, 2026, 0.20, HISTORY, pr.path());
        assertThat(c.reached()).isCloseTo(1 - 95.6786688 / 133.1, within(1e-12));
        assertThat(c.meets()).isTrue();
        // a share target is the level itself: 35 % in 2026 misses 40 %
        Roadmap.Check share = Roadmap.check("NON_FOSSIL_SHARE", 2020, 2026, 0.40, HISTORY, pr.path());
        assertThat(share.reached()).isCloseTo(0.35, within(1e-12));
        assertThat(share.meets()).isFalse();
        // an intensity target based on a year without statistics cannot be compared
        assertThat(Roadmap.check("CARBON_INTENSITY", 2005, 2026, 0.65, HISTORY, pr.path())
                        .reached())
                .isNull();
    }

    @Test
    void theHistoryDecomposesByHand() {
        var r = Roadmap.decomposition(HISTORY);
        assertThat(r.problems()).isEmpty();
        // L(99, 100) = (99 − 100) / ln(99 / 100) = 99.499162…; GDP ln 1.1, intensity ln 0.96, fossil share
        // ln(0.75 / 0.8), fossil factor ln 1 = 0; the effects sum to 99 − 100 = −1
        double l = -1 / Math.log(0.99);
        var effects = r.effects().stream().filter(e -> e.fromYear() == 2023).toList();
        assertThat(effects.stream()
                        .filter(e -> e.factor().equals("gdp"))
                        .findFirst()
                        .orElseThrow()
                        .additive())
                .isCloseTo(l * Math.log(1.1), within(1e-9));
        assertThat(effects.stream()
                        .filter(e -> e.factor().equals("energy_intensity"))
                        .findFirst()
                        .orElseThrow()
                        .additive())
                .isCloseTo(l * Math.log(0.96), within(1e-9));
        assertThat(effects.stream()
                        .filter(e -> e.factor().equals("fossil_share"))
                        .findFirst()
                        .orElseThrow()
                        .additive())
                .isCloseTo(l * Math.log(0.75 / 0.8), within(1e-9));
        assertThat(effects.stream()
                        .filter(e -> e.factor().equals("TOTAL"))
                        .findFirst()
                        .orElseThrow()
                        .additive())
                .isCloseTo(-1, within(1e-9));
    }

    @Test
    void badScenariosAreRefusedNamingTheScenarioAndDriver() {
        Roadmap.Spec bad = new Roadmap.Spec(
                "baseline",
                "基准",
                List.of(new Roadmap.Step(2024, 5), new Roadmap.Step(2030, 45)),
                List.of(),
                List.of(new Roadmap.Step(2030, 120)),
                List.of(),
                1,
                1);
        List<Problem> p = Roadmap.problems(List.of(bad, bad), 2024, 2035);
        assertThat(p)
                .extracting(Problem::code)
                .contains("roadmap.year", "roadmap.value", "roadmap.step", "roadmap.key");
        assertThat(p)
                .extracting(Problem::column)
                .contains(
                        "scenarios[0].gdpGrowth",
                        "scenarios[0].intensityFall",
                        "scenarios[0].nonFossilShare",
                        "scenarios[1].key");
        assertThat(p.get(0).message()).contains("基准", "2024", "after");
        assertThat(Roadmap.problems(List.of(bad), 2024, 2070))
                .extracting(Problem::code)
                .containsExactly("roadmap.horizon");
    }

    @Test
    void stirpatFittedOnAnExactHistoryRecoversItsElasticities() {
        // CO2 = e^0.1 × GDP^0.8 × EI^1.0 × (1 − NF)^1.2 over six years whose drivers vary apart: the fit is exact, the
        // residual variance 0, so HKB's k = p·σ² / β'β is 0 and ridge is OLS
        double[][] d = {
            {100, 0.50, 0.20},
            {108, 0.49, 0.22},
            {113, 0.47, 0.21},
            {125, 0.46, 0.25},
            {131, 0.42, 0.26},
            {140, 0.43, 0.30}
        };
        List<Roadmap.HistoryYear> h = new java.util.ArrayList<>();
        for (int i = 0; i < d.length; i++) {
            double co2 = Math.exp(0.1) * Math.pow(d[i][0], 0.8) * d[i][1] * Math.pow(1 - d[i][2], 1.2);
            double energy = d[i][0] * d[i][1];
            h.add(new Roadmap.HistoryYear(2019 + i, d[i][0], energy, energy * d[i][2], co2));
        }
        Roadmap.Stirpat s = Roadmap.stirpat(h);
        assertThat(s.ok()).isTrue();
        assertThat(s.fit().intercept()).isCloseTo(0.1, within(1e-8));
        assertThat(s.fit().coefficients()[0]).isCloseTo(0.8, within(1e-8));
        assertThat(s.fit().coefficients()[1]).isCloseTo(1.0, within(1e-8));
        assertThat(s.fit().coefficients()[2]).isCloseTo(1.2, within(1e-8));
        assertThat(s.fit().rSquared()).isCloseTo(1, within(1e-12));
        // the model projects a path from its drivers: 2025 of a scenario, e^0.1 × 154^0.8 × 0.41 × 0.65^1.2
        Scenario.Path p = new Scenario.Path(List.of(new Scenario.Year(2025, 154, 154 * 0.41, 0.35, 0)), 2025, 0);
        assertThat(Roadmap.stirpatPath(s.fit(), p)[0])
                .isCloseTo(Math.exp(0.1) * Math.pow(154, 0.8) * 0.41 * Math.pow(0.65, 1.2), within(1e-6));
        // two years are too few for three drivers
        assertThat(Roadmap.stirpat(HISTORY).ok()).isFalse();
        assertThat(Roadmap.stirpat(HISTORY).why()).contains("at least 5");
    }
}
