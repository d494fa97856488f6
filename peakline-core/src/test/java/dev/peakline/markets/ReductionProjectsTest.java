package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.markets.ReductionProjects.Factors;
import dev.peakline.markets.ReductionProjects.Reduction;
import dev.peakline.markets.ReductionProjects.Type;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReductionProjectsTest {
    private static final Factors F = new Factors(0.6, "test grid", 28, "AR5");

    @Test
    void anAfforestationProjectOverAWholeYearGivesItsGainLessBaselineAndLeakage() {
        // 1,000 ha × 6 m³/ha·yr × BCEF 0.6 × (1 + 0.25) × CF 0.5 = 2,250 tC; × 44/12 = 8,250 tCO2 a year;
        // 2024 whole (366/366 = 1 year) − baseline 200 − leakage 50 = 8,000 t
        Reduction r = ReductionProjects.reduce(
                Type.FOREST,
                Map.of(
                        "area_ha", 1000.0,
                        "increment_m3_ha_yr", 6.0,
                        "bcef", 0.6,
                        "root_shoot", 0.25,
                        "carbon_fraction", 0.5,
                        "baseline_t", 200.0,
                        "leakage_t", 50.0),
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 12, 31),
                F);
        assertThat(r.reductionT()).isCloseTo(8_000, within(1e-6));
        assertThat(r.credits()).isEqualTo(8_000);
        assertThat(r.lines()).anyMatch(l -> l.contains("= 8,250 tCO2/年"));
    }

    @Test
    void aKarstCatchmentOverHalfAYearGivesHalfItsYearlySinkRoundedDown() {
        // ½ × 1e9 m³ × 200 mg/L × 1e-6 = 100,000 t HCO3 × 12/61 × 44/12 = 4,400,000/61 = 72,131.1475… t a year;
        // 2025-01-01 … 2025-07-02 is 183 of 365 days: × 183/365 = 13,200,000/365 = 36,164.38… → 36,164 credits
        Reduction r = ReductionProjects.reduce(
                Type.KARST,
                Map.of("runoff_m3_yr", 1e9, "hco3_mg_l", 200.0),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 7, 2),
                F);
        assertThat(r.reductionT()).isCloseTo(100_000.0 * 12 / 61 * 44 / 12 * 183 / 365, within(1e-6));
        assertThat(r.credits()).isEqualTo(36_164);
    }

    @Test
    void coalMineMethaneDestroyedCountsItsGwpLessTheCo2OfItsOxidationAndTheGridItDisplaces() {
        // 1,000 t CH4 × 28 = 28,000; − 1,000 × 44/16 = 2,750; + (5,000 − 500) MWh × 0.6 = 2,700 → 27,950 t
        Reduction r = ReductionProjects.reduce(
                Type.METHANE,
                Map.of("ch4_destroyed_t", 1000.0, "electricity_mwh", 5000.0, "project_electricity_mwh", 500.0),
                LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 3, 31),
                F);
        assertThat(r.reductionT()).isCloseTo(27_950, within(1e-9));
        assertThat(r.credits()).isEqualTo(27_950);
        // waste heat: (12,345.6 − 345.6) × 0.6 = 7,200
        assertThat(ReductionProjects.reduce(
                                Type.WASTE_HEAT,
                                Map.of("electricity_mwh", 12_345.6, "project_electricity_mwh", 345.6),
                                LocalDate.of(2025, 1, 1),
                                LocalDate.of(2025, 1, 31),
                                F)
                        .credits())
                .isEqualTo(7_200);
    }

    @Test
    void aReportIsRefusedOutsideItsCreditingPeriodAcrossAYearOrOverlappingAnEarlierOne() {
        LocalDate cf = LocalDate.of(2020, 1, 1);
        LocalDate ct = LocalDate.of(2039, 12, 31);
        assertThat(ReductionProjects.checkPeriod(
                        LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), cf, ct, List.of()))
                .isEmpty();
        assertThat(ReductionProjects.checkPeriod(
                        LocalDate.of(2019, 6, 1), LocalDate.of(2019, 12, 31), cf, ct, List.of()))
                .extracting(p -> p.code())
                .containsExactly("project.crediting");
        assertThat(ReductionProjects.checkPeriod(
                        LocalDate.of(2024, 6, 1), LocalDate.of(2025, 5, 31), cf, ct, List.of()))
                .extracting(p -> p.code())
                .containsExactly("project.period");
        assertThat(ReductionProjects.checkPeriod(
                        LocalDate.of(2024, 6, 1),
                        LocalDate.of(2024, 12, 31),
                        cf,
                        ct,
                        List.<LocalDate[]>of(new LocalDate[] {LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 1)})))
                .extracting(p -> p.code())
                .containsExactly("project.overlap");
    }

    @Test
    void inputsAreCheckedByTheTypeNamedRangedAndKnown() {
        assertThat(ReductionProjects.checkInputs(Type.KARST, Map.of("runoff_m3_yr", -1.0, "area_ha", 3.0)))
                .extracting(p -> p.column())
                .containsExactlyInAnyOrder("area_ha", "runoff_m3_yr", "hco3_mg_l");
        assertThat(ReductionProjects.checkInputs(Type.RENEWABLE, Map.of("electricity_mwh", 10.0)))
                .isEmpty();
        assertThat(ReductionProjects.methodology("CCER-14-001-V01")
                        .orElseThrow()
                        .instrument())
                .isEqualTo(Instrument.CCER);
        assertThat(ReductionProjects.methodology("GZ-KARST-01").orElseThrow().instrument())
                .isEqualTo(Instrument.PROVINCIAL_CREDIT);
        assertThat(ReductionProjects.methodologies())
                .allMatch(m -> m.confidence().startsWith("UNCONFIRMED"));
    }
}
