package dev.peakline.markets;

import java.util.List;

/**
 * 用能权 tied to 能耗双控: an enterprise's initial quota by the rule the operator chooses, and what it must surrender
 * for a year — its comprehensive energy consumption after the statutory deductions.
 *
 * <pre>
 * historical quota = mean(base years' consumption net of feedstock) × (1 − decline rate)        (whole tce, half up)
 * target quota     = the enterprise's decomposed 能耗总量 target for the year                       (whole tce, half up)
 * benchmark quota  = Σ products' base-year output × the product's energy level (kgce per unit) / 1000 (whole tce, half up)
 * obligation       = max(0, comprehensive consumption − 原料用能 − certificates retired for the year × 0.1229 tce/MWh)
 * paid use         = quota × the operator's price (yuan/tce; 0 when the quota is free)
 * </pre>
 *
 * Feedstock energy (原料用能) is not counted in the consumption controlled (《关于进一步做好原料用能不纳入能源消费总量控制有关工作的通知》，
 * 发改环资〔2022〕803号); renewable electricity proven by green certificates is not counted either (《关于加强绿色电力证书与节能降碳政策衔接
 * 大力促进非化石能源消费的通知》，发改环资〔2024〕113号) — both notice numbers UNCONFIRMED in this session (recalled). The certified
 * MWh come off at the calorific equivalent the accounts count electricity at (GB/T 2589-2020 Annex A, 0.1229 kgce/kWh,
 * the library's {@code coal_equivalents.csv}). The benchmark rule takes the 2023 edition's 基准水平 or 标杆水平 of each
 * product (《工业重点领域能效标杆水平和基准水平（2023年版）》, the efficiency catalogue) for the products whose level is
 * comprehensive energy per unit of output (kgce/t, kgce/重量箱 …); a product whose level is electricity or another
 * measure has no basis under this rule.
 */
public final class EnergyRights {
    private EnergyRights() {}

    /** tce per MWh of electricity at its calorific equivalent (GB/T 2589-2020 Annex A). */
    public static final double ELECTRICITY_TCE_PER_MWH = 0.1229;

    /** The rules an operator may allocate by. */
    public enum Rule implements dev.peakline.domain.Coded {
        HISTORICAL("historical", "历史法"),
        BENCHMARK("benchmark", "基准线法（能效水平 × 产量）"),
        TARGET("target", "双控目标分解");

        private final String code;
        private final String chinese;

        Rule(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }

        public static java.util.Optional<Rule> parse(String text) {
            return dev.peakline.domain.Coded.parse(Rule.class, text);
        }
    }

    /** The historical quota: the mean of the base years' net consumption, less the decline rate. */
    public static long historical(List<Double> baseYearsNetTce, double declineRate) {
        if (baseYearsNetTce.isEmpty()) {
            throw new IllegalArgumentException("the historical rule needs at least one base year");
        }
        double mean = baseYearsNetTce.stream()
                .mapToDouble(Double::doubleValue)
                .average()
                .orElseThrow();
        return Math.round(mean * (1 - declineRate));
    }

    /** A product of the benchmark rule: its base-year output and the level (kgce per unit of output) it is held to. */
    public record ProductQuota(String product, double output, String outputUnit, double levelKgce, String levelUnit) {
        /** The output's share of the quota, tce (unrounded). */
        public double tce() {
            return output * levelKgce / 1000;
        }
    }

    /**
     * Whether a product's level is comprehensive energy per unit of the output as filed: "kgce/t" for output in "t";
     * null when it is, else why not.
     */
    public static String unsuited(String levelUnit, String outputUnit) {
        if (levelUnit == null || !levelUnit.startsWith("kgce/")) {
            return "the level is in " + levelUnit + ", not energy per unit of output (kgce/…)";
        }
        String per = levelUnit.substring("kgce/".length());
        if (!per.equals(outputUnit)) {
            return "the level is per " + per + " but the output is filed in " + outputUnit;
        }
        return null;
    }

    /** The benchmark quota: Σ output × level / 1000, whole tce (half up). */
    public static long benchmark(List<ProductQuota> products) {
        return Math.round(products.stream().mapToDouble(ProductQuota::tce).sum());
    }

    /** The year's figures: consumption, the deductions and what is due. */
    public record Obligation(
            double comprehensiveTce, double feedstockTce, double certificatesMwh, double renewableTce, double dueTce) {}

    public static Obligation obligation(double comprehensiveTce, double feedstockTce, double certificatesMwh) {
        double renewable = certificatesMwh * ELECTRICITY_TCE_PER_MWH;
        double due = Math.max(0, comprehensiveTce - feedstockTce - renewable);
        // rights are held to 0.001 tce
        return new Obligation(
                comprehensiveTce, feedstockTce, certificatesMwh, renewable, Math.round(due * 1000) / 1000.0);
    }
}
