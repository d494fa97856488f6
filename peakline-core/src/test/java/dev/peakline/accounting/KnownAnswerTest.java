package dev.peakline.accounting;

import static dev.peakline.accounting.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.accounting.AccountingOptions.ElectricityBasis;
import dev.peakline.accounting.AccountingOptions.ElectricityConvention;
import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Known answers computed by hand from the reference values; the arithmetic is written beside each. */
class KnownAnswerTest {
    static final double TOL = 1e-6;

    @Test
    void bituminousCoalCombustion() {
        // 1,000 t × 19.570 GJ/t = 19,570 GJ × 0.02618 tC/GJ = 512.3426 tC × 0.93 = 476.478618 tC × 44/12 = 1,747.088266
        // tCO2
        EnterpriseMonth m = only(List.of(burn(ACME, "烟煤", 1000, Unit.T)));
        assertThat(m.combustion()).isCloseTo(1747.088266, within(TOL));
        // GB/T 2589 has no coefficient for 烟煤 (only 原煤 0.7143): energy from the same NCV,
        // 1,000 t × 19.570 GJ/t ÷ 29.3076 GJ/tce = 667.744885 tce
        assertThat(m.energy()).isCloseTo(19_570 / 29.3076, within(TOL));
        assertThat(m.energy()).isCloseTo(667.744885, within(1e-6));
        assertThat(m.combustion()).isBetween(1700.0, 1800.0); // about 1.75 tCO2 per tonne of coal
    }

    @Test
    void methaneAndNitrousOxideFromCombustionWhenAsked() {
        // 1,000 t 烟煤 in a manufacturing enterprise (3216), IPCC Table 2.3 (other bituminous coal): CH4 10, N2O 1.5
        // kg/TJ; 1,000 × 19.570 GJ = 19.57 TJ; CH4 19.57 × 10 = 195.7 kg, N2O 19.57 × 1.5 = 29.355 kg;
        // AR2: 0.1957 × 21 + 0.029355 × 310 = 4.1097 + 9.10005 = 13.20975 tCO2e on top of 1,747.088266 tCO2
        AccountingOptions on = AccountingOptions.defaults().withNonCo2Combustion(true);
        EnterpriseMonth m = only(on, List.of(burn(ACME, "烟煤", 1000, Unit.T)), List.of());
        assertThat(m.combustion()).isCloseTo(1747.088266 + 13.20975, within(TOL));
        // in a power plant (4411), Table 2.2 (energy industries): CH4 1, N2O 1.5 kg/TJ:
        // 0.01957 × 21 + 0.029355 × 310 = 0.41097 + 9.10005 = 9.51102, on CO2 at the 发电设施 oxidation rate 0.99:
        // 19,570 GJ × 0.02618 × 0.99 × 44/12 = 1,859.803638
        EnterpriseMonth p = only(on, List.of(plant("烟煤", 1000, Unit.T, Use.COMBUSTION)), List.of());
        assertThat(p.combustion()).isCloseTo(1859.803638 + 9.51102, within(TOL));
        // off by default: CO2 only, as the NDRC guidelines
        assertThat(only(List.of(burn(ACME, "烟煤", 1000, Unit.T))).combustion()).isCloseTo(1747.088266, within(TOL));
    }

    @Test
    void naturalGasCombustion() {
        // 100 ×10⁴ Nm³ × 389.31 GJ/10⁴Nm³ = 38,931 GJ × 0.0153 = 595.6443 tC × 0.99 = 589.687857 × 44/12 = 2,162.188809
        // tCO2
        EnterpriseMonth m = only(List.of(burn(ACME, "天然气", 100, Unit.TEN_THOUSAND_NM3)));
        assertThat(m.combustion()).isCloseTo(2162.188809, within(TOL));
        // 100 × 12.143 tce/10⁴Nm³ = 1,214.3 tce
        assertThat(m.energy()).isCloseTo(1214.3, within(TOL));
    }

    @Test
    void gasGivenInCubicMetresConvertsExactly() {
        // 1,000,000 Nm³ = 100 ×10⁴ Nm³: the same 2,162.188809 tCO2
        EnterpriseMonth m = only(List.of(burn(ACME, "natural_gas", 1_000_000, Unit.NM3)));
        assertThat(m.combustion()).isCloseTo(2162.188809, within(TOL));
    }

    @Test
    void purchasedHeat() {
        // 5,000 GJ × 0.11 tCO2/GJ = 550 tCO2; 5,000 GJ × 0.03412 tce/GJ = 170.6 tce
        EnterpriseMonth m = only(List.of(rec(ACME, "热力", 5000, Unit.GJ, Use.PURCHASED, MARCH_2023)));
        assertThat(m.heat()).isCloseTo(550, within(TOL));
        assertThat(m.energy()).isCloseTo(170.6, within(TOL));
        assertThat(m.scope2()).isCloseTo(550, within(TOL));
        assertThat(m.scope1()).isZero();
    }

    @Test
    void purchasedElectricityAtTheNationalFactorOfTheDataYear() {
        // 10,000 MWh × 0.5306 tCO2/MWh (2023 national) = 5,306 tCO2; 10,000 MWh × 0.1229 tce/MWh (当量值) = 1,229 tce
        EnterpriseMonth m = only(List.of(rec(ACME, "电力", 10_000, Unit.MWH, Use.PURCHASED, MARCH_2023)));
        assertThat(m.electricity()).isCloseTo(5306, within(TOL));
        assertThat(m.energy()).isCloseTo(1229, within(TOL));
    }

    @Test
    void electricityIn10kKwhIsTheSameAsMwh() {
        // 1,000 万kWh = 10,000 MWh → 5,306 tCO2
        EnterpriseMonth m = only(List.of(rec(ACME, "电力", 1000, Unit.TEN_THOUSAND_KWH, Use.PURCHASED, MARCH_2023)));
        assertThat(m.electricity()).isCloseTo(5306, within(TOL));
    }

    @Test
    void electricityUsesNationalFactorOfEachDataYear() {
        // 2021: 0.5568; 2022: 0.5366 → 1,000 MWh each
        assertThat(only(List.of(rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, YearMonth.of(2021, 6))))
                        .electricity())
                .isCloseTo(556.8, within(TOL));
        assertThat(only(List.of(rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, YearMonth.of(2022, 6))))
                        .electricity())
                .isCloseTo(536.6, within(TOL));
    }

    @Test
    void electricityAfterTheLatestPublishedYearFallsBackAndSaysSo() {
        // 2025 data: no factor yet; the 2023 factor 0.5306 is used and the fallback recorded
        ActivityRecord r = rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, YearMonth.of(2025, 1));
        AccountingResult res = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(AccountingInput.of(List.of(r)))
                .result();
        assertThat(res.months().get(0).electricity()).isCloseTo(530.6, within(TOL));
        var ex = res.explain(ACME, YearMonth.of(2025, 1)).orElseThrow();
        assertThat(ex.terms().get(0).factors().get(0).fallback()).contains("latest earlier");
        assertThat(String.join("\n", ex.lines())).contains("FALLBACK");
    }

    @Test
    void provincialAndEtsFactors() {
        ActivityRecord r = rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, MARCH_2023);
        // Guizhou 2023 provincial average 0.5683 → 568.3 tCO2
        assertThat(only(
                                AccountingOptions.defaults().withElectricityBasis(ElectricityBasis.PROVINCIAL),
                                List.of(r),
                                List.of())
                        .electricity())
                .isCloseTo(568.3, within(TOL));
        // carbon-market factor: no ETS factor for data year 2023 is loaded, so the 2022 one (0.5703) is used, with a
        // note
        assertThat(only(AccountingOptions.defaults().withElectricityBasis(ElectricityBasis.ETS), List.of(r), List.of())
                        .electricity())
                .isCloseTo(570.3, within(TOL));
    }

    @Test
    void ownZeroCarbonGenerationIsNettedFromTheEnergyRelatedCo2TheCarbonEfficiencyCodeGrades() {
        // a manufacturer (3216) burns 1,000 t 烟煤, buys 1,000 MWh and feeds 300 MWh of its rooftop PV to the grid
        // (2023). What its PV covers itself is never bought; what it exports is deducted at the grid factor (NDRC
        // guidelines), so the energy-related CO2 that 碳效码 grades (total − process) is net of its own zero-carbon
        // generation: 1,747.088266 + (1,000 − 300) × 0.5306 = 1,747.088266 + 371.42 = 2,118.508266 tCO2
        EnterpriseMonth m = only(List.of(
                burn(ACME, "烟煤", 1000, Unit.T),
                rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, MARCH_2023),
                rec(ACME, "电力", 300, Unit.MWH, Use.EXPORTED, MARCH_2023)));
        assertThat(m.total() - m.process()).isCloseTo(2118.508266, within(TOL));
        // without the PV export it would be 1,747.088266 + 530.6 = 2,277.688266
        assertThat(m.total() - m.process()).isLessThan(2277.688266);
    }

    @Test
    void regionalGridFactorsFollowTheGridTheRegionBelongsTo() {
        AccountingOptions regional = AccountingOptions.defaults().withElectricityBasis(ElectricityBasis.REGIONAL);
        // 1,000 MWh purchased in each region; MEE/NBS regional averages (2022: 公告2024年第33号; 2023: 公告2025年第47号)
        Object[][] cases = {
            {"520181", 2023, 404.2}, // 清镇 (贵州) is in 南方: 1,000 × 0.4042
            {"510104", 2023, 247.2}, // 成都 is in 西南: 1,000 × 0.2472
            {"510104", 2022, 226.8}, // 2022 西南 0.2268
            {"150102", 2023, 636.1}, // 呼和浩特 (蒙西) is in 华北: 1,000 × 0.6361
            {"150402", 2023, 512.2}, // 赤峰 (蒙东) is in 东北: 1,000 × 0.5122
            {"420102", 2023, 527.1}, // 武汉 is in 华中: 1,000 × 0.5271
            {"350102", 2023, 550.0}, // 福州 is in 华东: 1,000 × 0.5500
            {"610102", 2023, 554.3}, // 西安 is in 西北: 1,000 × 0.5543
            {"370102", 2021, 712.0}, // 济南 is in 华北: 2021 0.712
        };
        for (Object[] c : cases) {
            ActivityRecord r = ActivityRecord.of(
                    ACME,
                    RegionCode.of((String) c[0]),
                    IndustryCode.of("3216"),
                    YearMonth.of((int) c[1], 6),
                    "电力",
                    Quantity.of(1000, Unit.MWH),
                    Use.PURCHASED);
            assertThat(only(regional, List.of(r), List.of()).electricity())
                    .as("%s %s", c[0], c[1])
                    .isCloseTo((double) c[2], within(TOL));
        }
        // the basis is recorded in the explanation
        ActivityRecord r = rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, MARCH_2023);
        var res = new AccountingEngine(LIB, regional, 1)
                .account(AccountingInput.of(List.of(r)))
                .result();
        assertThat(String.join("\n", res.explain(ACME, MARCH_2023).orElseThrow().lines()))
                .contains("electricity REGIONAL")
                .contains("公告2025年第47号");
    }

    @Test
    void marketBasedElectricityDeductsGreenPowerAndUsesTheResidualMix() {
        // 2023: 600 MWh from the grid and 400 MWh of green power (绿电, with certificates)
        var act = List.of(
                rec(ACME, "电力", 600, Unit.MWH, Use.PURCHASED, MARCH_2023),
                rec(ACME, "绿电", 400, Unit.MWH, Use.PURCHASED, MARCH_2023));
        // location-based (national 2023 0.5306): all 1,000 MWh × 0.5306 = 530.6 tCO2
        assertThat(only(act).electricity()).isCloseTo(530.6, within(TOL));
        // market-based: green power 0; the rest at the factor without market-traded non-fossil power (2023 表4:
        // 0.6096): 600 × 0.6096 = 365.76 tCO2; energy is the same either way: 1,000 × 0.1229 = 122.9 tce
        EnterpriseMonth m =
                only(AccountingOptions.defaults().withElectricityBasis(ElectricityBasis.MARKET), act, List.of());
        assertThat(m.electricity()).isCloseTo(365.76, within(TOL));
        assertThat(m.energy()).isCloseTo(122.9, within(TOL));
    }

    @Test
    void theCarbonMarketFactorFollowsTheDataYear() {
        // MEE notices: data years 2019–2020 0.6101, 2021 0.5810 (reported in 2022), 2022 0.5703 (notice of Feb. 2023)
        AccountingOptions ets = AccountingOptions.defaults().withElectricityBasis(ElectricityBasis.ETS);
        double[][] expected = {{2020, 610.1}, {2021, 581.0}, {2022, 570.3}};
        for (double[] e : expected) {
            ActivityRecord r = rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, YearMonth.of((int) e[0], 6));
            // 1,000 MWh × factor
            assertThat(only(ets, List.of(r), List.of()).electricity())
                    .as("data year %d", (int) e[0])
                    .isCloseTo(e[1], within(TOL));
        }
    }

    @Test
    void ligniteEnergyComesFromItsOwnHeatingValue() {
        // 1,000 t × 14.080 GJ/t ÷ 29.3076 GJ/tce = 480.421 tce, far below raw coal's 714.3 (the old, wrong figure);
        // CO2 1,000 × 14.080 × 0.02800 × 0.96 × 44/12 = 1,387.7376 tCO2
        EnterpriseMonth m = only(List.of(burn(ACME, "褐煤", 1000, Unit.T)));
        assertThat(m.energy()).isCloseTo(14_080 / 29.3076, within(TOL));
        assertThat(m.energy()).isCloseTo(480.421461, within(1e-6));
        assertThat(m.combustion()).isCloseTo(1000 * 14.080 * 0.028 * 0.96 * 44 / 12, within(TOL));
    }

    /** A line of a coal-fired power plant (GB/T 4754 4411) in March 2023. */
    private static ActivityRecord plant(String carrier, double q, Unit u, Use use) {
        return ActivityRecord.of(
                ACME, RegionCode.of("520181"), IndustryCode.of("4411"), MARCH_2023, carrier, Quantity.of(q, u), use);
    }

    @Test
    void aPowerPlantsSuppliedElectricityIsItsProductNotNegativeScope2() {
        // a coal plant (GB/T 4754 4411): 100,000 t 烟煤 burnt, 200,000 MWh supplied to the grid, 1,000 MWh bought
        // combustion by the 发电设施 method, coal oxidised at 0.99 (not the steel guideline's 0.93 for 烟煤):
        // 100,000 × 19.570 × 0.02618 × 0.99 × 44/12 = 185,980.3638 tCO2; scope 2 = 1,000 × 0.5306 = 530.6 (national
        // 2023); the supply is not deducted (发电设施 method), so scope 2 stays 530.6, not 530.6 − 106,120
        ActivityRecord burnt = plant("烟煤", 100_000, Unit.T, Use.COMBUSTION);
        ActivityRecord supplied = plant("电力", 200_000, Unit.MWH, Use.EXPORTED);
        ActivityRecord bought = plant("电力", 1_000, Unit.MWH, Use.PURCHASED);
        EnterpriseMonth m = only(List.of(burnt, supplied, bought));
        assertThat(m.combustion()).isCloseTo(185_980.3638, within(1e-4));
        assertThat(m.scope2()).isCloseTo(530.6, within(TOL));
        assertThat(m.scope2()).isPositive();
        assertThat(m.total()).isCloseTo(185_980.3638 + 530.6, within(1e-4));
        // the supply is the plant's product: 200,000 MWh, 186,510.9638 ÷ 200,000 = 0.932555 tCO2 per MWh supplied
        assertThat(m.suppliedElectricity()).isEqualTo(200_000.0);
        assertThat(m.emissionsPerMwhSupplied()).isCloseTo(0.932554819, within(1e-9));
        // with its gross generation filed (发电量 215,000 MWh): 186,510.9638 ÷ 215,000 = 0.867493 tCO2 per MWh
        // generated; own use 215,000 − 200,000 = 15,000 MWh, 厂用电率 15,000 ÷ 215,000 = 6.98 %
        var in = new AccountingInput(
                "plant",
                List.of(burnt, supplied, bought),
                List.of(),
                List.of(new dev.peakline.domain.ProductionRecord(
                        ACME, MARCH_2023, EnterpriseMonth.GENERATION, Quantity.of(215_000, Unit.MWH), 1)),
                List.of());
        var run = new AccountingEngine(LIB, AccountingOptions.defaults(), 1).account(in);
        EnterpriseMonth g = run.result().months().get(0);
        assertThat(g.generatedElectricity()).isEqualTo(215_000.0);
        assertThat(g.emissionsPerMwhGenerated()).isCloseTo(0.867492855, within(1e-9));
        assertThat(g.ownUseRate()).isCloseTo(0.069767442, within(1e-9));
        assertThat(String.join(
                        "\n",
                        run.result().explain(ACME, MARCH_2023).orElseThrow().lines()))
                .contains("own use (厂用电) = generated − supplied")
                .contains("power.coal.oxidation");
        // gross generation in tonnes is refused: it is electricity
        var wrong = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(new AccountingInput(
                        "plant",
                        List.of(burnt),
                        List.of(),
                        List.of(new dev.peakline.domain.ProductionRecord(
                                ACME, MARCH_2023, EnterpriseMonth.GENERATION, Quantity.of(215_000, Unit.T), 1)),
                        List.of()));
        assertThat(wrong.ok()).isFalse();
        assertThat(wrong.problems().get(0).message()).contains("electricity units");
        // the same supply by an aluminium smelter (3216) is deducted, as its NDRC guideline says
        ActivityRecord smelterExport = rec(ACME, "电力", 200_000, Unit.MWH, Use.EXPORTED, MARCH_2023);
        assertThat(only(List.of(smelterExport)).electricity()).isCloseTo(-200_000 * 0.5306, within(1e-6));
        assertThat(only(List.of(smelterExport)).suppliedElectricity()).isZero();
    }

    @Test
    void equivalentConventionForElectricityEnergy() {
        // 等价值 = the year's supply coal consumption of thermal power: 2022 300.7 gce/kWh = 0.3007 tce/MWh;
        // 1,000 MWh × 0.3007 = 300.7 tce; 2021 302.5 gce/kWh → 302.5 tce; 2023 has no value loaded → 2022's, noted
        AccountingOptions eq = AccountingOptions.defaults().withConvention(ElectricityConvention.EQUIVALENT);
        ActivityRecord y2022 = rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, YearMonth.of(2022, 3));
        assertThat(only(eq, List.of(y2022), List.of()).energy()).isCloseTo(300.7, within(TOL));
        ActivityRecord y2021 = rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, YearMonth.of(2021, 3));
        assertThat(only(eq, List.of(y2021), List.of()).energy()).isCloseTo(302.5, within(TOL));
        ActivityRecord r = rec(ACME, "电力", 1000, Unit.MWH, Use.PURCHASED, MARCH_2023);
        assertThat(only(eq, List.of(r), List.of()).energy()).isCloseTo(300.7, within(TOL));
    }

    @Test
    void exportedElectricityAndHeatAreNettedOff() {
        // purchased 10,000 MWh (5,306) − exported 2,000 MWh (1,061.2) = 4,244.8 tCO2; heat 1,000 − 400 GJ = 600 × 0.11
        // = 66
        EnterpriseMonth m = only(List.of(
                rec(ACME, "电力", 10_000, Unit.MWH, Use.PURCHASED, MARCH_2023),
                rec(ACME, "电力", 2_000, Unit.MWH, Use.EXPORTED, MARCH_2023),
                rec(ACME, "热力", 1000, Unit.GJ, Use.PURCHASED, MARCH_2023),
                rec(ACME, "热力", 400, Unit.GJ, Use.EXPORTED, MARCH_2023)));
        assertThat(m.electricity()).isCloseTo(4244.8, within(TOL));
        assertThat(m.heat()).isCloseTo(66, within(TOL));
        // energy: (10,000 − 2,000) × 0.1229 + 600 × 0.03412 = 983.2 + 20.472 = 1,003.672 tce
        assertThat(m.energy()).isCloseTo(1003.672, within(TOL));
    }

    @Test
    void measuredValuesOverrideDefaults() {
        // measured NCV 21.0 GJ/t and CC 0.0270 tC/GJ: 1,000 × 21.0 × 0.0270 × 0.93 × 44/12 = 1,933.47 tCO2
        // energy from the measured NCV: 1,000 × 21.0 / 29.3076 = 716.537690 tce
        ActivityRecord r = new ActivityRecord(
                ACME,
                Fixtures.rec(ACME, "x", 1, Unit.T, Use.COMBUSTION, MARCH_2023).region(),
                dev.peakline.domain.IndustryCode.of("3216"),
                MARCH_2023,
                "烟煤",
                dev.peakline.units.Quantity.of(1000, Unit.T),
                Use.COMBUSTION,
                21.0,
                0.0270,
                1);
        EnterpriseMonth m = only(List.of(r));
        assertThat(m.combustion()).isCloseTo(1933.47, within(TOL));
        assertThat(m.energy()).isCloseTo(716.537690, within(TOL));
    }

    @Test
    void feedstockCountsEnergyButNotCombustion() {
        // 100 t coke as reductant: 0 combustion CO2; 100 × 0.9714 = 97.14 tce
        EnterpriseMonth m = only(List.of(rec(ACME, "焦炭", 100, Unit.T, Use.FEEDSTOCK, MARCH_2023)));
        assertThat(m.combustion()).isZero();
        assertThat(m.energy()).isCloseTo(97.14, within(TOL));
    }

    @Test
    void feedstockEnergyIsShownAndLeftOutOfEnergyControl() {
        // 100 t coke as feedstock (97.14 tce) + 100 ×10⁴ Nm³ natural gas burnt (1,214.3 tce): energy 1,311.44 tce
        // (GB/T 2589), of which 97.14 feedstock; excluding feedstock (发改环资〔2022〕803号) 1,214.3 tce;
        // with 1,000 万元 value added: 1.31144 and 1.2143 tce/万元
        var act = List.of(
                rec(ACME, "焦炭", 100, Unit.T, Use.FEEDSTOCK, MARCH_2023), burn(ACME, "天然气", 100, Unit.TEN_THOUSAND_NM3));
        var out = List.of(new dev.peakline.domain.OutputRecord(
                ACME, MARCH_2023, dev.peakline.units.Quantity.of(1_000, Unit.TEN_THOUSAND_YUAN), 2));
        EnterpriseMonth m = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(new AccountingInput("t", act, List.of(), List.of(), out))
                .result()
                .months()
                .get(0);
        assertThat(m.energy()).isCloseTo(1311.44, within(TOL));
        assertThat(m.feedstockEnergy()).isCloseTo(97.14, within(TOL));
        assertThat(m.energyExcludingFeedstock()).isCloseTo(1214.3, within(TOL));
        assertThat(m.energyIntensity()).isCloseTo(1.31144, within(TOL));
        assertThat(m.energyIntensityExcludingFeedstock()).isCloseTo(1.2143, within(TOL));
    }

    @Test
    void carbonatesAsProcessMaterials() {
        // 200 t CaCO3 × 0.440 = 88; 100 t flux dolomite × 0.471 = 47.1; 10 t electrode × 3.663 = 36.63 → 171.73 tCO2
        EnterpriseMonth m = only(List.of(
                rec(ACME, "碳酸钙", 200, Unit.T, Use.PROCESS, MARCH_2023),
                rec(ACME, "白云石（熔剂）", 100, Unit.T, Use.PROCESS, MARCH_2023),
                rec(ACME, "电极", 10, Unit.T, Use.PROCESS, MARCH_2023)));
        assertThat(m.process()).isCloseTo(171.73, within(TOL));
        assertThat(m.energy()).isZero();
    }

    @Test
    void genericCarbonateWithPurityAndCalcination() {
        // 1,000 t Na2CO3 × purity 0.98 × 0.415 × calcination 0.95 = 386.365 tCO2
        EnterpriseMonth m = only(
                AccountingOptions.defaults(),
                List.of(burn(ACME, "烟煤", 0, Unit.T)),
                List.of(process(
                        "carbonate", 1000, Map.of("material", "Na2CO3", "purity", "0.98", "calcination", "0.95"))));
        assertThat(m.process()).isCloseTo(386.365, within(TOL));
    }

    @Test
    void aluminiumPfcFromDefaultFactorsUnderAr2AndAr5() {
        // AR2: 100,000 t × (0.034 × 6,500 + 0.0034 × 9,200) / 1000 = 100,000 × 252.28 / 1000 = 25,228 tCO2e
        List<ActivityRecord> a = List.of(burn(ACME, "烟煤", 0, Unit.T));
        var pfc = List.of(process("aluminium_pfc", 100_000, Map.of()));
        assertThat(only(AccountingOptions.defaults(), a, pfc).process()).isCloseTo(25_228, within(TOL));
        // AR5: 100,000 × (0.034 × 6,630 + 0.0034 × 11,100) / 1000 = 100,000 × 263.16 / 1000 = 26,316 tCO2e
        assertThat(only(AccountingOptions.defaults().withGwp("AR5"), a, pfc).process())
                .isCloseTo(26_316, within(TOL));
    }

    @Test
    void aluminiumPfcFromTheAnodeEffectSlope() {
        // AEM 0.1: EF_CF4 = 0.143 × 0.1 = 0.0143 kg/t; EF_C2F6 = 0.121 (IPCC 2006 Table 4.16, CWPB) × 0.0143
        // = 0.0017303 kg/t; AR2: 100,000 × (0.0143 × 6,500 + 0.0017303 × 9,200) / 1000
        // = 100,000 × (92.95 + 15.91876) / 1000 = 10,886.876 tCO2e
        EnterpriseMonth m = only(
                AccountingOptions.defaults(),
                List.of(burn(ACME, "烟煤", 0, Unit.T)),
                List.of(process("aluminium_pfc", 100_000, Map.of("aem", "0.1"))));
        assertThat(m.process()).isCloseTo(10_886.876, within(TOL));
    }

    @Test
    void nitrousOxideFromNitricAndAdipicAcid() {
        List<ActivityRecord> a = List.of(burn(ACME, "烟煤", 0, Unit.T));
        // nitric acid, high-pressure plant without abatement (IPCC 2006 Table 3.3: 9 kg N2O/t), AR2 GWP 310:
        // 10,000 t × 9 ÷ 1000 = 90 t N2O × 310 = 27,900 tCO2e
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process("nitric_acid", 10_000, Map.of("type", "high"))))
                        .process())
                .isCloseTo(27_900, within(TOL));
        // with tail-gas destruction of 80 % working 90 % of the time: 90 × (1 − 0.8 × 0.9) = 25.2 t × 310 = 7,812
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process(
                                        "nitric_acid",
                                        10_000,
                                        Map.of("type", "high", "destruction", "0.8", "utilisation", "0.9"))))
                        .process())
                .isCloseTo(7_812, within(TOL));
        // adipic acid (Table 3.4: 300 kg N2O/t), AR5 GWP 265: 1,000 t × 0.3 = 300 t N2O × 265 = 79,500 tCO2e
        assertThat(only(
                                AccountingOptions.defaults().withGwp("AR5"),
                                a,
                                List.of(process("adipic_acid", 1_000, Map.of())))
                        .process())
                .isCloseTo(79_500, within(TOL));
        // SF6 from equipment retired or repaired: (charge 0.5 t − recovered 0.45 t) × 23,900 (AR2) = 1,195 tCO2e
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process("sf6_equipment", 0.5, Map.of("recovered", "0.45"))))
                        .process())
                .isCloseTo(1_195, within(1e-6));
        // HFC-23 from HCFC-22 production, measured: (generated 12 t − destroyed 11.5 t) × 11,700 (AR2) = 5,850 tCO2e
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process(
                                        "hcfc22_hfc23", 20_000, Map.of("generated", "12", "destroyed", "11.5"))))
                        .process())
                .isCloseTo(5_850, within(1e-6));
        // by the default factor (0.04, UNCONFIRMED), none destroyed, AR5 12,400:
        // 1,000 t × 0.04 = 40 t HFC-23 × 12,400 = 496,000 tCO2e
        EnterpriseMonth hfc =
                only(AccountingOptions.defaults().withGwp("AR5"), a, List.of(process("hcfc22_hfc23", 1_000, Map.of())));
        assertThat(hfc.process()).isCloseTo(496_000, within(1e-6));
        // destroying more than was generated is refused
        var over = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(new AccountingInput(
                        "t",
                        a,
                        List.of(process("hcfc22_hfc23", 1_000, Map.of("ef", "0.03", "destroyed", "31"))),
                        List.of(),
                        List.of()));
        assertThat(over.ok()).isFalse();
        assertThat(over.problems().get(0).message()).contains("more than the HFC-23 generated 30");
        // a nitric acid plant without its type is refused, not given a guessed factor
        var refused = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(new AccountingInput(
                        "t", a, List.of(process("nitric_acid", 10_000, Map.of())), List.of(), List.of()));
        assertThat(refused.ok()).isFalse();
        assertThat(refused.problems().get(0).message()).contains("Table 3.3");
    }

    @Test
    void aluminiumAnodeConsumption() {
        // given: 100,000 t × 0.41 × (1 − 0.02 − 0.004) × 44/12 = 100,000 × 0.41 × 0.976 × 3.666667 = 146,725.333 tCO2
        List<ActivityRecord> a = List.of(burn(ACME, "烟煤", 0, Unit.T));
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process(
                                        "aluminium_anode", 100_000, Map.of("nc", "0.41", "s", "0.02", "a", "0.004"))))
                        .process())
                .isCloseTo(146_725.333333, within(1e-3));
        // defaults (UNCONFIRMED 0.42 / 2% / 0.4%): 0.42 × 0.976 × 44/12 = 1.503040 tCO2/t
        assertThat(only(AccountingOptions.defaults(), a, List.of(process("aluminium_anode", 1, Map.of())))
                        .process())
                .isCloseTo(1.50304, within(1e-6));
    }

    @Test
    void cementClinkerAndRawMeal() {
        // 100,000 t clinker, CaO 0.65, MgO 0.025: (0.65 × 44/56 + 0.025 × 44/40) = 0.510714 + 0.0275 = 0.538214 →
        // 53,821.4286 tCO2
        List<ActivityRecord> a = List.of(burn(ACME, "烟煤", 0, Unit.T));
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process("cement_clinker", 100_000, Map.of("cao", "0.65", "mgo", "0.025"))))
                        .process())
                .isCloseTo(53_821.428571, within(1e-5));
        // with 1,000 t dust and non-carbonate CaO 0.01: (101,000) × (0.64 × 44/56 + 0.0275) = 101,000 × 0.530357 =
        // 53,566.0714
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process(
                                        "cement_clinker",
                                        100_000,
                                        Map.of("cao", "0.65", "mgo", "0.025", "cao_nc", "0.01", "dust", "1000"))))
                        .process())
                .isCloseTo(53_566.071429, within(1e-5));
        // raw meal 150,000 t × 0.002 non-fuel C × 44/12 = 1,100 tCO2
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process("cement_raw_meal", 150_000, Map.of("carbon", "0.002"))))
                        .process())
                .isCloseTo(1100, within(1e-6));
    }

    @Test
    void limeAndSteelFixedCarbon() {
        List<ActivityRecord> a = List.of(burn(ACME, "烟煤", 0, Unit.T));
        // 10,000 t high-calcium lime × 0.75 = 7,500; dolomitic × 0.77 = 7,700
        assertThat(only(AccountingOptions.defaults(), a, List.of(process("lime", 10_000, Map.of())))
                        .process())
                .isCloseTo(7500, within(TOL));
        assertThat(only(AccountingOptions.defaults(), a, List.of(process("lime", 10_000, Map.of("type", "dolomitic"))))
                        .process())
                .isCloseTo(7700, within(TOL));
        // 100,000 t crude steel sold × 0.0154 = 1,540 tCO2 subtracted
        assertThat(only(
                                AccountingOptions.defaults(),
                                a,
                                List.of(process("steel_fixed_carbon", 100_000, Map.of("product", "crude_steel"))))
                        .process())
                .isCloseTo(-1540, within(TOL));
    }

    @Test
    void scopesAndIntensities() {
        // coal 1,747.088266 + electricity 5,306 = 7,053.088266; value added 2,000 万元 → 3.526544 tCO2/万元
        var act = List.of(burn(ACME, "烟煤", 1000, Unit.T), rec(ACME, "电力", 10_000, Unit.MWH, Use.PURCHASED, MARCH_2023));
        var out = List.of(new dev.peakline.domain.OutputRecord(
                ACME, MARCH_2023, dev.peakline.units.Quantity.of(20_000_000, Unit.YUAN), 2));
        var prod = List.of(new dev.peakline.domain.ProductionRecord(
                ACME, MARCH_2023, "电解铝", dev.peakline.units.Quantity.of(500, Unit.T), 2));
        var res = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(new AccountingInput("t", act, List.of(), prod, out));
        EnterpriseMonth m = res.result().months().get(0);
        assertThat(m.scope1()).isCloseTo(1747.088266, within(TOL));
        assertThat(m.scope2()).isCloseTo(5306, within(TOL));
        assertThat(m.total()).isCloseTo(7053.088266, within(TOL));
        assertThat(m.valueAdded()).isEqualTo(2000);
        assertThat(m.carbonIntensity()).isCloseTo(3.526544, within(TOL));
        // per product: 7,053.088266 / 500 t = 14.106177 tCO2/t; energy (19,570 ÷ 29.3076 = 667.744885 + 1,229) / 2,000
        // = 0.948372 tce/万元
        assertThat(m.carbonPerProduct("电解铝")).isCloseTo(14.106177, within(TOL));
        assertThat(m.energyIntensity()).isCloseTo(0.948372, within(TOL));
    }

    @Test
    void explanationReproducesEveryFigureExactly() {
        var act = List.of(
                burn(ACME, "烟煤", 1000, Unit.T),
                burn(ACME, "天然气", 100, Unit.TEN_THOUSAND_NM3),
                rec(ACME, "电力", 10_000, Unit.MWH, Use.PURCHASED, MARCH_2023));
        AccountingResult r = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(AccountingInput.of(act))
                .result();
        var ex = r.explain(ACME, MARCH_2023).orElseThrow();
        double comb = 0;
        for (var t : ex.terms()) {
            if (t.slot() == Slot.COMBUSTION) {
                comb += t.co2();
            }
        }
        assertThat(comb).isEqualTo(r.months().get(0).combustion());
        assertThat(ex.terms()).hasSize(3);
        var coal = ex.terms().stream()
                .filter(t -> t.subject().startsWith("烟煤"))
                .findFirst()
                .orElseThrow();
        assertThat(coal.co2()).isCloseTo(1747.088266, within(TOL));
        assertThat(coal.factors())
                .extracting(f -> f.factor().key().toString())
                .contains(
                        "combustion.ncv:bituminous:A",
                        "combustion.carbon_content:bituminous:A",
                        "combustion.oxidation:bituminous:A");
        assertThat(String.join("\n", ex.lines())).contains("× 44/12", "peakline-reference", "S-GL-STEEL");
    }

    @Test
    void theExplanationNamesTheFileLineAndShowsZeroLinesAndCleanNumbers() {
        // a power plant's supplied electricity contributes 0 and is shown with why; numbers as filed ("1000 t", not
        // "1000.0 t"); each line names its file; a factor used for both CO2 and energy is listed once per line
        var act = List.of(plant("褐煤", 1000, Unit.T, Use.COMBUSTION), plant("电力", 500, Unit.MWH, Use.EXPORTED));
        var in = new AccountingInput("plant.csv", act, List.of(), List.of(), List.of());
        var ex = new AccountingEngine(LIB, AccountingOptions.defaults(), 1)
                .account(in)
                .result()
                .explain(ACME, MARCH_2023)
                .orElseThrow();
        String text = String.join("\n", ex.lines());
        // 褐煤 in a power plant, oxidised at 0.99 (发电设施): 1,000 × 14.080 × 0.028 × 0.99 × 44/12 = 1,431.0912
        assertThat(text).contains("plant.csv: 褐煤 (燃烧), 1000 t → 1431.091200 tCO2e");
        assertThat(text).contains("电力 (输出), 500 MWh → 0.000000 tCO2e").contains("not deducted");
        assertThat(text).doesNotContain("1000.0 t");
        long ncvLines = text.lines()
                .filter(l -> l.contains("factor:  combustion.ncv:lignite:A"))
                .count();
        assertThat(ncvLines).isEqualTo(1);
        assertThat(AccountingResult.plain(12.50)).isEqualTo("12.5");
        assertThat(AccountingResult.plain(1e-7)).isEqualTo("0.0000001");
        assertThat(ex.terms().get(0).where()).isEqualTo("plant.csv");
    }
}
