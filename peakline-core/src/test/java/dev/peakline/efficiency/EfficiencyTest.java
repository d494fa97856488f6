package dev.peakline.efficiency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EfficiencyTest {
    private final EfficiencyCatalog catalog = EfficiencyCatalog.shipped();

    private ProductLevels row(String product, String indicator) {
        return catalog.all().stream()
                .filter(r -> r.product().equals(product) && r.indicator().equals(indicator))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aluminiumBoundariesAreInclusiveAsTheStandardsState() {
        // 电解铝 铝液交流电耗, 2023 edition: 标杆 13 000, 基准 13 350 kWh/t; GB 21346-2022 levels 12 950 / 13 000 / 13 350
        ProductLevels al = catalog.product("电解铝").orElseThrow();
        assertThat(al.indicator()).isEqualTo("铝液交流电耗");
        assertThat(al.classify(12_999.99, Edition.E2023)).isEqualTo(EfficiencyClass.ADVANCED);
        assertThat(al.classify(13_000, Edition.E2023)).isEqualTo(EfficiencyClass.ADVANCED);
        assertThat(al.classify(13_000.01, Edition.E2023)).isEqualTo(EfficiencyClass.BETWEEN);
        assertThat(al.classify(13_350, Edition.E2023)).isEqualTo(EfficiencyClass.BETWEEN);
        assertThat(al.classify(13_350.01, Edition.E2023)).isEqualTo(EfficiencyClass.LAGGARD);
        assertThat(al.gbGrade(12_950)).isEqualTo(1);
        assertThat(al.gbGrade(12_950.5)).isEqualTo(2);
        assertThat(al.gbGrade(13_000)).isEqualTo(2);
        assertThat(al.gbGrade(13_350)).isEqualTo(3);
        assertThat(al.gbGrade(13_350.5)).isZero();
        assertThat(al.classify(Double.NaN, Edition.E2023)).isEqualTo(EfficiencyClass.UNCLASSIFIED);
        assertThat(al.gbGrade(Double.NaN)).isNull();
    }

    @Test
    void negativeValuesOfTheConverterProcessClassify() {
        // 转炉工序 (net energy recovery): 标杆 −30, 基准 −10 kgce/t; GB 21256-2025 levels −30 / −28 / −12
        ProductLevels bof = row("转炉工序", "单位产品能耗");
        assertThat(bof.classify(-31, Edition.E2023)).isEqualTo(EfficiencyClass.ADVANCED);
        assertThat(bof.classify(-30, Edition.E2023)).isEqualTo(EfficiencyClass.ADVANCED);
        assertThat(bof.classify(-29.9, Edition.E2023)).isEqualTo(EfficiencyClass.BETWEEN);
        assertThat(bof.classify(-10, Edition.E2023)).isEqualTo(EfficiencyClass.BETWEEN);
        assertThat(bof.classify(-9.99, Edition.E2023)).isEqualTo(EfficiencyClass.LAGGARD);
        assertThat(bof.classify(5, Edition.E2021)).isEqualTo(EfficiencyClass.LAGGARD);
        assertThat(bof.gbGrade(-29)).isEqualTo(2);
        assertThat(bof.gbGrade(-12)).isEqualTo(3);
        assertThat(bof.gbGrade(-11)).isZero();
    }

    @Test
    void missingAndUnconfirmedLevelsAreNotGuessed() {
        // 电弧炉 30–50 t: GB level 2 is "—", so a value between levels 1 and 3 is level 3
        ProductLevels eaf = row("电弧炉冶炼(30t<公称容量<50t)", "单位产品能耗");
        assertThat(eaf.gb2().known()).isFalse();
        assertThat(eaf.gbGrade(61)).isEqualTo(1);
        assertThat(eaf.gbGrade(65)).isEqualTo(3);
        // 锌冶炼: the 2021 edition has no 标杆/基准 for zinc (UNCONFIRMED) → no classification for it; the 2022 有色
        // guide's 1,100 / 1,280 kgce/t classify from the 2023 edition on; the GB grade (1010/1040/1260) applies always
        ProductLevels zinc = catalog.product("锌").orElseThrow();
        assertThat(zinc.benchmark(Edition.E2021).unconfirmed()).isTrue();
        assertThat(zinc.classify(900, Edition.E2021)).isEqualTo(EfficiencyClass.UNCLASSIFIED);
        assertThat(zinc.benchmark(Edition.E2023).value()).isEqualTo(1100.0);
        assertThat(zinc.baseline(Edition.E2023).value()).isEqualTo(1280.0);
        assertThat(zinc.classify(1100, Edition.E2023)).isEqualTo(EfficiencyClass.ADVANCED);
        assertThat(zinc.classify(1200, Edition.E2023)).isEqualTo(EfficiencyClass.BETWEEN);
        assertThat(zinc.classify(1280.5, Edition.E2023)).isEqualTo(EfficiencyClass.LAGGARD);
        // copper 260 / 380 and crude lead 230 / 300 kgce/t
        assertThat(catalog.product("阴极铜").orElseThrow().benchmark(Edition.E2023).value())
                .isEqualTo(260.0);
        assertThat(catalog.product("粗铅").orElseThrow().baseline(Edition.E2023).value())
                .isEqualTo(300.0);
        assertThat(zinc.gbGrade(1040)).isEqualTo(2);
        assertThat(zinc.gbGrade(1260.1)).isZero();
        // a number with a remark keeps the number and says it is not exact
        ProductLevels glass = row("平板玻璃(>800 t/d)", "单位产品综合能耗");
        assertThat(glass.gb3().value()).isEqualTo(12.0);
        assertThat(glass.gb3().exact()).isFalse();
        // two sub-case values in one cell are not a number
        assertThat(row("卫生陶瓷", "单位产品综合能耗").gb1().known()).isFalse();
    }

    @Test
    void theCatalogShipsEveryRowAndKnowsProductionNames() {
        assertThat(catalog.all()).hasSize(62);
        assertThat(catalog.product("熟料").orElseThrow().product()).isEqualTo("水泥熟料");
        assertThat(catalog.product("海绵钛")).isEmpty();
        assertThat(catalog.product("水泥熟料")
                        .orElseThrow()
                        .benchmark(Edition.E2021)
                        .value())
                .isEqualTo(100.0);
        assertThat(catalog.product("水泥熟料").orElseThrow().baseline(Edition.E2021).value())
                .isEqualTo(117.0);
    }

    @Test
    void measuresDivideByOutput() {
        // 1 000 t of aluminium with 13 000 MWh: 13 000 × 1000 ÷ 1000 = 13 000 kWh/t
        assertThat(Measure.ELECTRICITY_KWH_PER_T.per(1000, 13_000, 0)).isEqualTo(13_000.0);
        // 10 000 t of clinker with 1 070 tce: 1 070 × 1000 ÷ 10 000 = 107 kgce/t
        assertThat(Measure.ENERGY_KGCE_PER_T.per(10_000, 0, 1_070)).isCloseTo(107.0, within(1e-12));
        assertThat(Measure.ENERGY_KGCE_PER_T.per(0, 0, 1_070)).isNaN();
    }

    private static FacilityValue f(long id, double capacity, double value) {
        return new FacilityValue(
                id, "E" + id, "示例" + id, "520181", "3216", "线" + id, "电解槽", "电解铝", capacity, value, "");
    }

    @Test
    void capacitySharesAgainstThe2025Targets() {
        // A 300 kt at 12 990 (标杆), B 200 kt at 13 200 (between), C 100 kt at 13 400 (below 基准)
        List<Efficiency.Assessed> a = Efficiency.assess(
                List.of(f(1, 300_000, 12_990), f(2, 200_000, 13_200), f(3, 100_000, 13_400)), catalog, Edition.E2023);
        assertThat(a)
                .extracting(Efficiency.Assessed::level)
                .containsExactly(EfficiencyClass.ADVANCED, EfficiencyClass.BETWEEN, EfficiencyClass.LAGGARD);
        assertThat(a).extracting(Efficiency.Assessed::leader).containsExactly(true, false, false);
        Efficiency.Share s = Efficiency.shares(a, catalog, 2024).get(0);
        // 300 ÷ 600 = 0.5 at 标杆; 100 ÷ 600 below 基准
        assertThat(s.shareAdvanced()).isEqualTo(0.5);
        assertThat(s.shareLaggard()).isCloseTo(1.0 / 6, within(1e-15));
        // targets: Guizhou's 电解铝 ≥ 70 % (and nothing below 基准), the national 电解铝 ≥ 30 % by the end of 2025
        // (国发〔2024〕12号), then the general ≥ 30 % of the 两高 industries, each with its own scope
        assertThat(s.targets()).hasSize(3);
        assertThat(s.targets().get(0).met()).isFalse();
        assertThat(s.targets().get(0).reason()).isEqualTo("尚未达到（目标年 2025）");
        assertThat(s.targets().get(1).target().document()).contains("国发〔2024〕12号");
        assertThat(s.targets().get(1).met()).isTrue(); // 0.5 ≥ 0.3
        // the general target sets no cap below 基准: 0.5 ≥ 0.3 is met
        assertThat(s.targets().get(2).target().product()).isEqualTo("*");
        assertThat(s.targets().get(2).met()).isTrue();
        assertThat(Efficiency.shares(a, catalog, 2025).get(0).targets().get(0).reason())
                .isEqualTo("未达到（目标年 2025）");
    }

    @Test
    void exactlySeventyPercentMeetsTheTarget() {
        List<Efficiency.Assessed> a =
                Efficiency.assess(List.of(f(1, 70, 12_000), f(2, 30, 13_350)), catalog, Edition.E2023);
        Efficiency.Share s = Efficiency.shares(a, catalog, 2025).get(0);
        assertThat(s.shareAdvanced()).isEqualTo(0.7);
        assertThat(s.targets().get(0).met()).isTrue();
    }
}
