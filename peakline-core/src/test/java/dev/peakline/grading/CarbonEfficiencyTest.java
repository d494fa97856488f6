package dev.peakline.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CarbonEfficiencyTest {
    private final CarbonEfficiency ce = CarbonEfficiency.shipped();

    @Test
    void levelBoundsAreInclusiveAbove() {
        assertThat(ce.level(0.6).level()).isEqualTo("low");
        assertThat(ce.level(0.6000001).level()).isEqualTo("mid");
        assertThat(ce.level(2.0).level()).isEqualTo("mid");
        assertThat(ce.level(2.0000001).level()).isEqualTo("high");
        assertThat(ce.level(-0.1).labelCn()).isEqualTo("低碳");
    }

    @Test
    void gradeBoundsAreInclusiveAbove() {
        assertThat(ce.grade(0.6)).isEqualTo(1);
        assertThat(ce.grade(0.60001)).isEqualTo(2);
        assertThat(ce.grade(0.8)).isEqualTo(2);
        assertThat(ce.grade(0.80001)).isEqualTo(3);
        assertThat(ce.grade(1.2)).isEqualTo(3);
        assertThat(ce.grade(1.20001)).isEqualTo(4);
        assertThat(ce.grade(2.0)).isEqualTo(4);
        assertThat(ce.grade(2.00001)).isEqualTo(5);
    }

    @Test
    void enterprisesAreGradedAgainstAPeerGroupOfAtLeastThree() {
        List<CarbonEfficiency.Graded> g = ce.grade(List.of(
                new CarbonEfficiency.Input("A", "甲", "520100", "3011", 60, 100),
                new CarbonEfficiency.Input("B", "乙", "520100", "3011", 140, 100),
                new CarbonEfficiency.Input("E", "戊", "520100", "3011", 100, 100),
                new CarbonEfficiency.Input("C", "丙", "520100", "3216", 5_000, 1_000),
                new CarbonEfficiency.Input("D", "丁", "520100", "3216", 100, 0)));
        // 3011 holds three: L_avg = (60 + 140 + 100) ÷ 300 = 1.0; A: L = 0.6 (低碳), K = 0.6 → grade 1;
        // B: L = 1.4 (中碳), K = 1.4 → grade 4
        assertThat(g.get(0).intensity()).isEqualTo(0.6);
        assertThat(g.get(0).levelCn()).isEqualTo("低碳");
        assertThat(g.get(0).grade()).isEqualTo(1);
        assertThat(g.get(0).peerGroup()).isEqualTo("3011");
        assertThat(g.get(0).peers()).isEqualTo(3);
        assertThat(g.get(1).ratio()).isCloseTo(1.4, within(1e-12));
        assertThat(g.get(1).grade()).isEqualTo(4);
        // C is alone in 3216, 321 and 32: not its own average (K = 1), but graded against all four graded enterprises:
        // L_avg = (60 + 140 + 100 + 5,000) ÷ (100 + 100 + 100 + 1,000) = 5,300 ÷ 1,300 = 4.076923; L = 5.0 (高碳);
        // K = 5.0 ÷ 4.076923 = 1.226415 → grade 4
        CarbonEfficiency.Graded c = g.get(3);
        assertThat(c.level()).isEqualTo("high");
        assertThat(c.peerGroup()).isEqualTo("*");
        assertThat(c.peers()).isEqualTo(4);
        assertThat(c.industryIntensity()).isCloseTo(5_300.0 / 1_300, within(1e-12));
        assertThat(c.ratio()).isCloseTo(5.0 / (5_300.0 / 1_300), within(1e-12));
        assertThat(c.grade()).isEqualTo(4);
        // D has no value added: not graded, with the reason
        assertThat(g.get(4).grade()).isNull();
        assertThat(g.get(4).note()).contains("增加值");
    }
}
