package dev.peakline.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.DataQuality;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lines held in columns are the records they were made of, and the engine's column path gives, bit for bit, the results
 * and problems its record path gives on the same lines.
 */
class ActivityColumnsTest {
    private static AccountingEngine.Run run(List<ActivityRecord> lines) {
        return new AccountingEngine(ReferenceLibrary.shipped(), AccountingOptions.defaults(), 2)
                .account(new AccountingInput("f.csv", lines, List.of(), List.of(), List.of()));
    }

    private static ActivityColumns columns(List<ActivityRecord> lines, int pieces) {
        // as the reader does: pieces of the file interned apart, then joined in order
        List<ActivityColumns.Builder> parts = new ArrayList<>();
        for (int k = 0; k < pieces; k++) {
            ActivityColumns.Builder b = ActivityColumns.builder(k);
            lines.subList(lines.size() * k / pieces, lines.size() * (k + 1) / pieces)
                    .forEach(b);
            parts.add(b);
        }
        return ActivityColumns.concat(parts);
    }

    /** A province's lines: enterprises listed together, a few with measured values, a grade or an uncertainty. */
    private static List<ActivityRecord> lines(Random r, int enterprises, boolean withProblems) {
        String[] carriers = {"bituminous", "natural_gas", "electricity", "diesel", "heat"};
        Unit[] units = {Unit.T, Unit.TEN_THOUSAND_NM3, Unit.MWH, Unit.T, Unit.GJ};
        Use[] uses = {Use.COMBUSTION, Use.COMBUSTION, Use.PURCHASED, Use.COMBUSTION, Use.PURCHASED};
        List<ActivityRecord> out = new ArrayList<>();
        int row = 2;
        for (int e = 0; e < enterprises; e++) {
            var code = Fixtures.code(String.format("9152018%06dABCD", e).substring(0, 17));
            RegionCode region = RegionCode.of(e % 3 == 0 ? "520181" : "520102");
            IndustryCode industry = IndustryCode.of(e % 2 == 0 ? "3011" : "2511");
            for (int m = 1; m <= 12; m++) {
                for (int k = 0; k < 6; k++) {
                    int c = r.nextInt(carriers.length);
                    double q = Math.round(r.nextDouble() * 1e6) / 100.0;
                    boolean measured = r.nextInt(40) == 0 && c == 0;
                    out.add(new ActivityRecord(
                            code,
                            withProblems && r.nextInt(300) == 0 ? RegionCode.of("520103") : region,
                            industry,
                            YearMonth.of(2024, m),
                            withProblems && r.nextInt(500) == 0 ? "no_such_fuel" : carriers[c],
                            Quantity.of(q, withProblems && r.nextInt(500) == 0 ? Unit.KWH : units[c]),
                            uses[c],
                            measured ? 20.9 + r.nextInt(10) / 10.0 : Double.NaN,
                            Double.NaN,
                            row++,
                            r.nextInt(30) == 0 ? DataQuality.values()[r.nextInt(DataQuality.values().length)] : null,
                            r.nextInt(50) == 0 ? 2.0 : Double.NaN,
                            Double.NaN));
                }
            }
        }
        return out;
    }

    @Test
    void columnsReadBackAsTheRecordsTheyWereMadeOf() {
        List<ActivityRecord> lines = lines(new Random(33), 40, true);
        ActivityColumns c = columns(lines, 3);
        assertThat(c).hasSize(lines.size()).isEqualTo(lines);
        // the ids are shared across the pieces: 40 enterprises, two regions plus the stray, five carriers plus the bad
        assertThat(c.enterprises).hasSize(40);
        assertThat(c.regions).hasSize(3);
        assertThat(c.carriers).hasSize(6);
        assertThat(c.whole).isNotEmpty().hasSizeLessThan(lines.size() / 10);
    }

    @Test
    void theColumnPathAccountsAsTheRecordPathToTheBit() {
        List<ActivityRecord> lines = lines(new Random(34), 300, false);
        AccountingEngine.Run records = run(List.copyOf(lines));
        AccountingEngine.Run cols = run(columns(lines, 2));
        assertThat(records.problems()).isEmpty();
        assertThat(cols.ok()).isTrue();
        List<EnterpriseMonth> a = records.result().months();
        List<EnterpriseMonth> b = cols.result().months();
        assertThat(a).hasSize(300 * 12);
        for (int i = 0; i < a.size(); i++) {
            EnterpriseMonth x = a.get(i), y = b.get(i);
            assertThat(y.enterprise()).isEqualTo(x.enterprise());
            assertThat(y.period()).isEqualTo(x.period());
            assertThat(Double.doubleToRawLongBits(y.total())).isEqualTo(Double.doubleToRawLongBits(x.total()));
            assertThat(Double.doubleToRawLongBits(y.energy())).isEqualTo(Double.doubleToRawLongBits(x.energy()));
            assertThat(Double.doubleToRawLongBits(y.combustion()))
                    .isEqualTo(Double.doubleToRawLongBits(x.combustion()));
            assertThat(Double.doubleToRawLongBits(y.electricity()))
                    .isEqualTo(Double.doubleToRawLongBits(x.electricity()));
        }
        assertThat(b).isEqualTo(a);
        // magnitude: six lines a month of up to 10,000 units each; a month's total lies between 0 and 10⁶ tCO₂
        assertThat(b).allSatisfy(m -> assertThat(m.total()).isBetween(0.0, 1e6));
        // a line with a measured calorific value is looked up on its own, and explains as the record path does
        var withNcv = lines.stream()
                .filter(l -> !Double.isNaN(l.measuredNcv()))
                .findFirst()
                .orElseThrow();
        assertThat(cols.result()
                        .explain(withNcv.enterprise(), withNcv.period())
                        .orElseThrow()
                        .lines())
                .isEqualTo(records.result()
                        .explain(withNcv.enterprise(), withNcv.period())
                        .orElseThrow()
                        .lines());
    }

    @Test
    void theColumnPathReportsWhatTheRecordPathReports() {
        List<ActivityRecord> lines = lines(new Random(35), 200, true);
        AccountingEngine.Run records = run(List.copyOf(lines));
        AccountingEngine.Run cols = run(columns(lines, 2));
        assertThat(records.problems())
                .extracting(p -> p.code())
                .contains("enterprise.inconsistent", "carrier.unknown", "unit.dimension");
        assertThat(cols.problems()).isEqualTo(records.problems());
    }
}
