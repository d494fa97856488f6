package dev.peakline.demo;

import dev.peakline.reference.Region;
import dev.peakline.reference.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A generated national population for load tests (docs/scale.md): the 31 province-level divisions of GB/T 2260 with
 * their real counties, {@value #ENTERPRISES} industrial enterprises above designated size at 1/N, spread over the
 * provinces in proportion to their county-level divisions and within each province over its counties at random, every
 * province with the demo's profiles in the demo's shares (DEMO.md). The spread is a stand-in for the yearbook's
 * provincial counts, which are not shipped: it gives the engine the nation's volume and divisions, not its statistics.
 */
public final class NationalPopulation {
    /** Industrial enterprises above designated size in China, the round figure. */
    public static final int ENTERPRISES = 470_000;

    private final long seed;
    private final int divisor;
    private final int fromYear;
    private final int toYear;
    private final Map<String, List<String>> counties;

    /**
     * @param divisor N: the population is 1/N of the national count
     */
    public NationalPopulation(long seed, int divisor, int fromYear, int toYear, Registry registry) {
        if (divisor < 1 || toYear < fromYear) {
            throw new IllegalArgumentException("the scale must be a whole number ≥ 1 and the years ordered");
        }
        this.seed = seed;
        this.divisor = divisor;
        this.fromYear = fromYear;
        this.toYear = toYear;
        Map<String, List<String>> byProvince = new TreeMap<>();
        for (Region r : registry.regions().values()) {
            if (r.level() == Region.Level.COUNTY) {
                byProvince
                        .computeIfAbsent(r.code().value().substring(0, 2) + "0000", k -> new ArrayList<>())
                        .add(r.code().value());
            }
        }
        byProvince.values().forEach(l -> l.sort(null));
        this.counties = byProvince;
    }

    /** The province-level divisions and their counties, in code order. */
    public Map<String, List<String>> provinces() {
        return counties;
    }

    /** The enterprises a province gets (before the demo's at-least-one-per-profile rounding). */
    public double enterprises(String province) {
        int all = counties.values().stream().mapToInt(List::size).sum();
        return (double) ENTERPRISES / divisor * counties.get(province).size() / all;
    }

    public void generate(DemoProvince.Sink sink) {
        for (Map.Entry<String, List<String>> p : counties.entrySet()) {
            double scale = enterprises(p.getKey()) / DemoProvince.baseEnterprises();
            new DemoProvince(seed * 31 + Integer.parseInt(p.getKey()), scale, fromYear, toYear, p.getValue(), false)
                    .generate(sink);
        }
    }
}
