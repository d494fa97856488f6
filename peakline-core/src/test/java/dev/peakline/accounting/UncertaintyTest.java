package dev.peakline.accounting;

import static dev.peakline.accounting.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.DataQuality;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IPCC 2006 Vol. 1 Ch. 3 Approach 1, by hand. */
class UncertaintyTest {
    @Test
    void theTotalCombinesEachTermsActivityAndFactorUncertainty() {
        // 1,000 t 烟煤 burnt (1,747.088266 tCO2), weighed at ±2 %, carbon content measured at ±3 %:
        //   U1 = √(2² + 3²) = 3.605551 %, U1 × x1 = 3.605551 × 1,747.088266 = 6,299.216326
        // 10,000 MWh bought in 2023 (5,306 tCO2), nothing stated: activity at the IPCC default ±5 %, factor unstated:
        //   U2 × x2 = 5 × 5,306 = 26,530
        // U_total = √(6,299.216326² + 26,530²) ÷ 7,053.088266 = 27,267.581967 ÷ 7,053.088266 = 3.866049 %
        //   = ±272.675820 tCO2e
        ActivityRecord coal = new ActivityRecord(
                ACME,
                RegionCode.of("520181"),
                IndustryCode.of("3216"),
                MARCH_2023,
                "烟煤",
                Quantity.of(1000, Unit.T),
                Use.COMBUSTION,
                Double.NaN,
                Double.NaN,
                1,
                DataQuality.MEASURED,
                2,
                3);
        ActivityRecord power = rec(ACME, "电力", 10_000, Unit.MWH, Use.PURCHASED, MARCH_2023);
        var res = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(AccountingInput.of(List.of(coal, power)))
                .result();
        var x = res.explain(ACME, MARCH_2023).orElseThrow();
        Uncertainty.Combined u = x.uncertainty();
        assertThat(u.percent()).isCloseTo(3.866049, within(1e-6));
        assertThat(u.absolute()).isCloseTo(272.675820, within(1e-6));
        assertThat(u.defaultedActivity()).isEqualTo(1);
        assertThat(u.unstatedFactor()).isEqualTo(1);
        assertThat(String.join("\n", x.lines()))
                .contains("uncertainty (IPCC 2006 Vol.1 Ch.3 Approach 1, 95 %) = ±3.87 % = ±272.6758 tCO2e")
                .contains("lower bound");
        // magnitude: a few per cent, never more than the largest single term's
        assertThat(u.percent()).isBetween(3.6, 5.0);
    }

    @Test
    void exportsDeductedFromASumReduceItButNotItsUncertainty() {
        // +1,000 and −400 at ±10 % each: √(10,000² + 4,000²) ÷ 100 = 107.703296 on a total of 600 → 17.950549 %
        Uncertainty.Combined u =
                Uncertainty.approach1(List.of(new Uncertainty.Part(1000, 10, 0), new Uncertainty.Part(-400, 10, 0)));
        assertThat(u.absolute()).isCloseTo(107.703296, within(1e-6));
        assertThat(u.percent()).isCloseTo(17.950549, within(1e-6));
        assertThat(u.defaultedActivity()).isZero();
        assertThat(u.unstatedFactor()).isZero();
        // nothing to sum: no percentage
        assertThat(Uncertainty.approach1(List.of()).percent()).isNaN();
    }
}
