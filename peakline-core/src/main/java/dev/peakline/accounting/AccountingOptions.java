package dev.peakline.accounting;

import java.util.Locale;
import java.util.Set;

/**
 * The choices an accounting run makes where the national methods allow more than one.
 *
 * @param guideline fuel-default table variant of the reference library ({@code A}: the NDRC 2013–2015 guideline annex)
 * @param electricityBasis which electricity CO2 factor applies to purchased and exported electricity
 * @param convention how electricity is converted to standard coal (当量值 or 等价值)
 * @param gwpReport the IPCC assessment report whose GWP100 values weigh non-CO2 gases (AR2 in the NDRC guidelines)
 */
public record AccountingOptions(
        String guideline,
        ElectricityBasis electricityBasis,
        ElectricityConvention convention,
        String gwpReport,
        boolean nonCo2Combustion) {

    /** Options without CH4 and N2O from combustion (the NDRC guidelines count CO2 only). */
    public AccountingOptions(
            String guideline, ElectricityBasis electricityBasis, ElectricityConvention convention, String gwpReport) {
        this(guideline, electricityBasis, convention, gwpReport, false);
    }

    private static final Set<String> REPORTS = Set.of("AR2", "AR4", "AR5", "AR6");

    public AccountingOptions {
        if (guideline == null || guideline.isBlank() || electricityBasis == null || convention == null) {
            throw new IllegalArgumentException("accounting options must not be null");
        }
        gwpReport = gwpReport == null ? "" : gwpReport.toUpperCase(Locale.ROOT);
        if (!REPORTS.contains(gwpReport)) {
            throw new IllegalArgumentException("GWP set must be one of " + REPORTS + ", not " + gwpReport);
        }
    }

    /**
     * The options as one line, as results record them: "guideline A, electricity NATIONAL, calorific, GWP AR2, CO2
     * only" (or "…, CH4 and N2O from combustion").
     */
    /** The method in Chinese ({@code chinese}) or English, as the calculation sheet states it. */
    public String summary(boolean chinese) {
        if (!chinese) {
            return summary();
        }
        String grid = switch (electricityBasis) {
            case NATIONAL -> "全国电网平均排放因子";
            case REGIONAL -> "区域电网平均排放因子";
            case PROVINCIAL -> "省级电网平均排放因子";
            case ETS -> "碳市场报告口径电网排放因子";
            case MARKET -> "市场法（绿电与剩余电力排放因子）";
        };
        return "核算指南变体 " + guideline + "，电力 " + grid + "，"
                + (convention == ElectricityConvention.CALORIFIC ? "电力折标按当量值" : "电力折标按等价值") + "，GWP " + gwpReport + "，"
                + (nonCo2Combustion ? "含燃烧的 CH4 与 N2O" : "仅 CO2");
    }

    public String summary() {
        return "guideline " + guideline + ", electricity " + electricityBasis + ", " + convention.code() + ", GWP "
                + gwpReport + ", " + (nonCo2Combustion ? "CH4 and N2O from combustion" : "CO2 only");
    }

    /** Guideline A, national average electricity factor, 当量值, AR2. */
    public static AccountingOptions defaults() {
        return new AccountingOptions("A", ElectricityBasis.NATIONAL, ElectricityConvention.CALORIFIC, "AR2");
    }

    public AccountingOptions withElectricityBasis(ElectricityBasis basis) {
        return new AccountingOptions(guideline, basis, convention, gwpReport, nonCo2Combustion);
    }

    public AccountingOptions withConvention(ElectricityConvention c) {
        return new AccountingOptions(guideline, electricityBasis, c, gwpReport, nonCo2Combustion);
    }

    public AccountingOptions withGwp(String report) {
        return new AccountingOptions(guideline, electricityBasis, convention, report, nonCo2Combustion);
    }

    public AccountingOptions withGuideline(String g) {
        return new AccountingOptions(g, electricityBasis, convention, gwpReport, nonCo2Combustion);
    }

    /**
     * With CH4 and N2O from stationary combustion (IPCC 2006 Vol.2 Tables 2.2 and 2.3 defaults, in the recorded GWP set),
     * as provincial inventories count them; the NDRC enterprise guidelines count CO2 only, so it is off by default.
     */
    public AccountingOptions withNonCo2Combustion(boolean on) {
        return new AccountingOptions(guideline, electricityBasis, convention, gwpReport, on);
    }

    /** Which electricity factor applies. */
    public enum ElectricityBasis {
        /** MEE/NBS national average of the data year (电力平均, 全国). */
        NATIONAL,
        /**
         * MEE/NBS regional-grid average of the data year (华北, 东北, 华东, 华中, 西北, 南方, 西南) for the grid the enterprise's
         * region belongs to; national when none is published.
         */
        REGIONAL,
        /** MEE/NBS provincial average of the data year for the enterprise's province; national when none is published. */
        PROVINCIAL,
        /** The carbon-market factor of the data year (全国电网平均排放因子, 碳市场报告口径). */
        ETS,
        /**
         * Market-based: purchased green electricity (绿电, traded with green certificates) at 0; all other purchased
         * electricity at the national factor without market-traded non-fossil power (MEE/NBS, 表4), the residual mix.
         */
        MARKET
    }

    /** 当量值 (calorific, 0.1229 kgce/kWh) or 等价值 (equivalent: thermal-power coal consumption). */
    public enum ElectricityConvention {
        CALORIFIC("calorific"),
        EQUIVALENT("equivalent");

        private final String code;

        ElectricityConvention(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
