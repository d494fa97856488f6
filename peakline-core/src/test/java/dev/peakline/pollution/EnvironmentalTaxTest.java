package dev.peakline.pollution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pollution equivalents and the environmental protection tax, on the worked examples published with the law. */
class EnvironmentalTaxTest {
    static final EnvironmentalTax T = EnvironmentalTax.shipped();

    static EnvironmentalTax.Emission e(String outlet, String name, double kg) {
        return new EnvironmentalTax.Emission(
                "91520181MA6DKQ3L5C", "2018-03", outlet, T.find(outlet, name).orElseThrow(), kg);
    }

    static String taxOf(List<EnvironmentalTax.Line> lines, String name) {
        return lines.stream()
                .filter(l -> l.emission().pollutant().nameCn().equals(name))
                .findFirst()
                .orElseThrow()
                .taxYuan()
                .toPlainString();
    }

    static BigDecimal total(List<EnvironmentalTax.Line> lines) {
        return lines.stream().map(EnvironmentalTax.Line::taxYuan).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void theTaxAuthoritysAirExampleOneOutletThreeLargestTaxed() {
        // SO2 and fluorides 10 kg each, CO and HCl 100 kg each, 1.2 yuan per equivalent, one outlet:
        // SO2 10 / 0.95 = 10.53, F 10 / 0.87 = 11.49, CO 100 / 16.7 = 5.99, HCl 100 / 10.75 = 9.30;
        // the three largest — F, SO2, HCl — taxed: 11.49 × 1.2 = 13.79, 10.53 × 1.2 = 12.64, 9.30 × 1.2 = 11.16;
        // 37.59 yuan; CO not taxed
        List<EnvironmentalTax.Line> lines = EnvironmentalTax.tax(
                List.of(e("air", "二氧化硫", 10), e("air", "氟化物", 10), e("air", "CO", 100), e("air", "氯化氢", 100)),
                1.2,
                1.4);
        assertThat(lines)
                .extracting(l -> l.equivalents().toPlainString())
                .containsExactly("10.53", "11.49", "5.99", "9.30");
        assertThat(lines).extracting(EnvironmentalTax.Line::taxed).containsExactly(true, true, false, true);
        assertThat(taxOf(lines, "氟化物")).isEqualTo("13.79");
        assertThat(taxOf(lines, "二氧化硫")).isEqualTo("12.64");
        assertThat(taxOf(lines, "氯化氢")).isEqualTo("11.16");
        assertThat(taxOf(lines, "一氧化碳")).isEqualTo("0.00");
        assertThat(total(lines)).isEqualByComparingTo("37.59");
    }

    @Test
    void anExamQuestionOnFourGasesAtThreeYuan() {
        // SO2 14 kg, NOx 12 kg, HCl 60 kg, CO 120 kg at 3 yuan: 14.74, 12.63, 5.58, 7.19; SO2, NOx and CO taxed:
        // 44.22 + 37.89 + 21.57 = 103.68 yuan (the published answer, (14.74 + 12.63 + 7.19) × 3)
        List<EnvironmentalTax.Line> lines = EnvironmentalTax.tax(
                List.of(e("air", "SO2", 14), e("air", "NOx", 12), e("air", "HCl", 60), e("air", "一氧化碳", 120)), 3, 1.4);
        assertThat(lines).extracting(EnvironmentalTax.Line::taxed).containsExactly(true, true, false, true);
        assertThat(total(lines)).isEqualByComparingTo("103.68");
    }

    @Test
    void waterFiveFirstClassThreeOthersAndOnlyOneOfCodBodToc() {
        // COD 100 kg → 100, BOD5 30 kg → 60, TOC 10 kg → 20.41, NH3-N 40 kg → 50, SS 100 kg → 25, TP 5 kg → 20,
        // mercury 0.001 kg → 2; COD alone of the three organic loads competes; the other class's three largest are
        // COD, NH3-N, SS; TP is fourth and not taxed; mercury (first class) is taxed: at 1.4 yuan 140.00, 70.00, 35.00
        // and 2.80
        List<EnvironmentalTax.Line> lines = EnvironmentalTax.tax(
                List.of(
                        e("water", "化学需氧量", 100),
                        e("water", "BOD5", 30),
                        e("water", "总有机碳", 10),
                        e("water", "氨氮", 40),
                        e("water", "SS", 100),
                        e("water", "总磷", 5),
                        e("water", "总汞", 0.001)),
                1.2,
                1.4);
        assertThat(lines)
                .extracting(l -> l.equivalents().toPlainString())
                .containsExactly("100.00", "60.00", "20.41", "50.00", "25.00", "20.00", "2.00");
        assertThat(lines)
                .extracting(EnvironmentalTax.Line::taxed)
                .containsExactly(true, false, false, true, true, false, true);
        assertThat(total(lines)).isEqualByComparingTo("247.80");
        // the water fluorides are the water table's (0.5 kg), the air ones the air table's (0.87 kg)
        assertThat(T.find("water", "氟化物").orElseThrow().kgPerEquivalent()).isEqualTo(0.5);
        assertThat(T.find("air", "氟化物").orElseThrow().kgPerEquivalent()).isEqualTo(0.87);
        assertThat(T.find("air", "COD")).isEmpty();
    }
}
