package dev.peakline.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.domain.RegionCode;
import org.junit.jupiter.api.Test;

class GridRegionsTest {
    @Test
    void everyMainlandProvinceBelongsToOneRegionalGridWithAPublishedFactor() {
        ReferenceLibrary lib = ReferenceLibrary.shipped();
        long provinces = lib.registry().regions().values().stream()
                .filter(r -> r.level() == Region.Level.PROVINCE)
                .filter(r -> r.code().value().compareTo("710000") < 0) // 台湾, 香港, 澳门 have no MEE grid factor
                .peek(r -> {
                    String area = GridRegions.areaOf(r.code()).orElseThrow(() -> new AssertionError(r.name()));
                    // each grid has its 2021, 2022 and 2023 average
                    for (int year = 2021; year <= 2023; year++) {
                        assertThat(lib.resolve(
                                                FactorKey.of(FactorKind.ELECTRICITY, area, "average"),
                                                java.time.LocalDate.of(year, 6, 1))
                                        .orElseThrow()
                                        .isFallback())
                                .as("%s %s %d", r.name(), area, year)
                                .isFalse();
                    }
                })
                .count();
        assertThat(provinces).isEqualTo(31);
    }

    @Test
    void innerMongoliaIsSplitBetweenTwoGrids() {
        assertThat(GridRegions.areaOf(RegionCode.of("150102"))).hasValue("grid:north"); // 呼和浩特, 蒙西
        assertThat(GridRegions.areaOf(RegionCode.of("150702"))).hasValue("grid:northeast"); // 呼伦贝尔, 蒙东
        assertThat(GridRegions.areaOf(RegionCode.of("810000"))).isEmpty(); // 香港
    }
}
