package dev.peakline.footprint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.problems.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A product system with a loop, solved by hand. */
class ProductSystemTest {
    static ProductSystem.Exchange x(String process, String flow, double amount, String unit, String type, int row) {
        return new ProductSystem.Exchange(process, flow, amount, unit, type, row);
    }

    /** A power plant (1 kWh; burns 0.1 kg coal, emits 0.9 kg CO2) and a mine (1 kg coal; uses 0.05 kWh, 0.02 kg CO2, 0.001 kg CH4). */
    static final List<ProductSystem.Exchange> LOOP = List.of(
            x("power", "electricity", 1, "kWh", "product", 2),
            x("power", "coal", 0.1, "kg", "input", 3),
            x("power", "CO2", 0.9, "kg", "elementary", 4),
            x("mine", "coal", 1, "kg", "product", 5),
            x("mine", "electricity", 0.05, "kWh", "input", 6),
            x("mine", "CO2", 0.02, "kg", "elementary", 7),
            x("mine", "CH4", 0.001, "kg", "elementary", 8));

    @Test
    void aLoopIsSolvedExactly() {
        ProductSystem.Built b = ProductSystem.build("x.csv", LOOP);
        assertThat(b.problems()).isEmpty();
        // A = [[1, −0.05], [−0.1, 1]], f = (1000, 0): s_power − 0.05 s_mine = 1000, s_mine = 0.1 s_power →
        // s_power = 1000 / 0.995 = 1005.025126 kWh, s_mine = 100.502513 kg
        ProductSystem.Result r =
                b.system().solve("electricity", 1000, Map.of("GWP100", Map.of("CO2", 1.0, "CH4", 27.0)));
        assertThat(r.scaling()[0]).isCloseTo(1000 / 0.995, within(1e-9));
        assertThat(r.scaling()[1]).isCloseTo(100 / 0.995, within(1e-9));
        // CO2 = 0.9 × 1005.025126 + 0.02 × 100.502513 = 904.522613 + 2.010050 = 906.532663 kg; CH4 0.100503 kg × 27
        // = 2.713568; GWP 909.246231 kg CO2e, of which the plant 904.522613 and the mine 4.723618
        assertThat(r.inventory().get("CO2")).isCloseTo(906.532663, within(1e-6));
        assertThat(r.total().get("GWP100")).isCloseTo(900 / 0.995 + 2 / 0.995 + 2.7 / 0.995, within(1e-9));
        assertThat(r.direct().get("GWP100")[0]).isCloseTo(900 / 0.995, within(1e-9));
        assertThat(r.direct().get("GWP100")[1]).isCloseTo(4.7 / 0.995, within(1e-9));
        // the same system gives the same bits every time
        ProductSystem.Result again =
                b.system().solve("electricity", 1000, Map.of("GWP100", Map.of("CO2", 1.0, "CH4", 27.0)));
        assertThat(Double.doubleToRawLongBits(again.total().get("GWP100")))
                .isEqualTo(Double.doubleToRawLongBits(r.total().get("GWP100")));
    }

    @Test
    void badSystemsAreRefusedByRow() {
        List<Problem> p = ProductSystem.build(
                        "x.csv",
                        List.of(
                                x("power", "electricity", 1, "kWh", "product", 2),
                                x("power", "steel", 2, "kg", "input", 3),
                                x("power", "coal", 0.1, "t", "input", 4),
                                x("mine", "coal", 1, "kg", "product", 5),
                                x("mine2", "coal", 1, "kg", "product", 6),
                                x("idle", "CO2", 1, "kg", "elementary", 7)))
                .problems();
        // steel has no provider (row 3), coal is in t on row 4 and kg on row 5, coal has two providers (row 6), idle
        // has no
        // reference output (row 7)
        assertThat(p).extracting(Problem::row).contains(3, 5, 6, 7);
        assertThat(p).extracting(Problem::code).contains("footprint.provider", "footprint.unit", "footprint.reference");
        // two processes that exactly cancel: singular
        ProductSystem s = ProductSystem.build(
                        "x.csv",
                        List.of(
                                x("a", "p", 1, "kg", "product", 2),
                                x("a", "q", 1, "kg", "input", 3),
                                x("b", "q", 1, "kg", "product", 4),
                                x("b", "p", 1, "kg", "input", 5)))
                .system();
        assertThatThrownBy(() -> s.solve("p", 1, Map.of())).hasMessageContaining("singular");
    }
}
