package dev.peakline.pollution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Co-control metrics worked by hand. */
class SynergyTest {
    @Test
    void aMeasureThatCutsBothByHand() {
        // before: SO2 950 kg (÷ 0.95 = 1,000 eq) and NOx 95 kg (100 eq) = 1,100 eq, CO2 1,000 t;
        // after: SO2 475 kg (500 eq), NOx 95 kg (100 eq) = 600 eq, CO2 900 t
        double before = Synergy.airEquivalents(Map.of("二氧化硫", 950.0, "NOx", 95.0));
        double after = Synergy.airEquivalents(Map.of("SO2", 475.0, "氮氧化物", 95.0));
        assertThat(before).isCloseTo(1100, within(1e-9));
        assertThat(after).isCloseTo(600, within(1e-9));
        Synergy.Effect e = Synergy.effect(1000, 900, before, after);
        // cuts 100 t and 500 eq: quadrant I; Els = (−100 / 1,000) / (−500 / 1,100) = −0.1 / −0.454545… = 0.22
        assertThat(e.quadrant()).isEqualTo(1);
        assertThat(e.elasticity()).isCloseTo(0.22, within(1e-12));
        // desulphurisation that burns more energy: pollutants cut, CO2 up 2 % — quadrant II, Els negative
        Synergy.Effect fgd = Synergy.effect(1000, 1020, 1100, 600);
        assertThat(fgd.quadrant()).isEqualTo(2);
        assertThat(fgd.elasticity()).isCloseTo(0.02 / (-500.0 / 1100), within(1e-12));
        assertThat(Synergy.effect(1000, 900, 600, 700).quadrant()).isEqualTo(4);
        assertThat(Synergy.effect(1000, 1100, 600, 700).quadrant()).isEqualTo(3);
    }

    @Test
    void couplingCoordinationByHand() {
        // U1 0.6, U2 0.4, α = β = 0.5: C = 2√0.24 / 1 = 0.979796; T = 0.5; D = √(0.489898) = 0.699927
        assertThat(Synergy.coordination(0.6, 0.4, 0.5)).isCloseTo(Math.sqrt(2 * Math.sqrt(0.24) * 0.5), within(1e-12));
        assertThat(Synergy.coordination(0.6, 0.4, 0.5)).isCloseTo(0.699927, within(1e-6));
        // equal scores couple fully: C = 1, D = √U
        assertThat(Synergy.coordination(0.49, 0.49, 0.3)).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void subjectsAreRankedByCoordinationByHand() {
        // three cities cut pollution by 10 %, 20 %, 30 % and CO2 by 5 %, 1 %, 3 %: U₁ = 0, 0.5, 1; U₂ = 1, 0, 0.5;
        // α 0.5: D₁ = 0 (C = 0), D₂ = 0 (C = 0), D₃ = √(C·T), C = 2√0.5 / 1.5 = 0.942809, T = 0.75: D₃ = 0.840896
        Synergy.Ranking r = Synergy.rank(new double[] {0.1, 0.2, 0.3}, new double[] {0.05, 0.01, 0.03}, 0.5)
                .orElseThrow();
        assertThat(r.u1()[0]).isEqualTo(0.0);
        assertThat(r.u1()[1]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.u1()[2]).isEqualTo(1.0);
        assertThat(r.u2()[2]).isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(r.coordination()[2]).isCloseTo(0.840896, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(r.band()[2]).isEqualTo(8);
        assertThat(r.rank()[2]).isEqualTo(1);
        // one subject, or all alike: no ranking
        assertThat(Synergy.rank(new double[] {0.1}, new double[] {0.1}, 0.5)).isEmpty();
        assertThat(Synergy.rank(new double[] {0.1, 0.1}, new double[] {0.1, 0.2}, 0.5))
                .isEmpty();
    }
}
