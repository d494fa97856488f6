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
                    a.factorUncertainty(),
                    d.use()));
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
                    Double.NaN,
                    dev.peakline.domain.Use.PROCESS));
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
                double factorUncertainty,
                dev.peakline.domain.Use use) {
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

        /** The derivation as text lines, one figure after another, for people (in English, as the CLI prints it). */
        public List<String> lines() {
            return lines(false);
        }

        /**
         * The derivation in Chinese ({@code chinese}) or English: the labels, the documents' titles ({@link
         * dev.peakline.reference.Publications}) and the method follow the language; formulas keep their symbols.
         */
        public List<String> lines(boolean chinese) {
            java.util.function.BinaryOperator<String> l = (en, zh) -> chinese ? zh : en;
            List<String> out = new ArrayList<>();
            EnterpriseMonth m = month;
            out.add(l.apply("Enterprise ", "企业 ")
                    + m.enterprise()
                    + l.apply(" (region ", "（地区 ")
                    + m.region()
                    + l.apply(", industry ", "，行业 ")
                    + m.industry()
                    + l.apply("), ", "），")
                    + m.period());
            out.add(l.apply("Options: ", "核算方法：")
                    + options.summary(chinese)
                    + l.apply("; factor sets: ", "；因子集：")
                    + factorSets);
            for (Slot s : Slot.values()) {
                List<Term> ts = terms.stream().filter(t -> t.slot() == s).toList();
                if (ts.isEmpty()) {
                    continue;
                }
                out.add("");
                out.add((chinese ? s.nameCn() + "（" + s.column() + "）" : s.column() + " (" + s.nameCn() + ")") + " = "
                        + fmt(value(m, s)) + " tCO2e");
                for (Term t : ts) {
                    out.add("  " + where(t, chinese) + l.apply(": ", "：") + t.subject() + l.apply(", ", "，")
                            + t.quantity() + " → " + fmt(t.co2()) + " tCO2e");
                    out.add(l.apply("    formula: ", "    公式：") + formula(t.co2Formula(), chinese));
                    t.factors().stream()
                            .map(f -> f.describe(chinese))
                            .distinct()
                            .forEach(f -> out.add(l.apply("    factor:  ", "    因子：") + f));
                }
            }
            out.add("");
            out.add(l.apply("scope1_tco2 = combustion + process = ", "范围一 = 化石燃料燃烧 + 工业生产过程 = ") + fmt(m.combustion())
                    + " + " + fmt(m.process()) + " = " + fmt(m.scope1()));
            out.add(l.apply("scope2_tco2 = electricity + heat = ", "范围二 = 净购入电力 + 净购入热力 = ") + fmt(m.electricity())
                    + " + " + fmt(m.heat()) + " = " + fmt(m.scope2()));
            out.add(l.apply("total_tco2 = scope1 + scope2 = ", "合计 = 范围一 + 范围二 = ") + fmt(m.total()));
            Uncertainty.Combined u = uncertainty();
            if (!Double.isNaN(u.percent())) {
                out.add(l.apply(
                                "uncertainty (IPCC 2006 Vol.1 Ch.3 Approach 1, 95 %) = ±",
                                "不确定性（《2006年IPCC国家温室气体清单指南》第1卷 第3章 方法1，95 %）= ±")
                        + plain(round(u.percent(), 2))
                        + " % = ±"
                        + plain(round(u.absolute(), 4)) + " tCO2e"
                        + (u.defaultedActivity() == 0
                                ? ""
                                : l.apply(
                                                "; activity data without a stated uncertainty at the IPCC default ±5 %: ",
                                                "；未说明不确定性的活动数据按 IPCC 缺省值 ±5 % 计：")
                                        + u.defaultedActivity()
                                        + l.apply(" line(s)", " 行"))
                        + (u.unstatedFactor() == 0
                                ? ""
                                : l.apply("; factor uncertainty not stated on ", "；")
                                        + u.unstatedFactor()
                                        + l.apply(" line(s), so this is a lower bound", " 行未说明因子不确定性，此值为下限")));
            }
            out.add("");
            out.add(l.apply("energy_tce (GB/T 2589 comprehensive energy consumption) = ", "综合能耗（GB/T 2589）= ")
                    + fmt(m.energy()));
            for (Term t : terms) {
                if (t.tce() != 0) {
                    out.add("  " + where(t, chinese) + l.apply(": ", "：") + t.subject() + " → " + fmt(t.tce()) + " tce"
                            + l.apply("; ", "；") + formula(t.tceFormula(), chinese));
                }
            }
            if (m.feedstockEnergy() != 0) {
                out.add(l.apply("energy excluding feedstock (原料用能, 发改环资〔2022〕803号) = ", "扣除原料用能后的能耗（发改环资〔2022〕803号）= ")
                        + fmt(m.energy()) + " − " + fmt(m.feedstockEnergy()) + " = " + fmt(m.energyExcludingFeedstock())
                        + " tce");
            }
            if (m.suppliedElectricity() > 0) {
                out.add("");
                out.add(l.apply("supply intensity = total ÷ electricity supplied = ", "供电碳排放强度 = 合计 ÷ 供电量 = ")
                        + fmt(m.total()) + " ÷ " + fmt(m.suppliedElectricity()) + " MWh = "
                        + fmt(m.emissionsPerMwhSupplied()) + " tCO2/MWh");
            }
            if (m.valueAdded() > 0) {
                out.add("");
                out.add(l.apply("intensity = total ÷ value added = ", "碳排放强度 = 合计 ÷ 增加值 = ") + fmt(m.total()) + " ÷ "
                        + fmt(m.valueAdded()) + " 万元 = " + fmt(m.carbonIntensity()) + " tCO2e/万元");
            }
            if (m.generatedElectricity() > 0) {
                out.add(l.apply(
                                "generation intensity (发电碳排放强度) = total ÷ electricity generated = ",
                                "发电碳排放强度 = 合计 ÷ 发电量 = ")
                        + fmt(m.total()) + " ÷ " + fmt(m.generatedElectricity()) + " MWh = "
                        + fmt(m.emissionsPerMwhGenerated()) + " tCO2/MWh");
                if (m.suppliedElectricity() > 0) {
                    out.add(l.apply("own use (厂用电) = generated − supplied = ", "厂用电 = 发电量 − 供电量 = ")
                            + fmt(m.generatedElectricity()) + " − "
                            + fmt(m.suppliedElectricity()) + " = "
                            + fmt(m.generatedElectricity() - m.suppliedElectricity()) + " MWh; 厂用电率 "
                            + fmt(m.ownUseRate()));
                }
            }
            for (var p : m.production().entrySet()) {
                if (p.getKey().equals(EnterpriseMonth.GENERATION)) {
                    continue;
                }
                out.add(l.apply("per product ", "单位产品 ") + p.getKey() + " = " + fmt(m.total()) + " ÷ "
                        + fmt(p.getValue()) + " t = " + fmt(m.carbonPerProduct(p.getKey())) + " tCO2e/t");
            }
            return out;
        }

        /** A formula's notes in the language; its symbols (AD, NCV, EF) as written. */
        private static String formula(String f, boolean chinese) {
            if (!chinese || f == null) {
                return f;
            }
            return f.replace("(GB/T 2589: measured calorific value)", "（GB/T 2589：按实测低位发热量）")
                    .replace("(GB/T 2589 coefficient)", "（GB/T 2589 折标准煤系数）")
                    .replaceAll(
                            "\\(no GB/T 2589 coefficient for (.+); derived from NCV\\)",
                            "（GB/T 2589 无$1的折标准煤系数，由低位发热量推算）")
                    .replace("(calorific)", "（当量值）")
                    .replace("(equivalent)", "（等价值）");
        }

        /** Where a term came from, in the language: activity.csv:12, 第12行, 在线填报. */
        private static String where(Term t, boolean chinese) {
            String w = t.where();
            if (!chinese) {
                return w;
            }
            return w.equals("(entered)") ? "在线填报" : w.startsWith("line ") ? "第" + w.substring(5) + "行" : w;
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
