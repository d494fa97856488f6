package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EtsCoverageTest {
    @Test
    void aSectorsEnterpriseIsCoveredFromItsYearAtTwentySixThousandTonnes() {
        // a coal power plant (4411) at exactly 26,000 t is covered; 25,999.9 t is not
        assertThat(EtsCoverage.covered("4411", 2021, 26_000)).isTrue();
        assertThat(EtsCoverage.covered("4411", 2021, 25_999.9)).isFalse();
        // an aluminium smelter only from 2024; cement (3011) too; a chemical plant never
        assertThat(EtsCoverage.covered("3216", 2023, 1e6)).isFalse();
        assertThat(EtsCoverage.covered("3216", 2024, 1e6)).isTrue();
        assertThat(EtsCoverage.sector("3011", 2024).orElseThrow().sector()).isEqualTo("cement_clinker");
        assertThat(EtsCoverage.sector("3120", 2025).orElseThrow().sector()).isEqualTo("steel");
        assertThat(EtsCoverage.covered("2614", 2025, 1e6)).isFalse();
        assertThat(EtsCoverage.sectors()).allMatch(s -> s.confidence().startsWith("UNCONFIRMED"));
    }
}
