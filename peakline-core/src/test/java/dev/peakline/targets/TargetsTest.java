package dev.peakline.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.problems.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsTest {
    // CO2 per unit of GDP −18 % from 2020 to 2025 (贵州省减污降碳协同增效实施方案)
    private final Target intensity = new Target(Indicator.CARBON_INTENSITY, 2020, 2025, 0.18);

    /** gdp = 1 so that the intensity is the CO2 figure itself, exactly. */
    private static Figures at(int year, double co2) {
        return new Figures(year, co2, 0, 1, 0);
    }

    @Test
    void theTrajectoryFallsAtAConstantRate() {
        // 2.0 × 0.82^(2/5) = 1.847377018…; 2.0 × 0.82 = 1.64 in the target year and after
        assertThat(intensity.required(2.0, 2022)).isCloseTo(1.8473770182911924, within(1e-12));
        assertThat(intensity.required(2.0, 2025)).isCloseTo(1.64, within(1e-15));
        assertThat(intensity.required(2.0, 2027)).isCloseTo(1.64, within(1e-15));
        assertThat(intensity.required(2.0, 2020)).isEqualTo(2.0);
        // a cap falls on a straight line: 1 000 → 900 over 5 years is 960 after 2 years
        assertThat(new Target(Indicator.ENERGY_TOTAL, 2020, 2025, 900).required(1000, 2022))
                .isCloseTo(960, within(1e-9));
    }

    @Test
    void warningsFollowTheRainBarometerAndAssessmentIsKeptApart() {
        double req = intensity.required(2.0, 2022);
        // on the trajectory (2.0 × 0.82^(2/5) = 1.847377) or ahead of it: 三级预警 (green), 完成
        assertThat(Progress.of(intensity, at(2020, 2.0), at(2022, req)).warning())
                .isEqualTo(Warning.GREEN);
        assertThat(Progress.of(intensity, at(2020, 2.0), at(2022, req)).assessment())
                .isEqualTo(Assessment.COMPLETED);
        assertThat(Progress.of(intensity, at(2020, 2.0), at(2022, req * 0.9)).warning())
                .isEqualTo(Warning.GREEN);
        // the reduction short of the required progress but the intensity still falling (1.95 in 2021 → 1.9 in 2022):
        // 二级预警 (orange); 1.9 ÷ 1.847377 − 1 = 2.85 % short, within 5 %: 基本完成
        Progress behind = Progress.of(intensity, at(2020, 2.0), at(2021, 1.95), at(2022, 1.9));
        assertThat(behind.warning()).isEqualTo(Warning.ORANGE);
        assertThat(behind.assessment()).isEqualTo(Assessment.BASICALLY_COMPLETED);
        assertThat(behind.shortfall()).isCloseTo(1.9 / req - 1, within(1e-12));
        // the intensity rose year on year (1.80 → 1.84), even though still on the trajectory: 一级预警 (red, 不降反升)
        Progress rose = Progress.of(intensity, at(2020, 2.0), at(2021, 1.80), at(2022, 1.84));
        assertThat(rose.warning()).isEqualTo(Warning.RED);
        assertThat(rose.assessment()).isEqualTo(Assessment.COMPLETED);
        // exactly 5 % short is still 基本完成; a hair more is 未完成 (the colour stays orange: no year-on-year rise)
        assertThat(Progress.of(intensity, at(2020, 2.0), at(2022, req * 1.05)).assessment())
                .isEqualTo(Assessment.BASICALLY_COMPLETED);
        Progress over = Progress.of(intensity, at(2020, 2.0), at(2022, req * 1.05 + 1e-9));
        assertThat(over.assessment()).isEqualTo(Assessment.NOT_COMPLETED);
        assertThat(over.warning()).isEqualTo(Warning.ORANGE);
        // a previous figure of another year than y − 1 is no year-on-year comparison
        assertThat(Progress.of(intensity, at(2020, 2.0), at(2020, 1.0), at(2022, req))
                        .warning())
                .isEqualTo(Warning.GREEN);
        // in the target year exactly the goal is green and 完成
        assertThat(Progress.of(intensity, at(2020, 2.0), at(2025, 1.64)).warning())
                .isEqualTo(Warning.GREEN);
        // no base year figures: no light
        assertThat(Progress.of(intensity, null, at(2022, 1.0)).warning()).isEqualTo(Warning.NO_DATA);
        assertThat(Progress.of(intensity, null, at(2022, 1.0)).assessment()).isEqualTo(Assessment.NO_DATA);
        Progress p = Progress.of(intensity, at(2020, 2.0), at(2024, 1.7));
        // achieved reduction 1 − 1.7 ÷ 2.0 = 15 %
        assertThat(p.achieved()).isCloseTo(0.15, within(1e-12));
        assertThat(p.goal()).isCloseTo(1.64, within(1e-12));
        assertThat(Warning.RED.level()).isEqualTo("一级预警");
        assertThat(Warning.ORANGE.level()).isEqualTo("二级预警");
        assertThat(Warning.GREEN.level()).isEqualTo("三级预警");
    }

    @Test
    void theNonFossilShareIsAFloor() {
        // share 0.15 in 2020 → 0.20 in 2025: required 0.17 in 2022; energy 100 tce
        Target t = new Target(Indicator.NON_FOSSIL_SHARE, 2020, 2025, 0.20);
        Figures base = new Figures(2020, 0, 100, 1, 15);
        assertThat(t.required(0.15, 2022)).isCloseTo(0.17, within(1e-12));
        assertThat(Progress.of(t, base, new Figures(2022, 0, 100, 1, 17.5)).warning())
                .isEqualTo(Warning.GREEN);
        // 16.5 % is 2.9 % short of 17 %: orange, 基本完成; 16 % is 5.9 % short: orange, 未完成
        Progress short1 = Progress.of(t, base, new Figures(2022, 0, 100, 1, 16.5));
        assertThat(short1.warning()).isEqualTo(Warning.ORANGE);
        assertThat(short1.assessment()).isEqualTo(Assessment.BASICALLY_COMPLETED);
        assertThat(Progress.of(t, base, new Figures(2022, 0, 100, 1, 16)).assessment())
                .isEqualTo(Assessment.NOT_COMPLETED);
        // behind in the target year: red
        assertThat(Progress.of(t, base, new Figures(2025, 0, 100, 1, 19)).warning())
                .isEqualTo(Warning.RED);
    }

    @Test
    void badTargetsAreRejectedWithReasons() {
        assertThat(Target.problems(Indicator.CARBON_INTENSITY, 2025, 2020, 0.18))
                .extracting(Problem::message)
                .containsExactly("target year 2020 must be after the base year 2025");
        assertThat(Target.problems(Indicator.CARBON_INTENSITY, 2020, 2025, 18.0))
                .extracting(Problem::column)
                .containsExactly("value");
        assertThat(Target.problems(Indicator.ENERGY_TOTAL, 2020, 2025, -5.0)).hasSize(1);
        assertThat(Target.problems(null, null, 2025, null)).hasSize(3);
        assertThat(Target.problems(Indicator.ENERGY_TOTAL, 2020, 2025, 1.2e8)).isEmpty();
    }

    @Test
    void decompositionConsistency() {
        Map<String, Figures> base = new LinkedHashMap<>();
        base.put("A", new Figures(2020, 100, 50, 10, 5));
        base.put("B", new Figures(2020, 300, 150, 30, 30));
        Map<String, Target> children = new LinkedHashMap<>();
        children.put("A", new Target(Indicator.CARBON_INTENSITY, 2020, 2025, 0.20));
        children.put("B", new Target(Indicator.CARBON_INTENSITY, 2020, 2025, 0.17));
        // implied: 1 − (100 × 0.80 + 300 × 0.83) ÷ 400 = 1 − 329 ÷ 400 = 0.1775 < 0.18
        assertThat(Decomposition.implied(Indicator.CARBON_INTENSITY, children, base))
                .isCloseTo(0.1775, within(1e-12));
        assertThat(Decomposition.check(intensity, children, base, List.of("A", "B")))
                .extracting(Problem::code)
                .containsExactly("decomposition.inconsistent");
        children.put("B", new Target(Indicator.CARBON_INTENSITY, 2020, 2025, 0.18));
        // 1 − (80 + 246) ÷ 400 = 0.185 ≥ 0.18
        assertThat(Decomposition.check(intensity, children, base, List.of("A", "B")))
                .isEmpty();
        assertThat(Decomposition.check(intensity, children, base, List.of("A", "B", "C")))
                .extracting(Problem::code)
                .containsExactly("decomposition.missing");
        children.put("B", new Target(Indicator.CARBON_INTENSITY, 2021, 2025, 0.18));
        assertThat(Decomposition.check(intensity, children, base, List.of("A", "B")))
                .extracting(Problem::code)
                .containsExactly("decomposition.mismatch");
    }

    @Test
    void capsSplitByBaseYearShareAndAddUp() {
        Map<String, Figures> base = new LinkedHashMap<>();
        base.put("A", new Figures(2020, 100, 50, 10, 5));
        base.put("B", new Figures(2020, 300, 150, 30, 30));
        Target cap = new Target(Indicator.CARBON_TOTAL, 2020, 2030, 1000);
        Map<String, Target> split = Decomposition.propose(cap, base);
        // 1000 × 100 ÷ 400 = 250, 1000 × 300 ÷ 400 = 750
        assertThat(split.get("A").value()).isEqualTo(250.0);
        assertThat(split.get("B").value()).isEqualTo(750.0);
        assertThat(Decomposition.check(cap, split, base, List.of("A", "B"))).isEmpty();
        split.put("B", new Target(Indicator.CARBON_TOTAL, 2020, 2030, 750.1));
        assertThat(Decomposition.check(cap, split, base, List.of("A", "B"))).hasSize(1);
        // a uniform reduction is consistent by construction
        assertThat(Decomposition.check(intensity, Decomposition.propose(intensity, base), base, List.of("A", "B")))
                .isEmpty();
        // the share: (50 × 0.25 + 150 × 0.18) ÷ 200 = 0.1975 < 0.20
        Target share = new Target(Indicator.NON_FOSSIL_SHARE, 2020, 2025, 0.20);
        Map<String, Target> shares = new LinkedHashMap<>();
        shares.put("A", new Target(Indicator.NON_FOSSIL_SHARE, 2020, 2025, 0.25));
        shares.put("B", new Target(Indicator.NON_FOSSIL_SHARE, 2020, 2025, 0.18));
        assertThat(Decomposition.implied(Indicator.NON_FOSSIL_SHARE, shares, base))
                .isCloseTo(0.1975, within(1e-12));
        assertThat(Decomposition.check(share, shares, base, List.of("A", "B"))).hasSize(1);
    }
}
