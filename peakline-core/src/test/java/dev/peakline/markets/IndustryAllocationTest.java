package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.markets.IndustryAllocation.Line;
import dev.peakline.markets.IndustryAllocation.Outcome;
import dev.peakline.markets.IndustryAllocation.Sector;
import org.junit.jupiter.api.Test;

class IndustryAllocationTest {
    @Test
    void in2024AnAluminiumSmelterIsAllocatedItsVerifiedEmissionsOnceVerified() {
        // 2024 等量分配: 1,234,567.5 t verified → 1,234,568 t (half up); no pre-allocation that year
        Line l = new Line("AL-1", 2024, Sector.ALUMINIUM, false, 1_234_567.5, null);
        Outcome fin = IndustryAllocation.allocate(l, "final");
        assertThat(fin.allocationT()).isEqualTo(1_234_568L);
        assertThat(fin.explanation()).anyMatch(x -> x.contains("核查排放量 1,234,567.50 tCO2，取整 1,234,568 tCO2"));
        Outcome pre = IndustryAllocation.allocate(l, "pre");
        assertThat(pre.ok()).isFalse();
        assertThat(pre.code()).isEqualTo("allocation.no_pre");
        assertThat(IndustryAllocation.due(1_234_567.5)).isEqualTo(1_234_568L);
    }

    @Test
    void in2025ThePreAllocationIsSeventyPercentOfTheYearBeforesVerifiedEmissions() {
        // 0.70 × 2,000,001 = 1,400,000.7 → 1,400,001 t
        Outcome pre = IndustryAllocation.allocate(
                new Line("CL-1", 2025, Sector.CEMENT_CLINKER, false, null, 2_000_001.0), "pre");
        assertThat(pre.allocationT()).isEqualTo(1_400_001L);
        // without the 2024 verification there is nothing to pre-allocate on
        assertThat(IndustryAllocation.allocate(new Line("CL-1", 2025, Sector.CEMENT_CLINKER, false, null, null), "pre")
                        .code())
                .isEqualTo("market.verified");
    }

    @Test
    void the2025TrueUpIsRefusedWithoutTheIntensityBenchmarksExceptForTheCementLinesAtVerifiedEmissions() {
        Outcome steel =
                IndustryAllocation.allocate(new Line("BF-1", 2025, Sector.STEEL, false, 3_000_000.0, 2.9e6), "final");
        assertThat(steel.ok()).isFalse();
        assertThat(steel.code()).isEqualTo("allocation.intensity");
        // a white clinker line: 812,345.49 → 812,345
        Outcome white = IndustryAllocation.allocate(
                new Line("WC-1", 2025, Sector.CEMENT_CLINKER, true, 812_345.49, 800_000.0), "final");
        assertThat(white.allocationT()).isEqualTo(812_345L);
        // the exception is the cement lines' only
        assertThat(IndustryAllocation.allocate(new Line("AL-2", 2025, Sector.ALUMINIUM, true, 1e6, 1e6), "final")
                        .code())
                .isEqualTo("allocation.exempt");
        // outside the plans shipped
        assertThat(IndustryAllocation.allocate(new Line("AL-2", 2023, Sector.ALUMINIUM, false, 1e6, 1e6), "final")
                        .code())
                .isEqualTo("allocation.year");
        assertThat(Sector.parse("电解铝")).contains(Sector.ALUMINIUM);
        assertThat(Sector.parse("水泥")).contains(Sector.CEMENT_CLINKER);
    }
}
