package dev.peakline.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.domain.Use;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalPopulationTest {
    final NationalPopulation n = new NationalPopulation(
            7, 1000, 2024, 2024, ReferenceLibrary.shipped().registry());

    @Test
    void thirtyOneProvincesWithTheirCountiesAndTheirShare() {
        assertThat(n.provinces()).hasSize(31).containsKeys("110000", "520000", "650000");
        // GB/T 2260 as shipped: 2,975 county-level divisions, 88 of them in Guizhou, 16 in Beijing
        assertThat(n.provinces().values().stream()
                        .mapToInt(java.util.List::size)
                        .sum())
                .isEqualTo(2975);
        assertThat(n.provinces().get("520000")).hasSize(88);
        // Guizhou's share at 1/1000: 470,000 ÷ 1,000 × 88 ÷ 2,975 = 13.9025…
        assertThat(n.enterprises("520000")).isCloseTo(470.0 * 88 / 2975, within(1e-9));
        assertThat(n.enterprises("110000")).isCloseTo(470.0 * 16 / 2975, within(1e-9));
    }

    @Test
    void everyEnterpriseIsInOneOfItsProvincesCountiesAndTheSameSeedGivesTheSamePopulation() {
        Map<String, String> regionOf = new HashMap<>();
        Set<String> provinces = new HashSet<>();
        long[] lines = new long[2];
        DemoProvince.Sink sink = new DemoProvince.Sink() {
            public void enterprise(DemoProvince.Enterprise e) {
                assertThat(regionOf.put(e.code().value(), e.region().value())).isNull();
                assertThat(e.park()).isNull();
                String p = e.region().value().substring(0, 2) + "0000";
                assertThat(n.provinces().get(p)).contains(e.region().value());
                assertThat(e.code().value().substring(2, 8))
                        .isEqualTo(e.region().value());
                provinces.add(p);
            }

            public void activity(DemoProvince.Enterprise e, YearMonth p, String c, Use u, double q, Unit unit) {
                lines[0]++;
                lines[1] += Double.doubleToLongBits(q) % 1000;
            }

            public void process(DemoProvince.Enterprise e, YearMonth p, String pr, double t, Map<String, String> x) {}

            public void production(DemoProvince.Enterprise e, YearMonth p, String product, double t) {}

            public void output(DemoProvince.Enterprise e, YearMonth p, double v) {}
        };
        n.generate(sink);
        assertThat(provinces).hasSize(31);
        // at least one enterprise of every profile in each province: more than 470,000 ÷ 1,000
        assertThat(regionOf.size()).isGreaterThan(470);
        long[] first = lines.clone();
        lines[0] = 0;
        lines[1] = 0;
        regionOf.clear();
        n.generate(sink);
        assertThat(lines).isEqualTo(first);
    }

    @Test
    void refusesAScaleThatIsNotAWholeDivisor() {
        assertThatThrownBy(() -> new NationalPopulation(
                        1, 0, 2024, 2024, ReferenceLibrary.shipped().registry()))
                .hasMessageContaining("whole number");
    }
}
