package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MarketBasedScope2Test {
    @Test
    void certificatesRetiredForTheYearTakeTheirMegawattHoursOut() {
        // 5,000 tCO2 at 0.5 t/MWh is 10,000 MWh; 3,000 MWh of certificates: 7,000 × 0.5 = 3,500 tCO2
        MarketBasedScope2.Result r = MarketBasedScope2.of(2024, 5_000, 0.5, 3_000);
        assertThat(r.consumptionMwh()).isCloseTo(10_000, within(1e-9));
        assertThat(r.coveredMwh()).isEqualTo(3_000);
        assertThat(r.marketT()).isCloseTo(3_500, within(1e-9));
        // more certificates than consumption cover it all and no more: 0, never negative
        MarketBasedScope2.Result all = MarketBasedScope2.of(2024, 5_000, 0.5, 12_000);
        assertThat(all.coveredMwh()).isCloseTo(10_000, within(1e-9));
        assertThat(all.marketT()).isCloseTo(0, within(1e-9));
        // none: market-based equals location-based
        assertThat(MarketBasedScope2.of(2024, 5_000, 0.5, 0).marketT()).isCloseTo(5_000, within(1e-9));
    }

    @Test
    void aCertificateCountsForItsYearAndTheNext() {
        assertThat(MarketBasedScope2.counts(2024, 2024)).isTrue();
        assertThat(MarketBasedScope2.counts(2023, 2024)).isTrue();
        assertThat(MarketBasedScope2.counts(2022, 2024)).isFalse();
        assertThat(MarketBasedScope2.counts(2025, 2024)).isFalse();
    }
}
