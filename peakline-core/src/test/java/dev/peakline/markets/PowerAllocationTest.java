package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.markets.PowerAllocation.FuelClass;
import dev.peakline.markets.PowerAllocation.Unit;
import org.junit.jupiter.api.Test;

class PowerAllocationTest {
    private static PowerAllocation.Allocation allocate(Unit u) {
        return PowerAllocation.allocate(
                u,
                PowerAllocation.benchmark(u.year(), u.fuel()).orElseThrow(),
                PowerAllocation.rules(u.year()).orElseThrow());
    }

    @Test
    void anAirCooledCombinedHeatAndPowerCoalUnitIn2021TakesEveryCorrection() {
        // 2021, 300MW+ conventional coal: 0.8218 tCO2/MWh, 0.1111 tCO2/GJ. Air cooled 1.05; heat ratio 20 %:
        // 1 − 0.22 × 0.2 = 0.956; load 78 %: 1.007 + 0.0016 × (80 − 78) = 1.0102 (the 2021–2022 plan corrects every
        // conventional coal unit). 1,000,000 × 0.8218 × 1.05 × 0.956 × 1.0102 = 833,337.052968; heat 500,000 × 0.1111 =
        // 55,550; 888,887.052968 → 888,887 t
        PowerAllocation.Allocation a =
                allocate(new Unit("U1", 2021, 1_000_000, 500_000, true, 0.2, 0.78, FuelClass.COAL_300PLUS));
        assertThat(a.coolingFactor()).isEqualTo(1.05);
        assertThat(a.heatFactor()).isCloseTo(0.956, within(1e-12));
        assertThat(a.loadFactor()).isCloseTo(1.0102, within(1e-12));
        assertThat(a.electricity()).isCloseTo(833_337.052968, within(1e-6));
        assertThat(a.heat()).isCloseTo(55_550, within(1e-9));
        assertThat(a.allocation()).isEqualTo(888_887);
        assertThat(a.lines())
                .anyMatch(l -> l.startsWith("供电配额 = 1,000,000 MWh × 0.8218 tCO2/MWh × 1.05 × 0.956 × 1.0102"));
        assertThat(a.lines()).anyMatch(l -> l.contains("数值未经原文核对"));
    }

    @Test
    void in2020TheLoadCorrectionIsForPureCondensingUnitsOnly() {
        // the same unit in 2020 (0.877, 0.126): heat ratio 20 % is a CHP unit, so no load correction:
        // 1,000,000 × 0.877 × 1.05 × 0.956 = 880,332.6; heat 500,000 × 0.126 = 63,000 → 943,333 t
        PowerAllocation.Allocation chp =
                allocate(new Unit("U1", 2020, 1_000_000, 500_000, true, 0.2, 0.78, FuelClass.COAL_300PLUS));
        assertThat(chp.loadFactor()).isEqualTo(1.0);
        assertThat(chp.allocation()).isEqualTo(943_333);
        // pure condensing (no heat), water cooled, load 70 %: 1.015^(16 − 14) = 1.030225;
        // 1,000,000 × 0.877 × 1.030225 = 903,507.325 → 903,507 t
        PowerAllocation.Allocation pure =
                allocate(new Unit("U2", 2020, 1_000_000, 0, false, 0, 0.70, FuelClass.COAL_300PLUS));
        assertThat(pure.loadFactor()).isCloseTo(1.030225, within(1e-12));
        assertThat(pure.allocation()).isEqualTo(903_507);
    }

    @Test
    void aGasUnitTakesItsOwnHeatCorrectionAndNoOther() {
        // 2022 gas: 0.3901, 0.0557; air cooling and load ignored; heat ratio 30 %: 1 − 0.6 × 0.3 = 0.82.
        // 400,000 × 0.3901 × 0.82 = 127,952.8; heat 1,000,000 × 0.0557 = 55,700; 183,652.8 → 183,653 t
        PowerAllocation.Allocation a =
                allocate(new Unit("G1", 2022, 400_000, 1_000_000, true, 0.3, 0.6, FuelClass.GAS));
        assertThat(a.coolingFactor()).isEqualTo(1.0);
        assertThat(a.loadFactor()).isEqualTo(1.0);
        assertThat(a.electricity()).isCloseTo(127_952.8, within(1e-6));
        assertThat(a.allocation()).isEqualTo(183_653);
    }

    @Test
    void theLoadCorrectionIsContinuousAtItsBands() {
        assertThat(PowerAllocation.loadCorrection(0.85)).isEqualTo(1.0);
        assertThat(PowerAllocation.loadCorrection(0.9)).isEqualTo(1.0);
        // 80 %: 1 + 0.0014 × 5 = 1.007 from both bands; 75 %: 1.007 + 0.0016 × 5 = 1.015 = 1.015^(16 − 15)
        assertThat(PowerAllocation.loadCorrection(0.80)).isCloseTo(1.007, within(1e-12));
        assertThat(PowerAllocation.loadCorrection(0.8 - 1e-12)).isCloseTo(1.007, within(1e-9));
        assertThat(PowerAllocation.loadCorrection(0.75)).isCloseTo(1.015, within(1e-12));
        assertThat(PowerAllocation.loadCorrection(0.75 - 1e-12)).isCloseTo(1.015, within(1e-9));
        // 82 %: 1 + 0.0014 × 3 = 1.0042
        assertThat(PowerAllocation.loadCorrection(0.82)).isCloseTo(1.0042, within(1e-12));
    }

    @Test
    void preAllocationTrueUpAndTheCapsOnWhatIsDue() {
        var rules = PowerAllocation.rules(2021).orElseThrow();
        var b = PowerAllocation.benchmark(2021, FuelClass.COAL_300PLUS).orElseThrow();
        // 70 % of what the base year's output gets at 2021's benchmark: 0.7 × 888,887 = 622,220.9 → 622,221
        long pre = PowerAllocation.preAllocation(
                new Unit("U1", 2021, 1_000_000, 500_000, true, 0.2, 0.78, FuelClass.COAL_300PLUS), b, rules);
        assertThat(pre).isEqualTo(622_221);
        assertThat(PowerAllocation.trueUp(888_887, pre)).isEqualTo(266_666);
        assertThat(PowerAllocation.trueUp(600_000, pre)).isEqualTo(-22_221);
        // a shortfall of 300,000 on 1,000,000 is above 20 %: due 700,000 + 0.2 × 1,000,000 = 900,000
        assertThat(PowerAllocation.due(1_000_000, 700_000, false, rules)).isEqualTo(900_000);
        // 150,000 short is within the cap: all of it is due
        assertThat(PowerAllocation.due(1_000_000, 850_000, false, rules)).isEqualTo(1_000_000);
        // a gas unit's shortfall is waived: due its allocation
        assertThat(PowerAllocation.due(200_000, 183_653, true, rules)).isEqualTo(183_653);
        // a surplus is no obligation less: due the emissions
        assertThat(PowerAllocation.due(150_000, 183_653, true, rules)).isEqualTo(150_000);
        // an enterprise of a coal unit (verified 900,000, allocated 800,000) and a gas unit (verified 200,000,
        // allocated 150,000): unit dues 900,000 + 150,000 = 1,050,000; allocations 950,000 + 20 % × 1,100,000 =
        // 1,170,000 is no cap here, so 1,050,000 is due
        assertThat(PowerAllocation.due(
                        java.util.List.of(
                                new PowerAllocation.UnitYear(900_000, 800_000, false),
                                new PowerAllocation.UnitYear(200_000, 150_000, true)),
                        rules))
                .isEqualTo(1_050_000);
        // with the coal unit allocated only 500,000: dues 1,050,000, cap 650,000 + 220,000 = 870,000
        assertThat(PowerAllocation.due(
                        java.util.List.of(
                                new PowerAllocation.UnitYear(900_000, 500_000, false),
                                new PowerAllocation.UnitYear(200_000, 150_000, true)),
                        rules))
                .isEqualTo(870_000);
    }

    @Test
    void theShippedTablesSayWhereEachValueComesFrom() {
        assertThat(PowerAllocation.benchmarks()).hasSize(16);
        assertThat(PowerAllocation.benchmarks()).allSatisfy(b -> {
            assertThat(b.document()).contains("国环规气候");
            assertThat(b.confidence()).startsWith("UNCONFIRMED");
            // magnitudes: coal 0.8–1.2 t/MWh, gas about 0.39; heat 0.05–0.13 t/GJ
            assertThat(b.electricity()).isBetween(0.35, 1.2);
            assertThat(b.heat()).isBetween(0.05, 0.13);
        });
        assertThat(PowerAllocation.rules(2023)).isEmpty();
        assertThat(PowerAllocation.rules(2019).orElseThrow().loadCorrection()).isEqualTo("pure_condensing");
        assertThat(FuelClass.parse("燃气机组")).contains(FuelClass.GAS);
        assertThat(FuelClass.parse("COAL_300PLUS")).contains(FuelClass.COAL_300PLUS);
    }
}
