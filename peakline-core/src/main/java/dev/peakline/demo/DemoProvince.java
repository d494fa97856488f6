package dev.peakline.demo;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A generated Guizhou province (DEMO.md): real GB/T 2260 divisions, the seeds' industrial parks, and enterprises in
 * the seeds' industries with plausible monthly energy, process, production and value-added data. Deterministic for a
 * seed and scale; the scale multiplies the number of enterprises of every profile, not the province's shape. Names
 * are obviously fictitious; credit codes are valid per GB 32100.
 */
public final class DemoProvince {
    /** A park (园区) named after the seeds' clusters. */
    public record Park(String code, String name, RegionCode region) {}

    /** A generated enterprise. */
    public record Enterprise(
            int index,
            CreditCode code,
            String name,
            RegionCode region,
            IndustryCode industry,
            String park,
            String profile,
            double capacity,
            boolean keyUnit) {}

    /** Receives what the generator makes, in a deterministic order. */
    public interface Sink {
        void enterprise(Enterprise e);

        void activity(Enterprise e, YearMonth period, String carrier, Use use, double quantity, Unit unit);

        void process(Enterprise e, YearMonth period, String process, double tonnes, Map<String, String> parameters);

        void production(Enterprise e, YearMonth period, String product, double tonnes);

        void output(Enterprise e, YearMonth period, double valueAdded10kYuan);
    }

    public static final List<Park> PARKS = List.of(
            new Park("P01", "清镇铝工业园区", RegionCode.of("520181")),
            new Park("P02", "务正道铝工业园区", RegionCode.of("520326")),
            new Park("P03", "遵义钛工业园区", RegionCode.of("520303")),
            new Park("P04", "赫章铅锌产业园", RegionCode.of("520527")),
            new Park("P05", "都匀铅锌产业园", RegionCode.of("522701")),
            new Park("P06", "贞丰黄金产业园", RegionCode.of("522325")),
            new Park("P07", "瓮安—福泉磷化工园区", RegionCode.of("522725")),
            new Park("P08", "贵安数据中心集聚区", RegionCode.of("520111")));

    private static final List<String> CITIES_COUNTIES = List.of(
            "520102", "520111", "520181", "520201", "520203", "520303", "520324", "520402", "520502", "520527",
            "520602", "522301", "522325", "522601", "522701", "522702", "522725");

    private final long seed;
    private final double scale;
    private final int fromYear;
    private final int toYear;
    /** Where enterprises outside the parks are placed; the seeds' parks are used only for Guizhou's own list. */
    private final List<String> counties;

    private final boolean parks;

    /**
     * @param scale enterprises per profile = max(1, round(base × scale)); scale 1 gives about 600 enterprises
     * @param fromYear first year generated; @param toYear last year (inclusive)
     */
    public DemoProvince(long seed, double scale, int fromYear, int toYear) {
        this(seed, scale, fromYear, toYear, CITIES_COUNTIES, true);
    }

    /**
     * A province of the national population ({@link NationalPopulation}): the same profiles, every enterprise in one of
     * the given divisions (no parks).
     */
    DemoProvince(long seed, double scale, int fromYear, int toYear, List<String> counties, boolean parks) {
        if (!(scale > 0) || toYear < fromYear || counties.isEmpty()) {
            throw new IllegalArgumentException("scale must be positive and years ordered");
        }
        this.seed = seed;
        this.scale = scale;
        this.fromYear = fromYear;
        this.toYear = toYear;
        this.counties = List.copyOf(counties);
        this.parks = parks;
    }

    /** Enterprises at scale 1: Σ of the profiles' base counts. */
    static int baseEnterprises() {
        return Profile.ALL.stream().mapToInt(Profile::base).sum();
    }

    /** Generates everything into the sink. */
    public void generate(Sink sink) {
        int index = 0;
        for (Profile p : Profile.ALL) {
            int n = Math.max(1, (int) Math.round(p.base() * scale));
            for (int k = 0; k < n; k++) {
                SplittableRandom rnd = new SplittableRandom(seed * 1_000_003L + index);
                Enterprise e = enterprise(index++, k, p, rnd);
                sink.enterprise(e);
                // a few enterprises file late or miss a month, so validation and warnings have something to show
                int missingMonth = rnd.nextInt(40) == 0 ? 1 + rnd.nextInt(12) : 0;
                for (int y = fromYear; y <= toYear; y++) {
                    for (int m = 1; m <= 12; m++) {
                        if (m == missingMonth && y == toYear) {
                            continue;
                        }
                        p.month(e, YearMonth.of(y, m), rnd, sink);
                    }
                }
            }
        }
    }

    private Enterprise enterprise(int index, int k, Profile p, SplittableRandom rnd) {
        String region = parks && p.park() != null ? parkRegion(p.park()) : counties.get(rnd.nextInt(counties.size()));
        double capacity = p.minCapacity() + rnd.nextDouble() * (p.maxCapacity() - p.minCapacity());
        String org = orgCode(rnd);
        String first17 = "91" + region + org;
        CreditCode code = CreditCode.of(first17 + CreditCode.checkCharacter(first17));
        String name = "示例" + p.namePrefix() + (k + 1) + "号" + p.nameSuffix();
        return new Enterprise(
                index,
                code,
                name,
                RegionCode.of(region),
                IndustryCode.of(p.industryFor(index)),
                parks ? p.park() : null,
                p.id(),
                capacity,
                p.key());
    }

    private static String parkRegion(String park) {
        return PARKS.stream()
                .filter(x -> x.code().equals(park))
                .findFirst()
                .orElseThrow()
                .region()
                .value();
    }

    private static String orgCode(SplittableRandom rnd) {
        String cs = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder sb = new StringBuilder(9);
        for (int i = 0; i < 9; i++) {
            sb.append(cs.charAt(i < 8 ? rnd.nextInt(cs.length()) : rnd.nextInt(10)));
        }
        return sb.toString();
    }
}
