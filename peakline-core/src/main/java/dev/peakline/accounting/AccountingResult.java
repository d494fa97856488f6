package dev.peakline.accounting;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.OutputRecord;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.ProductionRecord;
import dev.peakline.domain.RegionCode;
import dev.peakline.reference.ResolvedFactor;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The accounts of a run, one {@link EnterpriseMonth} per enterprise and month (ordered by credit code, then month),
 * with what is needed to explain any figure: the factor table, the batch and the process derivations.
 */
public final class AccountingResult {
    /** An enterprise's identity as the run saw it. */
    public record Company(CreditCode code, RegionCode region, IndustryCode industry) {}

    private final AccountingInput input;
    private final ActivityBatch batch;
    private final FactorTable table;
    private final List<Company> companies;
    private final Map<CreditCode, Integer> ordinal;
    private final List<EnterpriseMonth> months;
    private final Map<Long, Integer> groupOf;
    private final List<List<Integer>> processByGroup;
    private final List<ProcessFormulas.Outcome> outcomes;

    private AccountingResult(
            AccountingInput input,
            ActivityBatch batch,
            FactorTable table,
            List<Company> companies,
            Map<CreditCode, Integer> ordinal,
            List<EnterpriseMonth> months,
            Map<Long, Integer> groupOf,
            List<List<Integer>> processByGroup,
            List<ProcessFormulas.Outcome> outcomes) {
        this.input = input;
        this.batch = batch;
        this.table = table;
        this.companies = companies;
        this.ordinal = Map.copyOf(ordinal);
        this.months = months;
        this.groupOf = groupOf;
        this.processByGroup = processByGroup;
        this.outcomes = outcomes;
    }

    static AccountingResult assemble(
            AccountingInput in,
            ActivityBatch batch,
            FactorTable table,
            double[] sums,
            List<Company> companies,
            Map<CreditCode, Integer> ordinal,
            List<ProcessFormulas.Outcome> outcomes) {
        int groups = batch.groups();
        Map<Long, Integer> groupOf = new HashMap<>();
        for (int g = 0; g < groups; g++) {
            groupOf.put(key(batch.enterprise(g), batch.period(g)), g);
        }
        List<List<Integer>> processByGroup = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            processByGroup.add(new ArrayList<>());
        }
        for (int i = 0; i < in.process().size(); i++) {
            ProcessRecord p = in.process().get(i);
            processByGroup
                    .get(groupOf.get(key(ordinal.get(p.enterprise()), p.period())))
                    .add(i);
        }
        // process records are summed in an order fixed by what they are, not where they stood in the input
        java.util.Comparator<Integer> canonical = java.util.Comparator.comparing(
                        (Integer i) -> in.process().get(i).process())
                .thenComparingDouble(i -> in.process().get(i).quantity().canonicalValue())
                .thenComparing(i -> new TreeMap<>(in.process().get(i).parameters()).toString());
        processByGroup.forEach(l -> l.sort(canonical));
        double[] valueAdded = new double[groups];
        java.util.Arrays.fill(valueAdded, Double.NaN);
        for (OutputRecord o : in.output()) {
            valueAdded[groupOf.get(key(ordinal.get(o.enterprise()), o.period()))] =
                    o.valueAdded().canonicalValue();
        }
        List<Map<String, Double>> production = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            production.add(new TreeMap<>());
        }
        for (ProductionRecord p : in.production()) {
            production
                    .get(groupOf.get(key(ordinal.get(p.enterprise()), p.period())))
                    .put(p.product(), p.quantity().canonicalValue());
        }
        List<EnterpriseMonth> months = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            int o = g * BatchAccountant.WIDTH;
            double process = sums[o + Slot.PROCESS.ordinal()];
            for (int i : processByGroup.get(g)) {
                process += outcomes.get(i).tco2e();
            }
            Company c = companies.get(batch.enterprise(g));
            int per = batch.period(g);
            months.add(new EnterpriseMonth(
                    c.code(),
                    c.region(),
                    c.industry(),
                    YearMonth.of(per / 12, per % 12 + 1),
                    sums[o],
                    process,
                    sums[o + Slot.ELECTRICITY.ordinal()],
                    sums[o + Slot.HEAT.ordinal()],
                    sums[o + BatchAccountant.ENERGY],
                    sums[o + BatchAccountant.FEEDSTOCK],
                    sums[o + BatchAccountant.SUPPLIED],
                    valueAdded[g],
                    production.get(g)));
        }
        return new AccountingResult(
                in, batch, table, companies, ordinal, List.copyOf(months), groupOf, processByGroup, outcomes);
    }

    private static long key(int enterprise, YearMonth p) {
        return key(enterprise, ActivityBatch.periodOrdinal(p.getYear(), p.getMonthValue()));
    }

    private static long key(int enterprise, int period) {
        return (long) enterprise << 32 | (period & 0xffffffffL);
    }

    /** The batch group of an enterprise-month, or null when the run has none. */
    private Integer group(CreditCode enterprise, YearMonth period) {
        Integer ent = ordinal.get(enterprise);
        return ent == null ? null : groupOf.get(key(ent, period));
    }

    public List<EnterpriseMonth> months() {
        return months;
    }

    public List<Company> companies() {
        return companies;
    }

    public AccountingOptions options() {
        return table.options();
    }

    /** The factor sets behind every figure, "id version", highest priority first. */
    public String factorSets() {
        return table.library().setsUsed();
    }

    public Optional<EnterpriseMonth> month(CreditCode enterprise, YearMonth period) {
        Integer g = group(enterprise, period);
        return g == null ? Optional.empty() : Optional.of(months.get(g));
    }

    /**
     * The derivation of an enterprise-month: every record with its factors (value, source, set, version, fallback)
     * and formula, the subtotals per scope and the energy, in the order the engine summed them.
     */
    public Optional<Explanation> explain(CreditCode enterprise, YearMonth period) {
        Integer g = group(enterprise, period);
        if (g == null) {
            return Optional.empty();
        }
        List<Explanation.Term> terms = new ArrayList<>();
        double[] check = new double[BatchAccountant.WIDTH];
        for (int i = batch.start(g); i < batch.end(g); i++) {
            int row = batch.row(i);
            double q = batch.quantity(i);
            FactorTable.RowDerivation d = table.derivation(row);
            ActivityRecord a = input.activity().get(batch.origin(i));
            double co2 = q * table.co2(d.slot(), row);
            double tce = q * table.tce(row);
            check[d.slot().ordinal()] += co2;
            check[BatchAccountant.ENERGY] += tce;
            terms.add(new Explanation.Term(
                    input.sourceName(),
                    a.sourceRow(),
                    d.subject() + " (" + d.use().nameCn()
                            + (a.quality() == null ? "" : ", " + a.quality().nameCn()) + ")",
                    plain(a.quantity().value()) + " " + a.quantity().unit()
                            + (a.quantity().unit().dimension().canonicalUnit()
                                            == a.quantity().unit()
                                    ? ""
                                    : " = " + plain(q) + " " + unitOf(a)),
                    d.slot(),
                    co2,
                    tce,
                    d.co2Formula(),
                    d.tceFormula(),
                    d.factors(),
                    a.uncertainty(),
                    a.factorUncertainty()));
        }
        for (int i : processByGroup.get(g)) {
            ProcessRecord p = input.process().get(i);
            ProcessFormulas.Outcome o = outcomes.get(i);
            check[Slot.PROCESS.ordinal()] += o.tco2e();
            terms.add(new Explanation.Term(
                    "process",
                    p.sourceRow(),
                    p.process() + " " + p.parameters(),
                    plain(p.quantity().value()) + " " + p.quantity().unit(),
                    Slot.PROCESS,
                    o.tco2e(),
                    0,
                    o.formula(),
                    "",
                    o.factors(),
                    Double.NaN,
                    Double.NaN));
        }
        EnterpriseMonth m = months.get(g);
        return Optional.of(new Explanation(m, terms, table.options(), factorSets()));
    }

    /** A filed number as people write it: no float noise, no trailing ".0" (1000, 12.5, 0.1). */
    static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        String s = java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return s.equals("-0") ? "0" : s;
    }

    private String unitOf(ActivityRecord a) {
        return a.quantity().unit().dimension().canonicalUnit().symbol();
    }

    /** Why an enterprise-month's figures are what they are. */
    public record Explanation(EnterpriseMonth month, List<Term> terms, AccountingOptions options, String factorSets) {
        /** One record's contribution. */
        public record Term(
                String source,
                int sourceRow,
                String subject,
                String quantity,
                Slot slot,
                double co2,
                double tce,
                String co2Formula,
                String tceFormula,
                List<ResolvedFactor> factors,
                double uncertainty,
                double factorUncertainty) {
            /**
             * Where the line came from: {@code activity.csv:12}; {@code line 12} when the source has no name; the
             * source alone for a record not read from a file (row 0).
             */
            public String where() {
                boolean named = source != null && !source.isEmpty();
                if (sourceRow <= 0) {
                    return named ? source : "(entered)";
                }
                return named ? source + ":" + sourceRow : "line " + sourceRow;
            }
        }

        /** The derivation as text lines, one figure after another, for people. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            EnterpriseMonth m = month;
            out.add("Enterprise " + m.enterprise() + " (region " + m.region() + ", industry " + m.industry() + "), "
                    + m.period());
            out.add("Options: " + options.summary() + "; factor sets: " + factorSets);
            for (Slot s : Slot.values()) {
                List<Term> ts = terms.stream().filter(t -> t.slot() == s).toList();
                if (ts.isEmpty()) {
                    continue;
                }
                out.add("");
                out.add(s.column() + " (" + s.nameCn() + ") = " + fmt(value(m, s)) + " tCO2e");
                for (Term t : ts) {
                    out.add("  " + t.where() + ": " + t.subject() + ", " + t.quantity() + " → " + fmt(t.co2())
                            + " tCO2e");
                    out.add("    formula: " + t.co2Formula());
                    t.factors().stream()
                            .map(ResolvedFactor::describe)
                            .distinct()
                            .forEach(f -> out.add("    factor:  " + f));
                }
            }
            out.add("");
            out.add("scope1_tco2 = combustion + process = " + fmt(m.combustion()) + " + " + fmt(m.process()) + " = "
                    + fmt(m.scope1()));
            out.add("scope2_tco2 = electricity + heat = " + fmt(m.electricity()) + " + " + fmt(m.heat()) + " = "
                    + fmt(m.scope2()));
            out.add("total_tco2 = scope1 + scope2 = " + fmt(m.total()));
            Uncertainty.Combined u = uncertainty();
            if (!Double.isNaN(u.percent())) {
                out.add("uncertainty (IPCC 2006 Vol.1 Ch.3 Approach 1, 95 %) = ±" + plain(round(u.percent(), 2))
                        + " % = ±"
                        + plain(round(u.absolute(), 4)) + " tCO2e"
                        + (u.defaultedActivity() == 0
                                ? ""
                                : "; activity data without a stated uncertainty at the IPCC default ±5 %: "
                                        + u.defaultedActivity() + " line(s)")
                        + (u.unstatedFactor() == 0
                                ? ""
                                : "; factor uncertainty not stated on " + u.unstatedFactor()
                                        + " line(s), so this is a lower bound"));
            }
            out.add("");
            out.add("energy_tce (GB/T 2589 comprehensive energy consumption) = " + fmt(m.energy()));
            for (Term t : terms) {
                if (t.tce() != 0) {
                    out.add("  " + t.where() + ": " + t.subject() + " → " + fmt(t.tce()) + " tce; " + t.tceFormula());
                }
            }
            if (m.feedstockEnergy() != 0) {
                out.add("energy excluding feedstock (原料用能, 发改环资〔2022〕803号) = " + fmt(m.energy()) + " − "
                        + fmt(m.feedstockEnergy()) + " = " + fmt(m.energyExcludingFeedstock()) + " tce");
            }
            if (m.suppliedElectricity() > 0) {
                out.add("");
                out.add("supply intensity = total ÷ electricity supplied = " + fmt(m.total()) + " ÷ "
                        + fmt(m.suppliedElectricity()) + " MWh = " + fmt(m.emissionsPerMwhSupplied()) + " tCO2/MWh");
            }
            if (m.valueAdded() > 0) {
                out.add("");
                out.add("intensity = total ÷ value added = " + fmt(m.total()) + " ÷ " + fmt(m.valueAdded()) + " 万元 = "
                        + fmt(m.carbonIntensity()) + " tCO2e/万元");
            }
            if (m.generatedElectricity() > 0) {
                out.add("generation intensity (发电碳排放强度) = total ÷ electricity generated = " + fmt(m.total()) + " ÷ "
                        + fmt(m.generatedElectricity()) + " MWh = " + fmt(m.emissionsPerMwhGenerated()) + " tCO2/MWh");
                if (m.suppliedElectricity() > 0) {
                    out.add("own use (厂用电) = generated − supplied = " + fmt(m.generatedElectricity()) + " − "
                            + fmt(m.suppliedElectricity()) + " = "
                            + fmt(m.generatedElectricity() - m.suppliedElectricity()) + " MWh; 厂用电率 "
                            + fmt(m.ownUseRate()));
                }
            }
            for (var p : m.production().entrySet()) {
                if (p.getKey().equals(EnterpriseMonth.GENERATION)) {
                    continue;
                }
                out.add("per product " + p.getKey() + " = " + fmt(m.total()) + " ÷ " + fmt(p.getValue()) + " t = "
                        + fmt(m.carbonPerProduct(p.getKey())) + " tCO2e/t");
            }
            return out;
        }

        /** Every term as a part of the total's uncertainty: its CO2e and the stated uncertainties. */
        public List<Uncertainty.Part> parts() {
            return terms.stream()
                    .map(t -> new Uncertainty.Part(t.co2(), t.uncertainty(), t.factorUncertainty()))
                    .toList();
        }

        /** The total's uncertainty by IPCC Approach 1 over every term that contributes CO2e. */
        public Uncertainty.Combined uncertainty() {
            return Uncertainty.approach1(parts());
        }

        private static double round(double v, int digits) {
            return java.math.BigDecimal.valueOf(v)
                    .setScale(digits, java.math.RoundingMode.HALF_UP)
                    .doubleValue();
        }

        private static double value(EnterpriseMonth m, Slot s) {
            return switch (s) {
                case COMBUSTION -> m.combustion();
                case PROCESS -> m.process();
                case ELECTRICITY -> m.electricity();
                case HEAT -> m.heat();
            };
        }

        static String fmt(double v) {
            return String.format(java.util.Locale.ROOT, "%.6f", v);
        }
    }
}
