package dev.peakline.accounting;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.OutputRecord;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.ProductionRecord;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.problems.Problem;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.units.Dimension;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * 碳排放核算: accounts enterprise-months from activity, process, production and output records with a reference
 * library and options. It is handed data and returns results or the problems that prevent them; it never reads a
 * database or file itself.
 */
public final class AccountingEngine {
    private final ReferenceLibrary library;
    private final AccountingOptions options;
    private final int threads;

    public AccountingEngine(ReferenceLibrary library, AccountingOptions options, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.library = library;
        this.options = options;
        this.threads = threads;
    }

    public AccountingEngine(ReferenceLibrary library, AccountingOptions options) {
        this(library, options, Runtime.getRuntime().availableProcessors());
    }

    /** Either a result or the problems that stopped it (never both). */
    public record Run(AccountingResult result, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private record Enterprise(RegionCode region, IndustryCode industry, int row) {}

    /** What a line's factor row and unit check depend on when it carries no measured values. */
    private record LineKey(
            String carrier,
            dev.peakline.units.Unit unit,
            Use use,
            RegionCode region,
            IndustryCode industry,
            YearMonth period) {}

    public Run account(AccountingInput in) {
        String src = in.sourceName();
        List<Problem> problems = new ArrayList<>();
        ActivityColumns cols = in.activity() instanceof ActivityColumns c ? c : null;
        Map<CreditCode, Enterprise> seen =
                cols != null ? enterprises(cols, src, problems) : enterprises(in, src, problems);
        TreeMap<CreditCode, Enterprise> enterprises = new TreeMap<>(seen);
        for (Enterprise en : enterprises.values()) {
            if (library.registry().region(en.region()).isEmpty()) {
                problems.add(Problem.at(
                        "region.unknown",
                        src,
                        en.row(),
                        "region",
                        "'" + en.region() + "' is not a GB/T 2260 region code"));
            }
            var ind = library.registry().industries().get(en.industry());
            if (ind == null) {
                problems.add(Problem.at(
                        "industry.unknown",
                        src,
                        en.row(),
                        "industry",
                        "'" + en.industry() + "' is not a GB/T 4754-2017 code"));
            }
        }
        Map<CreditCode, Integer> ordinal = new HashMap<>();
        for (CreditCode c : enterprises.keySet()) {
            ordinal.put(c, ordinal.size());
        }

        FactorTable table = new FactorTable(library, options);
        int[] rows = cols != null ? rows(cols, table, src, problems) : rows(in.activity(), table, src, problems);

        ProcessFormulas formulas = new ProcessFormulas(library, options.gwpReport());
        List<ProcessFormulas.Outcome> outcomes = new ArrayList<>();
        for (ProcessRecord p : in.process()) {
            requireEnterprise(ordinal, p.enterprise(), src, p.sourceRow(), problems);
            ProcessFormulas.Outcome o = formulas.compute(p);
            outcomes.add(o);
            if (!o.ok()) {
                problems.add(
                        Problem.at("process." + o.problemColumn(), src, p.sourceRow(), o.problemColumn(), o.problem()));
            }
        }
        Set<String> seenProduction = new HashSet<>();
        for (ProductionRecord p : in.production()) {
            requireEnterprise(ordinal, p.enterprise(), src, p.sourceRow(), problems);
            boolean generation = EnterpriseMonth.GENERATION.equals(p.product());
            if (p.quantity().dimension() != (generation ? Dimension.ELECTRICITY : Dimension.MASS)) {
                problems.add(Problem.at(
                        "unit.dimension",
                        src,
                        p.sourceRow(),
                        "unit",
                        generation
                                ? "发电量 (gross generation) is counted in electricity units (MWh, kWh, 万kWh), not "
                                        + p.quantity().unit()
                                : "production is counted in mass units (t, kg, 万t), not "
                                        + p.quantity().unit()));
            }
            if (!seenProduction.add(p.enterprise() + "|" + p.period() + "|" + p.product())) {
                problems.add(Problem.at(
                        "period.duplicate",
                        src,
                        p.sourceRow(),
                        "period",
                        "production of " + p.product() + " for " + p.enterprise() + " in " + p.period()
                                + " is given twice"));
            }
        }
        Set<String> seenOutput = new HashSet<>();
        for (OutputRecord o : in.output()) {
            requireEnterprise(ordinal, o.enterprise(), src, o.sourceRow(), problems);
            if (!seenOutput.add(o.enterprise() + "|" + o.period())) {
                problems.add(Problem.at(
                        "period.duplicate",
                        src,
                        o.sourceRow(),
                        "period",
                        "value added for " + o.enterprise() + " in " + o.period() + " is given twice"));
            }
        }
        if (!problems.isEmpty()) {
            return new Run(null, List.copyOf(problems));
        }

        int[] canonical = table.canonicalise();
        for (int i = 0; i < rows.length; i++) {
            rows[i] = canonical[rows[i]];
        }
        ActivityBatch.Builder b = ActivityBatch.builder(rows.length, true);
        if (cols != null) {
            int[] ordinalOfId = new int[cols.enterprises.length];
            for (int id = 0; id < ordinalOfId.length; id++) {
                ordinalOfId[id] = ordinal.get(cols.enterprises[id]);
            }
            for (int i = 0; i < rows.length; i++) {
                b.add(
                        ordinalOfId[cols.enterprise[i]],
                        cols.period[i],
                        rows[i],
                        cols.unit(i).toCanonical(cols.value[i]));
            }
        } else {
            CreditCode lastCode = null;
            int lastOrdinal = -1;
            for (int i = 0; i < rows.length; i++) {
                ActivityRecord a = in.activity().get(i);
                if (a.enterprise() != lastCode) {
                    lastCode = a.enterprise();
                    lastOrdinal = ordinal.get(lastCode);
                }
                YearMonth p = a.period();
                b.add(
                        lastOrdinal,
                        ActivityBatch.periodOrdinal(p.getYear(), p.getMonthValue()),
                        rows[i],
                        a.quantity().canonicalValue());
            }
        }
        for (ProcessRecord p : in.process()) {
            b.addEmptyGroup(
                    ordinal.get(p.enterprise()),
                    ActivityBatch.periodOrdinal(p.period().getYear(), p.period().getMonthValue()));
        }
        for (ProductionRecord p : in.production()) {
            b.addEmptyGroup(
                    ordinal.get(p.enterprise()),
                    ActivityBatch.periodOrdinal(p.period().getYear(), p.period().getMonthValue()));
        }
        for (OutputRecord p : in.output()) {
            b.addEmptyGroup(
                    ordinal.get(p.enterprise()),
                    ActivityBatch.periodOrdinal(p.period().getYear(), p.period().getMonthValue()));
        }
        ActivityBatch batch = b.build();
        double[] sums = BatchAccountant.account(batch, table, threads);
        List<AccountingResult.Company> companies = new ArrayList<>();
        enterprises.forEach((c, en) -> companies.add(new AccountingResult.Company(c, en.region(), en.industry())));
        return new Run(AccountingResult.assemble(in, batch, table, sums, companies, ordinal, outcomes), List.of());
    }

    /** Each enterprise's region and industry as its first line gives them; a later line that differs is a problem. */
    private static Map<CreditCode, Enterprise> enterprises(AccountingInput in, String src, List<Problem> problems) {
        // a file lists an enterprise's lines together: the previous line's enterprise is looked up only when it changes
        Map<CreditCode, Enterprise> seen = new HashMap<>();
        ActivityRecord previous = null;
        Enterprise e = null;
        for (ActivityRecord a : in.activity()) {
            if (previous == null || a.enterprise() != previous.enterprise()) {
                e = seen.get(a.enterprise());
            }
            previous = a;
            if (e == null) {
                e = new Enterprise(a.region(), a.industry(), a.sourceRow());
                seen.put(a.enterprise(), e);
            } else if (!e.region().equals(a.region()) || !e.industry().equals(a.industry())) {
                problems.add(inconsistent(src, a.sourceRow(), a.enterprise(), e, a.region(), a.industry()));
            }
        }
        return seen;
    }

    /** The same, over lines held in columns: ids compared, the enterprise's first line remembered by its index. */
    private static Map<CreditCode, Enterprise> enterprises(ActivityColumns c, String src, List<Problem> problems) {
        int[] first = new int[c.enterprises.length];
        java.util.Arrays.fill(first, -1);
        Map<CreditCode, Enterprise> seen = new HashMap<>();
        for (int i = 0; i < c.size(); i++) {
            int id = c.enterprise[i];
            int f = first[id];
            if (f < 0) {
                first[id] = i;
                seen.put(
                        c.enterprises[id],
                        new Enterprise(c.regions[c.region[i]], c.industries[c.industry[i]], c.sourceRow[i]));
            } else if (c.region[f] != c.region[i] || c.industry[f] != c.industry[i]) {
                problems.add(inconsistent(
                        src,
                        c.sourceRow[i],
                        c.enterprises[id],
                        seen.get(c.enterprises[id]),
                        c.regions[c.region[i]],
                        c.industries[c.industry[i]]));
            }
        }
        return seen;
    }

    private static Problem inconsistent(
            String src, int row, CreditCode code, Enterprise e, RegionCode region, IndustryCode industry) {
        return Problem.at(
                "enterprise.inconsistent",
                src,
                row,
                !e.region().equals(region) ? "region" : "industry",
                "enterprise " + code + " is in region " + e.region() + ", industry " + e.industry() + " on line "
                        + e.row() + " but region " + region + ", industry " + industry + " here");
    }

    /**
     * Each line's factor-table row, −1 for a line with a problem. A province's lines repeat a few thousand
     * combinations of carrier, unit, use, region, industry and month: each combination without measured values is
     * checked and looked up once, its row remembered.
     */
    private int[] rows(List<ActivityRecord> activity, FactorTable table, String src, List<Problem> problems) {
        int[] rows = new int[activity.size()];
        Map<LineKey, Integer> known = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            ActivityRecord a = activity.get(i);
            LineKey k = Double.isNaN(a.measuredNcv()) && Double.isNaN(a.measuredCarbonContent())
                    ? new LineKey(a.carrier(), a.quantity().unit(), a.use(), a.region(), a.industry(), a.period())
                    : null;
            Integer row = k == null ? null : known.get(k);
            rows[i] = row != null ? row : row(a, table, src, problems);
            if (row == null && k != null && rows[i] >= 0) {
                known.put(k, rows[i]);
            }
        }
        return rows;
    }

    /**
     * The same over lines held in columns: the combination is a number made of the line's ids, so a line whose
     * combination was seen costs one probe of a primitive map, and only the first line of each (or one with measured
     * values) is made a record and checked.
     */
    private int[] rows(ActivityColumns c, FactorTable table, String src, List<Problem> problems) {
        int n = c.size();
        int minPer = Integer.MAX_VALUE, maxPer = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            minPer = Math.min(minPer, c.period[i]);
            maxPer = Math.max(maxPer, c.period[i]);
        }
        int periods = Math.max(1, maxPer - minPer + 1);
        long[] dims = {c.carriers.length, 64, 8, c.regions.length, c.industries.length, periods};
        long span = 1;
        try {
            for (long d : dims) {
                span = Math.multiplyExact(span, Math.max(1, d));
            }
        } catch (ArithmeticException tooMany) {
            return rows((List<ActivityRecord>) c, table, src, problems);
        }
        if (dev.peakline.units.Unit.values().length > 64 || Use.values().length > 8) {
            throw new IllegalStateException("the line key packs a unit in 6 bits and a use in 3");
        }
        int[] rows = new int[n];
        LongIntMap known = new LongIntMap();
        for (int i = 0; i < n; i++) {
            ActivityRecord whole = c.whole(i);
            long k = whole != null
                            && !(Double.isNaN(whole.measuredNcv()) && Double.isNaN(whole.measuredCarbonContent()))
                    ? -1
                    : (((((long) c.carrier[i] * 64 + c.unit[i]) * 8 + c.use[i]) * c.regions.length + c.region[i])
                                                    * c.industries.length
                                            + c.industry[i])
                                    * periods
                            + (c.period[i] - minPer);
            int row = k < 0 ? -1 : known.get(k);
            if (row < 0) {
                row = row(whole != null ? whole : c.get(i), table, src, problems);
                if (k >= 0 && row >= 0) {
                    known.put(k, row);
                }
            }
            rows[i] = row;
        }
        return rows;
    }

    /** A line's row after its unit check and factor lookup; −1, the problem reported, when it has one. */
    private int row(ActivityRecord a, FactorTable table, String src, List<Problem> problems) {
        String unitProblem = unitProblem(a);
        if (unitProblem != null) {
            problems.add(Problem.at("unit.dimension", src, a.sourceRow(), "unit", unitProblem));
            return -1;
        }
        if (library.registry().region(a.region()).isEmpty()) {
            return -1; // reported once per enterprise
        }
        FactorTable.Lookup l = table.row(
                a.carrier(), a.use(), a.region(), a.industry(), a.period(), a.measuredNcv(), a.measuredCarbonContent());
        if (!l.ok()) {
            problems.add(Problem.at(
                    l.problemCode(),
                    src,
                    a.sourceRow(),
                    l.problemCode().startsWith("carrier") ? "carrier" : "use",
                    l.problem()));
            return -1;
        }
        return l.row();
    }

    /** Open addressing from a non-negative long to a non-negative int; −1 when absent. */
    private static final class LongIntMap {
        private long[] keys = new long[1 << 12];
        private int[] values = new int[1 << 12];
        private int size;

        LongIntMap() {
            java.util.Arrays.fill(keys, -1);
        }

        int get(long k) {
            int mask = keys.length - 1;
            for (int i = mix(k) & mask; ; i = (i + 1) & mask) {
                if (keys[i] == k) {
                    return values[i];
                }
                if (keys[i] == -1) {
                    return -1;
                }
            }
        }

        void put(long k, int v) {
            int mask = keys.length - 1;
            int i = mix(k) & mask;
            while (keys[i] != -1 && keys[i] != k) {
                i = (i + 1) & mask;
            }
            if (keys[i] == -1) {
                size++;
            }
            keys[i] = k;
            values[i] = v;
            if (size * 2 > keys.length) {
                long[] ok = keys;
                int[] ov = values;
                keys = new long[ok.length * 2];
                values = new int[ok.length * 2];
                java.util.Arrays.fill(keys, -1);
                size = 0;
                for (int j = 0; j < ok.length; j++) {
                    if (ok[j] != -1) {
                        put(ok[j], ov[j]);
                    }
                }
            }
        }

        private static int mix(long k) {
            long h = k * 0x9E3779B97F4A7C15L;
            return (int) (h ^ (h >>> 32));
        }
    }

    private static void requireEnterprise(
            Map<CreditCode, Integer> ordinal, CreditCode c, String src, int row, List<Problem> problems) {
        if (!ordinal.containsKey(c)) {
            problems.add(Problem.at(
                    "enterprise.unknown",
                    src,
                    row,
                    "enterprise",
                    "enterprise " + c + " has no activity records, so its region and industry are unknown"));
        }
    }

    private String unitProblem(ActivityRecord a) {
        Dimension d = a.quantity().dimension();
        if (a.use() == Use.PROCESS) {
            return d == Dimension.MASS
                    ? null
                    : "process materials are counted in mass units (t, kg, 万t), not "
                            + a.quantity().unit();
        }
        Optional<EnergyCarrier> c = library.carrier(a.carrier());
        if (c.isEmpty()) {
            return null; // the factor lookup reports the unknown carrier
        }
        if (c.get().dimension() != d) {
            return c.get().nameCn() + " is measured in " + c.get().dimension().nameCn() + " units (e.g. "
                    + c.get().activityUnit() + "), not " + a.quantity().unit() + " (" + d.nameCn() + ")";
        }
        return null;
    }
}
