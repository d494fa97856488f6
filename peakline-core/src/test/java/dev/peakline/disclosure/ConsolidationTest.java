package dev.peakline.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.problems.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A group worked by the Corporate Standard's table of accounting categories: a wholly owned plant, a 60 % subsidiary,
 * the subsidiary's 50 % joint venture, a 30 % associate, a 10 % investment.
 */
class ConsolidationTest {
    static final List<Consolidation.Holding> GROUP = List.of(
            new Consolidation.Holding("", "集团", 1, "full", 2),
            new Consolidation.Holding("集团", "全资电厂", 1, "full", 3),
            new Consolidation.Holding("集团", "控股铝业", 0.6, "full", 4),
            new Consolidation.Holding("控股铝业", "合营碳素", 0.5, "joint", 5),
            new Consolidation.Holding("集团", "参股水泥", 0.3, "significant", 6),
            new Consolidation.Holding("集团", "财务投资", 0.1, "none", 7));

    static Map<String, Double> f(String approach) {
        Consolidation.Result r = Consolidation.consolidate("o.csv", GROUP, approach);
        assertThat(r.problems()).isEmpty();
        return r.fractions();
    }

    @Test
    void eachApproachByHand() {
        // equity: 1, 1, 0.6, 0.6 × 0.5 = 0.3, 0.3, 0 (an investment without influence)
        Map<String, Double> eq = f("equity");
        assertThat(eq.get("全资电厂")).isEqualTo(1);
        assertThat(eq.get("控股铝业")).isEqualTo(0.6);
        assertThat(eq.get("合营碳素")).isCloseTo(0.3, within(1e-15));
        assertThat(eq.get("参股水泥")).isEqualTo(0.3);
        assertThat(eq.get("财务投资")).isEqualTo(0);
        // financial control: subsidiaries 100 %, the joint venture its share (1 × 0.5), associates and investments 0
        Map<String, Double> fc = f("financial-control");
        assertThat(fc.get("控股铝业")).isEqualTo(1);
        assertThat(fc.get("合营碳素")).isEqualTo(0.5);
        assertThat(fc.get("参股水泥")).isEqualTo(0);
        // operational control: what the group operates, whole; the joint venture and the rest not
        Map<String, Double> oc = f("operational-control");
        assertThat(oc.get("控股铝业")).isEqualTo(1);
        assertThat(oc.get("合营碳素")).isEqualTo(0);
        assertThat(oc.get("集团")).isEqualTo(1);
    }

    @Test
    void anEntityHeldThroughTwoParentsAddsBothPaths() {
        // 20 % directly and 30 % through the wholly owned plant: 0.2 + 1 × 0.3 = 0.5 of equity
        List<Consolidation.Holding> g = new java.util.ArrayList<>(GROUP);
        g.add(new Consolidation.Holding("集团", "煤矿", 0.2, "significant", 8));
        g.add(new Consolidation.Holding("全资电厂", "煤矿", 0.3, "significant", 9));
        assertThat(Consolidation.consolidate("o.csv", g, "equity").fractions().get("煤矿"))
                .isCloseTo(0.5, within(1e-15));
    }

    @Test
    void badTreesAreRefusedByRow() {
        List<Problem> p = Consolidation.consolidate(
                        "o.csv",
                        List.of(
                                new Consolidation.Holding("", "A", 1, "full", 2),
                                new Consolidation.Holding("A", "B", 60, "full", 3),
                                new Consolidation.Holding("A", "C", 0.5, "partial", 4),
                                new Consolidation.Holding("X", "D", 0.5, "full", 5),
                                new Consolidation.Holding("", "E", 1, "full", 6)),
                        "equity")
                .problems();
        assertThat(p)
                .extracting(Problem::code)
                .contains("consolidate.share", "consolidate.control", "consolidate.parent", "consolidate.root");
        assertThat(p.stream()
                        .filter(x -> x.code().equals("consolidate.share"))
                        .findFirst()
                        .orElseThrow()
                        .message())
                .contains("write 0.6 for 60.0 %");
        List<Problem> cycle = Consolidation.consolidate(
                        "o.csv",
                        List.of(
                                new Consolidation.Holding("", "A", 1, "full", 2),
                                new Consolidation.Holding("A", "B", 0.5, "full", 3),
                                new Consolidation.Holding("B", "C", 0.5, "full", 4),
                                new Consolidation.Holding("C", "B", 0.5, "full", 5)),
                        "equity")
                .problems();
        assertThat(cycle).extracting(Problem::code).containsExactly("consolidate.cycle");
    }
}
