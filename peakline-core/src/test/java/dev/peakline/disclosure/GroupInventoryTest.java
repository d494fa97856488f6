package dev.peakline.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupInventoryTest {
    @Test
    void aGroupsInventoryByEquityShareByHand() {
        // the root owns 60 % of A (a subsidiary), and A half of a joint venture J
        List<Consolidation.Holding> h = List.of(
                new Consolidation.Holding("", "R", 1, "full", 2),
                new Consolidation.Holding("R", "A", 0.6, "full", 3),
                new Consolidation.Holding("A", "J", 0.5, "joint", 4));
        Map<String, Double> equity =
                Consolidation.consolidate("o.csv", h, "equity").fractions();
        Map<String, GroupInventory.Figures> f = new LinkedHashMap<>();
        f.put("R", new GroupInventory.Figures(1000, 500, 800, 10_000, 12));
        f.put("A", new GroupInventory.Figures(2000, 1000, 1500, 5000, 12));
        f.put("J", new GroupInventory.Figures(4000, 0, 2000, 2000, 12));
        // scope 1 = 1,000 + 0.6 × 2,000 + 0.3 × 4,000 = 3,400; scope 2 = 500 + 600 + 0 = 1,100;
        // value added = 10,000 + 3,000 + 600 = 13,600 万元; intensity = 4,500 / 13,600 = 0.330882 t/万元
        GroupInventory.Year y = GroupInventory.year(2024, equity, f);
        assertThat(y.total().scope1()).isCloseTo(3400, within(1e-9));
        assertThat(y.total().scope2()).isCloseTo(1100, within(1e-9));
        assertThat(y.intensity()).isCloseTo(4500.0 / 13_600, within(1e-12));
        // by financial control J counts at its 50 %: scope 1 = 1,000 + 2,000 + 2,000 = 5,000
        GroupInventory.Year fc = GroupInventory.year(
                2024, Consolidation.consolidate("o.csv", h, "financial-control").fractions(), f);
        assertThat(fc.total().scope1()).isCloseTo(5000, within(1e-9));
        // a base year with 10 % more in every entity: the change is 4,500 / 4,950 − 1 = −9.09 %
        Map<String, GroupInventory.Figures> base = new LinkedHashMap<>();
        f.forEach((k, v) -> base.put(
                k, new GroupInventory.Figures(v.scope1() * 1.1, v.scope2() * 1.1, v.energy(), v.valueAdded(), 12)));
        assertThat(GroupInventory.change(y, GroupInventory.year(2020, equity, base)))
                .isCloseTo(1 / 1.1 - 1, within(1e-12));
    }
}
