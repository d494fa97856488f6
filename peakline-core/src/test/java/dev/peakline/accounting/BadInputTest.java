package dev.peakline.accounting;

import static dev.peakline.accounting.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.problems.Problem;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine rejects what cannot be accounted, with a stable code, the row and a reason; it returns no result then. */
class BadInputTest {
    static List<Problem> problems(List<ActivityRecord> a, List<dev.peakline.domain.ProcessRecord> p) {
        AccountingEngine.Run r = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(new AccountingInput("f.csv", a, p, List.of(), List.of()));
        assertThat(r.result()).isNull();
        return r.problems();
    }

    static ActivityRecord at(int row, String carrier, double q, Unit u, Use use) {
        ActivityRecord r = rec(ACME, carrier, q, u, use, MARCH_2023);
        return new ActivityRecord(
                r.enterprise(),
                r.region(),
                r.industry(),
                r.period(),
                r.carrier(),
                r.quantity(),
                r.use(),
                Double.NaN,
                Double.NaN,
                row);
    }

    @Test
    void rejectsElectricityGivenInTonnes() {
        assertThat(problems(List.of(at(5, "电力", 10, Unit.T, Use.PURCHASED)), List.of()))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.code()).isEqualTo("unit.dimension");
                    assertThat(p.row()).isEqualTo(5);
                    assertThat(p.column()).isEqualTo("unit");
                    assertThat(p.message()).contains("电力", "t");
                });
    }

    @Test
    void rejectsUnknownCarrier() {
        assertThat(problems(List.of(at(3, "unobtainium", 10, Unit.T, Use.COMBUSTION)), List.of()))
                .extracting(Problem::code)
                .containsExactly("carrier.unknown");
    }

    @Test
    void rejectsCombustionOfElectricityAndPurchaseOfCoal() {
        assertThat(problems(
                        List.of(at(2, "电力", 10, Unit.MWH, Use.COMBUSTION), at(3, "烟煤", 10, Unit.T, Use.PURCHASED)),
                        List.of()))
                .extracting(Problem::code)
                .containsExactly("use.secondary", "use.fuel");
    }

    @Test
    void rejectsRawCoalWithoutAGuidelineDefault() {
        assertThat(problems(List.of(at(2, "原煤", 10, Unit.T, Use.COMBUSTION)), List.of()))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("烟煤"));
    }

    @Test
    void rejectsUnknownRegionAndIndustry() {
        ActivityRecord r = ActivityRecord.of(
                ACME,
                RegionCode.of("529999"),
                IndustryCode.of("9999"),
                MARCH_2023,
                "烟煤",
                Quantity.of(1, Unit.T),
                Use.COMBUSTION);
        assertThat(problems(List.of(r), List.of()))
                .extracting(Problem::code)
                .contains("region.unknown", "industry.unknown");
    }

    @Test
    void rejectsAnEnterpriseFiledUnderTwoRegions() {
        ActivityRecord a = rec(ACME, "烟煤", 1, Unit.T, Use.COMBUSTION, MARCH_2023);
        ActivityRecord b = ActivityRecord.of(
                ACME, RegionCode.of("520102"), a.industry(), MARCH_2023, "烟煤", Quantity.of(1, Unit.T), Use.COMBUSTION);
        assertThat(problems(List.of(a, b), List.of()))
                .extracting(Problem::code)
                .containsExactly("enterprise.inconsistent");
    }

    @Test
    void rejectsBadProcessParameters() {
        var a = List.of(burn(ACME, "烟煤", 1, Unit.T));
        assertThat(problems(a, List.of(process("cement_clinker", 100, Map.of("cao", "65", "mgo", "0.02")))))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("fraction"));
        assertThat(problems(a, List.of(process("cement_clinker", 100, Map.of("mgo", "0.02")))))
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("cao is required"));
        assertThat(problems(a, List.of(process("smelting_magic", 100, Map.of()))))
                .extracting(Problem::code)
                .containsExactly("process.process");
        assertThat(problems(a, List.of(process("lime", 100, Map.of("type", "purple")))))
                .hasSize(1);
    }

    @Test
    void negativeQuantitiesCannotBeBuilt() {
        assertThatThrownBy(() -> rec(ACME, "烟煤", -1, Unit.T, Use.COMBUSTION, MARCH_2023))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownGuidelineVariantIsAProgrammerError() {
        assertThatThrownBy(
                        () -> new FactorTable(LIB, AccountingOptions.defaults().withGuideline("Z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Z'");
    }

    static ActivityRecord measured(int row, double ncv, double carbonContent) {
        ActivityRecord r = at(row, "烟煤", 1000, Unit.T, Use.COMBUSTION);
        return new ActivityRecord(
                r.enterprise(),
                r.region(),
                r.industry(),
                r.period(),
                r.carrier(),
                r.quantity(),
                r.use(),
                ncv,
                carbonContent,
                row);
    }

    @Test
    void implausibleMeasuredValuesAreRefusedWithTheRangeThatWouldBeAccepted() {
        // bituminous coal defaults: NCV 19.570 GJ/t, carbon content 26.18 tC/TJ (0.02618 tC/GJ);
        // a measurement is accepted within 19.570 ÷ 4 = 4.8925 … 19.570 × 4 = 78.28 GJ/t and 13.09 … 52.36 tC/TJ
        List<Problem> p = problems(
                List.of(
                        measured(2, 1e300, Double.NaN),
                        measured(3, 78.29, Double.NaN),
                        measured(4, Double.NaN, 0.0524),
                        measured(5, 4.89, Double.NaN)),
                List.of());
        assertThat(p).extracting(Problem::row).containsExactly(2, 3, 4, 5);
        assertThat(p).extracting(Problem::code).containsOnly("measured.implausible");
        assertThat(p.get(0).message()).contains("19.57", "4.8925", "78.28");
        assertThat(p.get(2).message()).contains("26.18", "13.09", "52.36");
        // exactly at the bounds is accepted
        AccountingEngine.Run ok = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(new AccountingInput(
                        "f.csv",
                        List.of(measured(2, 78.28, 0.01309), measured(3, 4.8925, 0.05236)),
                        List.of(),
                        List.of(),
                        List.of()));
        assertThat(ok.problems()).isEmpty();
    }
}
