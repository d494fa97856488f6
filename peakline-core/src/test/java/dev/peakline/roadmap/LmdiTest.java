package dev.peakline.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LMDI-I (Ang 2005, eqs. 4–5) by hand: two sectors, activity × intensity, and the zero-value limits. */
class LmdiTest {
    static List<Lmdi.Value> values(Object... rows) {
        List<Lmdi.Value> out = new ArrayList<>();
        for (int i = 0; i < rows.length; i += 4) {
            out.add(new Lmdi.Value(
                    (Integer) rows[i],
                    (String) rows[i + 1],
                    (String) rows[i + 2],
                    ((Number) rows[i + 3]).doubleValue(),
                    i / 4 + 2));
        }
        return out;
    }

    static Lmdi.Effect effect(Lmdi.Result r, int from, String factor) {
        return r.effects().stream()
                .filter(e -> e.fromYear() == from && e.factor().equals(factor))
                .findFirst()
                .orElseThrow();
    }

    /**
     * Two sectors, activity × intensity: sector 1 is 100 × 2 in 2020 and {@code s1Activity2021} × 2 in 2021, sector 2
     * {@code s2Activity2020} × 4 in 2020 and 50 × 3 in 2021.
     */
    static Lmdi.Result twoSectors(double s1Activity2021, double s2Activity2020) {
        return Lmdi.decompose(
                "test",
                values(
                        2020,
                        "s1",
                        "activity",
                        100,
                        2020,
                        "s1",
                        "intensity",
                        2,
                        2020,
                        "s2",
                        "activity",
                        s2Activity2020,
                        2020,
                        "s2",
                        "intensity",
                        4,
                        2021,
                        "s1",
                        "activity",
                        s1Activity2021,
                        2021,
                        "s1",
                        "intensity",
                        2,
                        2021,
                        "s2",
                        "activity",
                        50,
                        2021,
                        "s2",
                        "intensity",
                        3));
    }

    @Test
    void twoSectorsActivityAndIntensity() {
        // 2020: sector 1 = 100 × 2 = 200, sector 2 = 50 × 4 = 200, V⁰ = 400
        // 2021: sector 1 = 120 × 2 = 240, sector 2 = 50 × 3 = 150, Vᵀ = 390; ΔV = −10, D = 0.975
        Lmdi.Result r = twoSectors(120, 50);
        assertThat(r.problems()).isEmpty();
        // ΔV_activity = L(240, 200) ln(120/100) + L(150, 200) ln(50/50) = (40 / ln 1.2) × ln 1.2 + 0 = 40
        assertThat(effect(r, 2020, "activity").additive()).isCloseTo(40, within(1e-9));
        // ΔV_intensity = L(240, 200) ln(2/2) + L(150, 200) ln(3/4) = 0 + (−50 / ln 0.75) × ln 0.75 = −50
        assertThat(effect(r, 2020, "intensity").additive()).isCloseTo(-50, within(1e-9));
        // D_activity = exp(40 / L(390, 400)), L(390, 400) = −10 / ln 0.975 → exp(−4 ln 0.975) = 0.975⁻⁴ = 1.106540…
        assertThat(effect(r, 2020, "activity").multiplicative()).isCloseTo(Math.pow(0.975, -4), within(1e-12));
        // D_intensity = exp(−50 / L(390, 400)) = 0.975⁵ = 0.881086…
        assertThat(effect(r, 2020, "intensity").multiplicative()).isCloseTo(Math.pow(0.975, 5), within(1e-12));
        // the total: ΔV = −10 = 40 − 50, D = 0.975 = 0.975⁻⁴ × 0.975⁵
        assertThat(effect(r, 2020, "TOTAL").additive()).isEqualTo(-10);
        assertThat(effect(r, 2020, "TOTAL").multiplicative()).isCloseTo(0.975, within(1e-15));
        assertThat(effect(r, 2020, "activity").multiplicative()
                        * effect(r, 2020, "intensity").multiplicative())
                .isCloseTo(0.975, within(1e-12));
    }

    @Test
    void aZeroTakesTheAnalyticalLimit() {
        // sector 2 has no activity in 2020 (0 × 4 = 0) and 50 × 3 = 150 in 2021: its whole change, +150, is activity's
        Lmdi.Result r = twoSectors(100, 0);
        assertThat(effect(r, 2020, "activity").additive()).isCloseTo(150, within(1e-9));
        assertThat(effect(r, 2020, "intensity").additive()).isCloseTo(0, within(1e-9));
        // V: 200 → 350; D_activity = exp(150 / L(350, 200)) = exp(ln 1.75) = 1.75, D_intensity = 1
        assertThat(effect(r, 2020, "activity").multiplicative()).isCloseTo(1.75, within(1e-12));
        assertThat(effect(r, 2020, "intensity").multiplicative()).isCloseTo(1, within(1e-12));
        // the small-value substitution converges to the same: δ = 1e-12 for the zero
        Lmdi.Result small = twoSectors(100, 1e-12);
        assertThat(effect(small, 2020, "activity").additive()).isCloseTo(150, within(0.05 * 150));
    }

    @Test
    void badInputIsNamedAndNothingIsComputed() {
        Lmdi.Result r = Lmdi.decompose(
                "f.csv",
                values(
                        2020,
                        "s1",
                        "activity",
                        -1,
                        2020,
                        "s1",
                        "intensity",
                        2,
                        2022,
                        "s1",
                        "activity",
                        1,
                        2022,
                        "s1",
                        "intensity",
                        2,
                        2022,
                        "s1",
                        "intensity",
                        3));
        assertThat(r.effects()).isEmpty();
        assertThat(r.problems()).extracting(p -> p.code()).contains("lmdi.negative", "lmdi.duplicate", "lmdi.gap");
        assertThat(r.problems().get(0).row()).isEqualTo(2);

        // an absurd magnitude (1e300 would overflow a product) and a year outside 1949–2100 are named too
        Lmdi.Result absurd = Lmdi.decompose(
                "f.csv", values(2020, "s1", "activity", 1e300, 1900, "s1", "activity", 1, 2021, "s1", "activity", 2));
        assertThat(absurd.effects()).isEmpty();
        assertThat(absurd.problems()).extracting(p -> p.code()).contains("lmdi.absurd", "lmdi.year");
    }
}
