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

    static EnvironmentalTax.Emission at(String outlet, String id, String name, double quantity, double level) {
        return new EnvironmentalTax.Emission(
                "91520181MA6DKQ3L5C",
                "2024-01",
                outlet,
                id,
                T.find(outlet, name).orElseThrow(),
                quantity,
                level);
    }

    static EnvironmentalTax.Emission at(String outlet, String id, String name, double kg) {
        return at(outlet, id, name, kg, Double.NaN);
    }

    static BigDecimal totalOf(List<EnvironmentalTax.Line> lines, String outletId) {
        return total(lines.stream()
                .filter(l -> l.emission().outletId().equals(outletId))
                .toList());
    }

    @Test
    void twoAirOutletsAreTaxedEachOnItsThreeLargest() {
        // DA001: SO2 160 t → 160,000 / 0.95 = 168,421.05; NOx 228 t → 240,000.00; 烟尘 45 t → 45,000 / 2.18 =
        // 20,642.20; CO 20 t → 20,000 / 16.7 = 1,197.60 (fourth, not taxed). At 1.2 yuan: 288,000.00 + 202,105.26 +
        // 24,770.64 = 514,875.90.
        // DA002: CO 2,000 t → 119,760.48; SO2, NOx 1 t → 1,052.63 each; 烟尘 1 t → 458.72 (fourth). At 1.2 yuan:
        // 143,712.58 + 1,263.16 + 1,263.16 = 146,238.90 (each pollutant's tax rounded to the fen, as the return's
        // lines are; the outlet's equivalents × 1.2 would be 146,238.89). Both: 661,114.80 yuan.
        List<EnvironmentalTax.Emission> both = List.of(
                at("air", "DA001", "SO2", 160_000),
                at("air", "DA001", "NOx", 228_000),
                at("air", "DA001", "烟尘", 45_000),
                at("air", "DA001", "CO", 20_000),
                at("air", "DA002", "CO", 2_000_000),
                at("air", "DA002", "SO2", 1_000),
                at("air", "DA002", "NOx", 1_000),
                at("air", "DA002", "烟尘", 1_000));
        List<EnvironmentalTax.Line> lines = EnvironmentalTax.tax(both, 1.2, 1.4);
        assertThat(lines)
                .extracting(l -> l.equivalents().toPlainString())
                .containsExactly(
                        "168421.05", "240000.00", "20642.20", "1197.60", "119760.48", "1052.63", "1052.63", "458.72");
        assertThat(lines)
                .extracting(EnvironmentalTax.Line::taxed)
                .containsExactly(true, true, true, false, true, true, true, false);
        assertThat(totalOf(lines, "DA001")).isEqualByComparingTo("514875.90");
        assertThat(totalOf(lines, "DA002")).isEqualByComparingTo("146238.90");
        assertThat(total(lines)).isEqualByComparingTo("661114.80");
        // the same emissions merged into one outlet: SO2 161 t → 169,473.68, NOx 229 t → 241,052.63, CO 2,020 t →
        // 120,958.08, 烟尘 46 t → 21,100.92 (fourth): 289,263.16 + 203,368.42 + 145,149.70 = 637,781.28 — less tax
        List<EnvironmentalTax.Line> merged = EnvironmentalTax.tax(
                List.of(
                        at("air", "", "SO2", 161_000),
                        at("air", "", "NOx", 229_000),
                        at("air", "", "CO", 2_020_000),
                        at("air", "", "烟尘", 46_000)),
                1.2,
                1.4);
        assertThat(total(merged)).isEqualByComparingTo("637781.28");
    }

    @Test
    void twoWaterOutletsAreTaxedApart() {
        // DW001: COD 100 kg → 100, NH3-N 40 kg → 50, SS 100 kg → 25, TP 5 kg → 20 (fourth, not taxed);
        // DW002: TP 5 kg → 20 (taxed: its outlet's only pollutant). At 1.4 yuan: DW001 140.00 + 70.00 + 35.00 = 245.00;
        // DW002 28.00; merged, TP would have been fourth with 40 equivalents and SS fifth: 140 + 70 + 56 = 266.00
        List<EnvironmentalTax.Line> lines = EnvironmentalTax.tax(
                List.of(
                        at("water", "DW001", "COD", 100),
                        at("water", "DW001", "氨氮", 40),
                        at("water", "DW001", "SS", 100),
                        at("water", "DW001", "总磷", 5),
                        at("water", "DW002", "总磷", 5)),
                1.2,
                1.4);
        assertThat(lines).extracting(EnvironmentalTax.Line::taxed).containsExactly(true, true, true, false, true);
        assertThat(totalOf(lines, "DW001")).isEqualByComparingTo("245.00");
        assertThat(totalOf(lines, "DW002")).isEqualByComparingTo("28.00");
    }

    @Test
    void theSpecialWaterItemsAreTaxedOnTheSewage() {
        // the published dyeworks example: 24,000 t of sewage, colour 320 against the standard's 80 → exceedance
        // (320 − 80) / 80 = 3 → 24,000 × 3 / 5 = 14,400 equivalents; pH 4 → band 4–5, 1 t per equivalent → 24,000;
        // at 3 yuan 43,200 + 72,000 = 115,200 yuan
        List<EnvironmentalTax.Line> dyeworks = EnvironmentalTax.tax(
                List.of(at("water", "DW001", "色度", 24_000, 3), at("water", "DW001", "pH值", 24_000, 4)), 1.2, 3);
        assertThat(dyeworks).extracting(l -> l.equivalents().toPlainString()).containsExactly("14400.00", "24000.00");
        assertThat(total(dyeworks)).isEqualByComparingTo("115200.00");
        // a hospital: 3,300 t with coliform above the standard → 3,300 / 3.3 = 1,000; residual chlorine on 1,650 t →
        // 500: only the larger of the two is taxed (说明 1), 1,000 × 1.4 = 1,400.00
        List<EnvironmentalTax.Line> hospital = EnvironmentalTax.tax(
                List.of(at("water", "DW001", "大肠菌群数", 3_300), at("water", "DW001", "余氯量", 1_650)), 1.2, 1.4);
        assertThat(hospital).extracting(EnvironmentalTax.Line::taxed).containsExactly(true, false);
        assertThat(total(hospital)).isEqualByComparingTo("1400.00");
        // the special items are of the other class: pH 2.5 on 1,000 t → band 2–3, 0.25 t → 4,000 equivalents,
        // outranking COD 100 kg → 100; with NH3-N 50 and SS 25, SS is fourth and untaxed
        List<EnvironmentalTax.Line> ranked = EnvironmentalTax.tax(
                List.of(
                        at("water", "DW001", "pH", 1_000, 2.5),
                        at("water", "DW001", "COD", 100),
                        at("water", "DW001", "氨氮", 40),
                        at("water", "DW001", "SS", 100)),
                1.2,
                1.4);
        assertThat(ranked).extracting(EnvironmentalTax.Line::taxed).containsExactly(true, true, true, false);
        assertThat(ranked.get(0).taxYuan()).isEqualByComparingTo("5600.00");
    }

    @Test
    void thePhBandsFollowTheTablesNote() {
        // 说明 2: 5–6 is ≥ 5 and < 6; 9–10 is > 9 and ≤ 10; neutral 6–9 is not taxed
        assertThat(EnvironmentalTax.phValue(0)).isEqualTo(0.06);
        assertThat(EnvironmentalTax.phValue(1)).isEqualTo(0.125);
        assertThat(EnvironmentalTax.phValue(5)).isEqualTo(5);
        assertThat(EnvironmentalTax.phValue(5.99)).isEqualTo(5);
        assertThat(EnvironmentalTax.phValue(6)).isNaN();
        assertThat(EnvironmentalTax.phValue(9)).isNaN();
        assertThat(EnvironmentalTax.phValue(9.01)).isEqualTo(1);
        assertThat(EnvironmentalTax.phValue(10)).isEqualTo(1);
        assertThat(EnvironmentalTax.phValue(10.5)).isEqualTo(0.5);
        assertThat(EnvironmentalTax.phValue(14)).isEqualTo(0.06);
        assertThat(EnvironmentalTax.equivalents(at("water", "DW001", "pH值", 1_000, 7)))
                .isEqualByComparingTo("0");
    }
}
