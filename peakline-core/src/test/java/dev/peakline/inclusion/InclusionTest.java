package dev.peakline.inclusion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.peakline.problems.Problem;
import dev.peakline.reference.ReferenceLibrary;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** 碳普惠 of a rooftop PV in Guizhou, by hand. */
class InclusionTest {
    // Guizhou's 2022 average grid factor from the reference library (公告2024年第33号): 0.4989 tCO2/MWh
    static final Inclusion.Methodology PV = Inclusion.photovoltaic(0.4989, "公告2024年第33号 贵州 2022");

    static Inclusion.Claim claim(String who, String record, double mwh, boolean elsewhere, int row) {
        return new Inclusion.Claim(who, record, LocalDate.of(2024, 3, 31), mwh, "电表 M1 2024-03", elsewhere, row);
    }

    @Test
    void aRooftopsGenerationBecomesPointsByHand() {
        // the factor used is the library's own: Guizhou's 2022 average grid factor
        double shipped = ReferenceLibrary.shipped()
                .resolve(
                        new dev.peakline.reference.FactorKey(
                                dev.peakline.reference.FactorKind.ELECTRICITY, "520000", "average"),
                        LocalDate.of(2022, 6, 30))
                .orElseThrow()
                .value();
        assertThat(shipped).isEqualTo(PV.baselineFactor());
        // 12.5 MWh × 0.4989 t/MWh = 6.236250 t = 6,236.250 kg; at 0.1 point per kg: 623.625 → 623 points (rounded down)
        Inclusion.Issued r = Inclusion.issue(PV, List.of(claim("张三", "M1/2024-03", 12.5, false, 2)), 0.1, Set.of());
        assertThat(r.problems()).isEmpty();
        assertThat(r.issues().get(0).reductionKg()).isEqualByComparingTo("6236.250");
        assertThat(r.issues().get(0).points()).isEqualTo(623);
    }

    @Test
    void noReductionIsCountedTwice() {
        List<Problem> p = Inclusion.issue(
                        PV,
                        List.of(
                                claim("张三", "M1/2024-03", 12.5, false, 2),
                                claim("张三", "M1/2024-03", 12.5, false, 3),
                                claim("李四", "M2/2024-03", 3, true, 4),
                                claim("王五", "M3/2024-02", 4, false, 5)),
                        0.1,
                        Set.of("M3/2024-02"))
                .problems();
        assertThat(p)
                .extracting(Problem::code)
                .containsExactly("inclusion.twice", "inclusion.elsewhere", "inclusion.twice");
        assertThat(p).extracting(Problem::row).containsExactly(3, 4, 5);
    }

    @Test
    void theLedgerSpendsOldestFirstAndExpiresAfterItsMonths() {
        // 623 points on 2024-03-31 and 300 on 2024-09-30, valid 12 months; 500 used on 2024-10-15 (from the March lot:
        // 123 left), so on 2025-04-01 the March lot's 123 have expired on 2025-03-31: balance 300
        Inclusion.Ledger l = Inclusion.ledger(
                "张三",
                List.of(
                        new Inclusion.Entry("张三", LocalDate.of(2024, 3, 31), "ISSUE", 623),
                        new Inclusion.Entry("张三", LocalDate.of(2024, 9, 30), "ISSUE", 300),
                        new Inclusion.Entry("张三", LocalDate.of(2024, 10, 15), "USE", 500)),
                12,
                LocalDate.of(2025, 4, 1));
        assertThat(l.balance()).isEqualTo(300);
        assertThat(l.entries()).extracting(Inclusion.Entry::kind).containsExactly("ISSUE", "ISSUE", "USE", "EXPIRE");
        assertThat(l.entries().get(3).points()).isEqualTo(-123);
        assertThat(l.entries().get(3).date()).isEqualTo(LocalDate.of(2025, 3, 31));
        // a use beyond the balance is refused
        assertThatThrownBy(() -> Inclusion.ledger(
                        "张三",
                        List.of(
                                new Inclusion.Entry("张三", LocalDate.of(2024, 3, 31), "ISSUE", 10),
                                new Inclusion.Entry("张三", LocalDate.of(2024, 4, 1), "USE", 11)),
                        12,
                        LocalDate.of(2024, 5, 1)))
                .hasMessageContaining("holds 10");
    }
}
