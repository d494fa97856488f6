package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GreenPowerTest {
    @Test
    void aRegionsWeightIsMetWhenItsAchievedShareReachesTheObligation() {
        // 35.2 % achieved against 36.8 %: −1.6 points, short; 37.0 % against 36.8 %: +0.2, met
        GreenPower.Against a = GreenPower.against(0.352, 0.368);
        assertThat(a.gapPoints()).isCloseTo(-1.6, within(1e-9));
        assertThat(a.met()).isFalse();
        assertThat(GreenPower.against(0.370, 0.368).met()).isTrue();
        assertThat(GreenPower.against(null, 0.368).met()).isNull();
    }

    @Test
    void anEnterprisesGreenShareIsTheCertifiedMwhOverItsConsumption() {
        // 50,000 tCO2 at 0.5 t/MWh = 100,000 MWh; 12,000 MWh certified → 12 %
        MarketBasedScope2.Result r = MarketBasedScope2.of(2024, 50_000, 0.5, 12_000);
        assertThat(GreenPower.share(r)).isCloseTo(0.12, within(1e-12));
        // certificates beyond consumption cover it whole: 100 %
        assertThat(GreenPower.share(MarketBasedScope2.of(2024, 50_000, 0.5, 150_000)))
                .isEqualTo(1.0);
    }
}
