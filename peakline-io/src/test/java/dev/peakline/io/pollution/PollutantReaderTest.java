package dev.peakline.io.pollution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import org.junit.jupiter.api.Test;

class PollutantReaderTest {
    static final String CODE = "91520181MA6DKQ3L5C";
    static final String HEAD = "enterprise,period,outlet,pollutant,quantity,unit,method,activity,coefficient,"
            + "removal_efficiency,operating_rate\n";

    @Test
    void aCoefficientRowIsComputedFromItsBasis() {
        // 2,000 t of clinker at 1.5 kg NOx/t, SNCR removing 60 % that ran 90 % of the month:
        // 2,000 × 1.5 × (1 − 0.60 × 0.90) = 3,000 × 0.46 = 1,380 kg; given rounded as 1,380.4 kg it agrees (0.03 %);
        // the coefficient is in the row's unit per unit of activity, so in tonnes it is 0.0015 t/t
        PollutantReader.Read r = PollutantReader.read(Table.csv(
                "p.csv",
                HEAD + CODE + ",2024-01,air,氮氧化物,,kg,系数,2000,1.5,60%,0.9\n"
                        + CODE + ",2024-02,air,NOx,1380.4,kg,,2000,1.5,0.6,90%\n"
                        + CODE + ",2024-03,air,NOx,,t,,2000,0.0015,0.6,0.9\n"
                        + CODE + ",2024-01,air,SO2,12,kg,实测,,,,\n"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.emissions()).hasSize(4);
        assertThat(r.emissions().get(0).emission().kg()).isCloseTo(1380.0, within(1e-9));
        assertThat(r.emissions().get(0).method()).isEqualTo("COEFFICIENT");
        assertThat(r.emissions().get(0).basis().produced()).isEqualTo(3000.0);
        assertThat(r.emissions().get(1).emission().kg()).isCloseTo(1380.4, within(1e-9));
        assertThat(r.emissions().get(1).method()).isEqualTo("COEFFICIENT");
        assertThat(r.emissions().get(2).emission().kg()).isCloseTo(1380.0, within(1e-9));
        assertThat(r.emissions().get(3).basis()).isNull();
        assertThat(r.emissions().get(3).method()).isEqualTo("MEASURED");
    }

    @Test
    void anIncompleteOrContradictoryBasisIsRefusedByRowAndColumn() {
        PollutantReader.Read r = PollutantReader.read(Table.csv(
                "p.csv",
                HEAD + CODE + ",2024-01,air,氮氧化物,,kg,系数,2000,,,\n" // no coefficient
                        + CODE + ",2024-02,air,氮氧化物,2000,kg,系数,2000,1.5,0.6,0.9\n" // 2,000 ≠ 1,380
                        + CODE + ",2024-03,air,氮氧化物,,kg,系数,2000,1.5,1.6,0.9\n" // η 160 %
                        + CODE + ",2024-04,air,氮氧化物,,kg,实测,2000,1.5,0.6,0.9\n" // measured with a basis
                        + CODE + ",2024-05,air,氮氧化物,,kg,系数,2000,1.5,0.6,\n")); // η without k
        assertThat(r.emissions()).isEmpty();
        assertThat(r.problems())
                .extracting(Problem::row, Problem::column, Problem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "coefficient", "pollutants.basis"),
                        org.assertj.core.groups.Tuple.tuple(3, "quantity", "pollutants.basis"),
                        org.assertj.core.groups.Tuple.tuple(4, "removal_efficiency", "value.fraction"),
                        org.assertj.core.groups.Tuple.tuple(5, "method", "pollutants.basis"),
                        org.assertj.core.groups.Tuple.tuple(6, "operating_rate", "pollutants.basis"));
        assertThat(r.problems().get(1).message()).contains("2000 × 1.5 × (1 − 0.6 × 0.9) = 1380");
    }

    @Test
    void theTemplateFilledInReadsBack() {
        byte[] book = PollutantTemplate.write(CODE, "2024-03");
        Table t = Table.pick(Table.excel("t.xlsx", book), java.util.List.of("pollutants", "污染物"), true)
                .orElseThrow();
        // the example row has no quantity yet: refused at that cell, by row and column
        PollutantReader.Read empty = PollutantReader.read(t);
        assertThat(empty.problems())
                .extracting(Problem::row, Problem::column)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "quantity"));
        assertThat(t.lines().get(0).cells()).contains("统一社会信用代码", "污染物", "产污系数", "去除效率", "运行率");
    }

    @Test
    void numberedOutletsMayEachFileThePollutant() {
        // two air outlets each with NOx: no longer "given twice"; without outlet_id one outlet per medium, as before
        PollutantReader.Read r = PollutantReader.read(Table.csv(
                "p.csv",
                "enterprise,period,outlet,排放口编号,pollutant,quantity,unit\n"
                        + CODE + ",2024-01,air,DA001,氮氧化物,228,t\n"
                        + CODE + ",2024-01,air,da002,氮氧化物,1,t\n"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.emissions())
                .extracting(f -> f.emission().outletId(), f -> f.emission().kg(), PollutantReader.Filed::row)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("DA001", 228_000.0, 2),
                        org.assertj.core.groups.Tuple.tuple("DA002", 1_000.0, 3));
        PollutantReader.Read twice = PollutantReader.read(Table.csv(
                "p.csv",
                "enterprise,period,outlet,pollutant,quantity,unit\n"
                        + CODE + ",2024-01,air,氮氧化物,228,t\n"
                        + CODE + ",2024-01,air,氮氧化物,1,t\n"));
        assertThat(twice.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.message()).contains("number the outlets in outlet_id"));
    }

    @Test
    void theSpecialWaterItemsTakeTheSewageAndTheirLevels() {
        // colour 320 against 80: exceedance (320 − 80) / 80 = 3; pH 4.5 kept as measured; 1 万t = 10,000 t
        PollutantReader.Read r = PollutantReader.read(Table.csv(
                "p.csv",
                "enterprise,period,outlet,outlet_id,pollutant,quantity,unit,监测值,标准限值\n"
                        + CODE + ",2024-01,water,DW001,色度,24000,t,320,80\n"
                        + CODE + ",2024-01,water,DW001,pH值,2.4,万t,4.5,\n"
                        + CODE + ",2024-01,water,DW001,余氯量,3300,m3,,\n"));
        assertThat(r.problems()).isEmpty();
        assertThat(r.emissions().get(0).emission().level()).isEqualTo(3.0);
        assertThat(r.emissions().get(1).emission().kg()).isEqualTo(24_000.0);
        assertThat(r.emissions().get(1).emission().level()).isEqualTo(4.5);
        assertThat(r.emissions().get(2).emission().level()).isNaN();
        PollutantReader.Read bad = PollutantReader.read(Table.csv(
                "p.csv",
                "enterprise,period,outlet,outlet_id,pollutant,quantity,unit,level,limit\n"
                        + CODE + ",2024-01,water,DW001,pH值,100,t,,\n" // no pH
                        + CODE + ",2024-01,water,DW002,pH值,100,t,15,\n" // pH 15
                        + CODE + ",2024-01,water,DW001,色度,100,kg,320,80\n" // kg of sewage
                        + CODE + ",2024-01,water,DW001,大肠菌群数,100,t,800,1000\n" // within the standard
                        + CODE + ",2024-01,water,DW 1,COD,100,kg,,\n")); // a malformed number
        assertThat(bad.problems())
                .extracting(Problem::row, Problem::column, Problem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "level", "pollutants.level"),
                        org.assertj.core.groups.Tuple.tuple(3, "level", "pollutants.level"),
                        org.assertj.core.groups.Tuple.tuple(4, "unit", "unit.unknown"),
                        org.assertj.core.groups.Tuple.tuple(5, "level", "pollutants.level"),
                        org.assertj.core.groups.Tuple.tuple(6, "outlet_id", "pollutants.outlet_id"));
    }
}
