package dev.peakline.app.server.dashboard;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.peakline.app.server.security.Scopes;
import dev.peakline.reference.Industry;
import dev.peakline.reference.Region;
import dev.peakline.store.Database;
import dev.peakline.store.ledger.AccountResults;
import dev.peakline.store.ledger.AccountResults.Cell;
import dev.peakline.store.registry.EnterpriseRepository;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The "one network" (一张网) view of a region: its totals, each child region (city or county) with emissions, energy
 * and intensity, the months, the industry mix, the largest emitters and how many enterprises have filed. Every figure is
 * a sum of the current accounting results; the children sum to the region.
 */
@Component
public class Dashboards {
    private final Database db;
    private final EnterpriseRepository enterpriseRepository;
    private final AccountResults accountResults;
    private final Scopes scopes;

    public Dashboards(
            Database db, EnterpriseRepository enterpriseRepository, AccountResults accountResults, Scopes scopes) {
        this.db = db;
        this.enterpriseRepository = enterpriseRepository;
        this.accountResults = accountResults;
        this.scopes = scopes;
    }

    /** Sums of one slice. Emissions in tCO2e, energy in tce, value added in 10⁴ yuan. */
    public record Figures(
            double scope1,
            double scope2,
            double energy,
            double valueAdded,
            int filings,
            int filedEnterprises,
            int enterprises) {
        /** Scope 1 + scope 2 summed over the filed enterprises (enterprise perspective, not the region's emissions). */
        @JsonProperty
        public double emissions() {
            return scope1 + scope2;
        }

        /** tCO2e per 10⁴ yuan of value added (NaN when none was filed). */
        @JsonProperty
        public Double carbonIntensity() {
            return valueAdded > 0 ? emissions() / valueAdded : null;
        }

        /** tce per 10⁴ yuan. */
        @JsonProperty
        public Double energyIntensity() {
            return valueAdded > 0 ? energy / valueAdded : null;
        }

        /** Filed enterprises ÷ registered enterprises. */
        @JsonProperty
        public Double coverage() {
            return enterprises > 0 ? (double) filedEnterprises / enterprises : null;
        }
    }

    public record Slice(String code, String name, Figures figures) {}

    /**
     * One month of the trend: {@code direct} (scope 1) and {@code indirect} (net purchased electricity and heat, scope
     * 2) apart.
     */
    public record Month(String period, Double direct, Double indirect, Double energy, int filings) {
        /**
         * Their sum over filed enterprises: an enterprise-perspective figure, not the region's emissions. Null, like
         * the others, for a month nobody has filed: a gap, never a zero.
         */
        @JsonProperty
        public Double emissions() {
            return direct == null ? null : direct + indirect;
        }
    }

    public record View(
            String region,
            String name,
            String level,
            int year,
            Integer month,
            Figures totals,
            List<Slice> children,
            List<Month> months,
            List<Slice> industries,
            List<AccountResults.EnterpriseSum> top,
            Figures previousYear,
            Figures previousMonth) {
        /**
         * The same view with the figures to compare with: the same span a year before (同比) and, for a month, the
         * month before (环比).
         */
        View compared(Figures previousYear, Figures previousMonth) {
            return new View(
                    region,
                    name,
                    level,
                    year,
                    month,
                    totals,
                    children,
                    months,
                    industries,
                    top,
                    previousYear,
                    previousMonth);
        }
    }

    private static final class Acc {
        double combustion, process, electricity, heat, energy, valueAdded;
        int filings;

        void add(Cell c) {
            combustion += c.combustion();
            process += c.process();
            electricity += c.electricity();
            heat += c.heat();
            energy += c.energy();
            valueAdded += c.valueAdded();
            filings += c.filed();
        }

        Figures figures(int registered, int filedEnterprises) {
            double s1 = combustion + process;
            double s2 = electricity + heat;
            return new Figures(s1, s2, energy, valueAdded, filings, filedEnterprises, registered);
        }
    }

    /** Views computed since the results last changed; approvals and recomputations clear it. */
    private final Map<String, View> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /** Forgets every computed view: the results changed. */
    @org.springframework.context.event.EventListener(dev.peakline.app.server.ledger.AccountsChanged.class)
    public void invalidate() {
        generation.incrementAndGet();
        cache.clear();
        compared.clear();
        json.clear();
    }

    /** The views as the API sends them (JSON, UTF-8), serialised once between changes of the results. */
    private final Map<String, byte[]> json = new java.util.concurrent.ConcurrentHashMap<>();

    /** Counts the changes of the results, so that a view computed across one is not kept. */
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    /**
     * {@link #view} as JSON: a view asked again (the province's year, under many clients) is sent from the bytes kept,
     * without being serialised again.
     */
    public byte[] viewJson(Region region, int year, Integer month, com.fasterxml.jackson.databind.ObjectMapper mapper) {
        String key = region.code().value() + "|" + year + "|" + month;
        byte[] b = json.get(key);
        if (b != null) {
            return b;
        }
        long before = generation.get();
        try {
            b = mapper.writeValueAsBytes(view(region, year, month));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the dashboard view could not be written as JSON", e);
        }
        if (json.size() > 10_000) {
            json.clear();
        }
        if (generation.get() == before) {
            json.put(key, b);
        }
        return b;
    }

    /**
     * The view of a region for a year, or one month of it, with the same span a year before and, for a month, the month
     * before (each computed once between changes of the results).
     */
    public View view(Region region, int year, Integer month) {
        // the whole answer is kept until the results change: a view people open again (the province's year) costs a
        // map lookup, its comparison spans' totals included
        if (compared.size() > 10_000) {
            compared.clear();
        }
        return compared.computeIfAbsent(region.code().value() + "|" + year + "|" + month, k -> {
            View v = base(region, year, month);
            Figures lastYear = totals(region, year - 1, month);
            Figures lastMonth =
                    month == null ? null : month == 1 ? totals(region, year - 1, 12) : totals(region, year, month - 1);
            return v.compared(lastYear, lastMonth);
        });
    }

    /** Views with their comparisons, computed since the results last changed. */
    private final Map<String, View> compared = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The totals of a span alone (the comparison of 同比 and 环比): from the view when it was computed, else summed in
     * the database from the span's cube, without the children, industries and emitters a whole view needs.
     */
    private Figures totals(Region region, int year, Integer month) {
        View known = cache.get(region.code().value() + "|" + year + "|" + month);
        if (known != null) {
            return known.totals();
        }
        List<String> subtree = scopes.subtree(region.code().value());
        String span =
                month == null ? String.valueOf(year) : YearMonth.of(year, month).toString();
        Acc acc = new Acc();
        acc.add(accountResults.cubeTotal(subtree, span));
        int registered = enterpriseRepository.countByRegion(subtree).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        int filed = accountResults.filedEnterprises(subtree, span).values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        return acc.figures(registered, filed);
    }

    private View base(Region region, int year, Integer month) {
        if (cache.size() > 10_000) {
            cache.clear();
        }
        return cache.computeIfAbsent(
                region.code().value() + "|" + year + "|" + month, k -> compute(region, year, month));
    }

    private View compute(Region region, int year, Integer month) {
        String root = region.code().value();
        List<String> subtree = scopes.subtree(root);
        List<Cell> cube = accountResults.cube(subtree, year);
        Map<String, String> childOf = new HashMap<>();
        Map<String, Acc> children = new LinkedHashMap<>();
        for (Region c : scopes.registry().children(region.code())) {
            children.put(c.code().value(), new Acc());
            for (String r : scopes.subtree(c.code().value())) {
                childOf.put(r, c.code().value());
            }
        }
        Acc total = new Acc();
        Map<String, Acc> industries = new HashMap<>();
        Map<YearMonth, Acc> months = new java.util.TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            months.put(YearMonth.of(year, m), new Acc());
        }
        for (Cell c : cube) {
            months.get(c.period()).add(c);
            if (month != null && c.period().getMonthValue() != month) {
                continue;
            }
            total.add(c);
            String child = childOf.get(c.region());
            if (child != null) {
                children.get(child).add(c);
            }
            industries.computeIfAbsent(division(c.industry()), k -> new Acc()).add(c);
        }
        String span =
                month == null ? String.valueOf(year) : YearMonth.of(year, month).toString();
        Map<String, int[]> counts = counts(subtree, span);
        int[] all = new int[2];
        Map<String, int[]> byChild = new HashMap<>();
        counts.forEach((r, n) -> {
            all[0] += n[0];
            all[1] += n[1];
            String child = childOf.get(r);
            if (child != null) {
                int[] x = byChild.computeIfAbsent(child, k -> new int[2]);
                x[0] += n[0];
                x[1] += n[1];
            }
        });
        List<Slice> childSlices = new ArrayList<>();
        children.forEach((code, acc) -> {
            int[] n = byChild.getOrDefault(code, new int[2]);
            childSlices.add(new Slice(
                    code, scopes.registry().region(code).map(Region::name).orElse(code), acc.figures(n[0], n[1])));
        });
        // ranked by direct emissions: summing enterprises' scope 2 would count a power plant's emissions twice
        childSlices.sort(Comparator.comparingDouble((Slice s) -> -s.figures().scope1()));
        List<Slice> industrySlices = new ArrayList<>();
        industries.forEach((code, acc) -> industrySlices.add(new Slice(
                code, scopes.registry().industry(code).map(Industry::name).orElse(code), acc.figures(0, 0))));
        industrySlices.sort(Comparator.comparingDouble((Slice s) -> -s.figures().scope1()));
        List<Month> monthList = new ArrayList<>();
        months.forEach((p, acc) -> {
            Figures f = acc.figures(0, 0);
            monthList.add(
                    f.filings() == 0
                            ? new Month(p.toString(), null, null, null, 0)
                            : new Month(p.toString(), f.scope1(), f.scope2(), f.energy(), f.filings()));
        });
        return new View(
                root,
                region.name(),
                region.level().name(),
                year,
                month,
                total.figures(all[0], all[1]),
                childSlices,
                monthList,
                industrySlices,
                accountResults.enterprises(subtree, span, "", 10),
                null,
                null);
    }

    /**
     * One region's top-down figures (its statistics: CO2 from energy, energy consumption) beside the bottom-up sums of
     * its filed enterprises (direct emissions, scope 1; energy), in t CO2 and tce.
     */
    public record Gap(
            String code,
            String name,
            Double topDownCo2,
            double bottomUpDirect,
            Double topDownEnergy,
            double bottomUpEnergy,
            int filedEnterprises,
            int enterprises) {
        /** Bottom-up ÷ top-down CO2: the share of the region's emissions its filed enterprises explain. */
        @JsonProperty
        public Double coverage() {
            return topDownCo2 == null || topDownCo2 <= 0 ? null : bottomUpDirect / topDownCo2;
        }

        /** Top-down minus bottom-up CO2: what the filed enterprises do not explain. */
        @JsonProperty
        public Double gap() {
            return topDownCo2 == null ? null : topDownCo2 - bottomUpDirect;
        }
    }

    /** The region and its children, the children with the largest gap first. */
    public record Comparison(String region, int year, Gap total, List<Gap> children) {}

    /** Top-down (region statistics) beside bottom-up (the dashboard's direct emissions) for a region-year. */
    public Comparison inventory(Region region, int year, List<dev.peakline.targets.RegionStatistics> statistics) {
        View v = base(region, year, null);
        Map<String, dev.peakline.targets.RegionStatistics> stats = new HashMap<>();
        for (var s : statistics) {
            if (s.year() == year) {
                stats.put(s.region(), s);
            }
        }
        java.util.function.BiFunction<Slice, String, Gap> gap = (sl, code) -> {
            var st = stats.get(code);
            Figures f = sl.figures();
            return new Gap(
                    code,
                    sl.name(),
                    st == null ? null : st.co2(),
                    f.scope1(),
                    st == null ? null : st.energyTce(),
                    f.energy(),
                    f.filedEnterprises(),
                    f.enterprises());
        };
        Gap total = gap.apply(new Slice(v.region(), v.name(), v.totals()), v.region());
        List<Gap> kids = new ArrayList<>(
                v.children().stream().map(c -> gap.apply(c, c.code())).toList());
        kids.sort(Comparator.comparing((Gap g) -> g.gap() == null ? Double.NEGATIVE_INFINITY : g.gap())
                .reversed());
        return new Comparison(v.region(), year, total, kids);
    }

    /** The GB/T 4754 division (two digits) of an industry code, or the code when it is a section. */
    static String division(String industry) {
        return industry.length() >= 2 && Character.isDigit(industry.charAt(0)) ? industry.substring(0, 2) : industry;
    }

    /** Per region of the subtree: registered enterprises and those with a current result in the span. */
    private Map<String, int[]> counts(List<String> subtree, String span) {
        Map<String, Integer> filed = accountResults.filedEnterprises(subtree, span);
        Map<String, int[]> out = new HashMap<>();
        enterpriseRepository
                .countByRegion(subtree)
                .forEach((r, n) -> out.put(r, new int[] {n, filed.getOrDefault(r, 0)}));
        return out;
    }

    /** Industry code check for filters: a section letter or 2–4 digits known to the registry. */
    public boolean knownIndustry(String code) {
        return code.isEmpty() || scopes.registry().industry(code).isPresent();
    }
}
