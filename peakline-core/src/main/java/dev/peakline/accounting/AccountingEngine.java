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
                problems.add(Problem.at(
                        "enterprise.inconsistent",
                        src,
                        a.sourceRow(),
                        !e.region().equals(a.region()) ? "region" : "industry",
                        "enterprise " + a.enterprise() + " is in region " + e.region() + ", industry " + e.industry()
                                + " on line " + e.row() + " but region " + a.region() + ", industry " + a.industry()
                                + " here"));
            }
        }
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
        int[] rows = new int[in.activity().size()];
        // a province's lines repeat a few thousand combinations of carrier, unit, use, region, industry and month: each
        // combination without measured values is checked and looked up once, its row remembered
        Map<LineKey, Integer> known = new HashMap<>();
        for (int i = 0; i < rows.length; i++) {
            ActivityRecord a = in.activity().get(i);
            rows[i] = -1;
            LineKey k = Double.isNaN(a.measuredNcv()) && Double.isNaN(a.measuredCarbonContent())
                    ? new LineKey(a.carrier(), a.quantity().unit(), a.use(), a.region(), a.industry(), a.period())
                    : null;
            Integer row = k == null ? null : known.get(k);
            if (row != null) {
                rows[i] = row;
                continue;
            }
            String unitProblem = unitProblem(a);
            if (unitProblem != null) {
                problems.add(Problem.at("unit.dimension", src, a.sourceRow(), "unit", unitProblem));
                continue;
            }
            if (library.registry().region(a.region()).isEmpty()) {
                continue; // reported once per enterprise above
            }
            FactorTable.Lookup l = table.row(
                    a.carrier(),
                    a.use(),
                    a.region(),
                    a.industry(),
                    a.period(),
                    a.measuredNcv(),
                    a.measuredCarbonContent());
            if (!l.ok()) {
                problems.add(Problem.at(
                        l.problemCode(),
                        src,
                        a.sourceRow(),
                        l.problemCode().startsWith("carrier") ? "carrier" : "use",
                        l.problem()));
            } else {
                rows[i] = l.row();
                if (k != null) {
                    known.put(k, l.row());
                }
            }
        }

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
