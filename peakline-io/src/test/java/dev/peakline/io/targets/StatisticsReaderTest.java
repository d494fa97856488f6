package dev.peakline.io.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.io.report.Report;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.targets.RegionStatistics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsReaderTest {
    static final ReferenceLibrary LIBRARY = ReferenceLibrary.shipped();

    static StatisticsReader.Parsed read(String csv, Map<String, Integer> priceBases) {
        return StatisticsReader.read(
                Table.csv("stats.csv", csv), LIBRARY.registry(), LIBRARY, AccountingOptions.defaults(), priceBases);
    }

    @Test
    void aRegionYearIsConvertedWithTheAccountingFactors() {
        StatisticsReader.Parsed p = read(
                String.join(",", StatisticsReader.HEADER) + "\n"
                        + "520100,2020,gdp,100,亿元,2020\n"
                        + "520100,2020,bituminous,1,万t,\n"
                        + "520100,2020,non_fossil,5,万tce,\n",
                Map.of());
        assertThat(p.problems()).isEmpty();
        RegionStatistics s = p.stats().get(0);
        // 100 亿元 = 1 000 000 × 10⁴ yuan
        assertThat(s.gdp10kYuan()).isEqualTo(1_000_000.0);
        assertThat(s.priceBaseYear()).isEqualTo(2020);
        // 1 万t bituminous: 10 000 t × 19.570 GJ/t × 26.18 tC/TJ ÷ 1000 × 0.93 × 44/12 = 17 470.88 tCO2;
        // energy from the same heating value (GB/T 2589 has no coefficient for 烟煤): 10 000 t × 19.570 GJ/t ÷ 29.3076
        // GJ/tce = 6 677.448853 tce, plus 5 万tce non-fossil = 56 677.448853 tce
        assertThat(s.co2()).isCloseTo(10_000 * 19.570 * 26.18 / 1000 * 0.93 * 44 / 12, within(1e-6));
        assertThat(s.co2()).isCloseTo(17_470.88, within(0.01));
        assertThat(s.energyTce()).isCloseTo(10_000 * 19.570 / 29.3076 + 50_000, within(1e-6));
        assertThat(s.energyTce()).isCloseTo(56_677.448853, within(1e-6));
        assertThat(s.nonFossilTce()).isEqualTo(50_000.0);
        assertThat(s.energy()).hasSize(2);
    }

    @Test
    void feedstockEnergyIsRecordedAndLeftOutOfEnergyControl() {
        // 1 万t bituminous = 6 677.448853 tce (19.570 GJ/t ÷ 29.3076); 0.2 万tce of it used as raw material
        StatisticsReader.Parsed p = read(
                String.join(",", StatisticsReader.HEADER) + "\n"
                        + "520100,2021,gdp,100,亿元,2020\n"
                        + "520100,2021,bituminous,1,万t,\n"
                        + "520100,2021,feedstock,0.2,万tce,\n",
                Map.of());
        assertThat(p.problems()).isEmpty();
        RegionStatistics s = p.stats().get(0);
        assertThat(s.energyTce()).isCloseTo(10_000 * 19.570 / 29.3076, within(1e-6)); // not increased
        assertThat(s.feedstockTce()).isCloseTo(2_000, within(1e-9));
        assertThat(s.energyExcludingFeedstockTce()).isCloseTo(10_000 * 19.570 / 29.3076 - 2_000, within(1e-6));
        // more feedstock than energy is refused with its row
        StatisticsReader.Parsed bad = read(
                String.join(",", StatisticsReader.HEADER) + "\n"
                        + "520100,2021,gdp,100,亿元,2020\n"
                        + "520100,2021,bituminous,1,万t,\n"
                        + "520100,2021,feedstock,1,万tce,\n",
                Map.of());
        assertThat(bad.problems()).extracting(Problem::code).containsExactly("stats.feedstock");
        assertThat(bad.problems().get(0).row()).isEqualTo(4);
    }

    @Test
    void everyBadRowIsNamedByRowAndColumnAndNothingIsRead() {
        StatisticsReader.Parsed p = read(
                String.join(",", StatisticsReader.HEADER) + "\n"
                        + "520100,2020,gdp,100,亿元,2015\n" // 2: another price base than the region's 2020
                        + "520100,2020,unobtainium,1,t,\n" // 3: unknown item
                        + "520100,2020,bituminous,1,MWh,\n" // 4: wrong unit
                        + "520100,2020,natural_gas,-5,万Nm3,\n" // 5: negative
                        + "529999,2020,gdp,1,亿元,2020\n" // 6: unregistered region
                        + "520100,2020,non_fossil,1,tce,\n"
                        + "520100,2020,non_fossil,2,tce,\n", // 8: duplicate
                Map.of("520100", 2020));
        assertThat(p.stats()).isEmpty();
        assertThat(p.problems())
                .extracting(x -> x.row() + ":" + x.column() + ":" + x.code())
                .containsExactly(
                        "2:price_base_year:stats.price_base",
                        "3:item:stats.item",
                        "4:unit:stats.unit",
                        "5:amount:stats.amount",
                        "6:region:stats.region",
                        "8:item:stats.duplicate",
                        // the region-year's gdp row (2) was refused, so the year found first on row 7 lacks its GDP
                        "7:item:stats.gdp");
        assertThat(p.problems()).extracting(Problem::source).containsOnly("stats.csv");
    }

    @Test
    void theTemplateHasTheHeaderAndAnExample() {
        Report r = StatisticsReader.template();
        assertThat(r.sections().get(0).header()).isEqualTo(StatisticsReader.HEADER);
        assertThat(r.sections().get(0).rows()).hasSize(5);
        assertThat(List.of(r.title())).containsExactly("区域统计数据导入模板");
    }
}
