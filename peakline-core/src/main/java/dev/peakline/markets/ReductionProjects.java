package dev.peakline.markets;

import dev.peakline.problems.Problem;
import dev.peakline.reference.Csv;
import dev.peakline.sinks.Sinks;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Voluntary reduction projects (CCER and the province's own credits): the methodologies held as data, and the
 * reductions of a monitoring report computed by its methodology's type:
 *
 * <ul>
 *   <li><b>forest</b> (造林碳汇): ER = −gain × t − baseline − leakage, the gain by the sink inventory's IPCC method
 *       ({@link Sinks#gain}: A × I_V × BCEF × (1 + R) × CF × 44/12 a year), t the monitoring period in years.
 *   <li><b>karst</b> (岩溶碳汇): ER = −karst × t − baseline, by {@link Sinks#karst} (½ × Q × [HCO₃⁻] × 12/61 × 44/12).
 *   <li><b>methane</b> (煤矿瓦斯利用): ER = M_CH4 × GWP_CH4 − M_CH4 × 44/16 + (EG − EC) × EF_grid: the methane destroyed
 *       would have been vented (baseline), its oxidation emits CO2 (project), and the electricity it generates net of
 *       what the project uses displaces the grid's.
 *   <li><b>waste_heat</b> (余热余能发电) and <b>renewable</b> (可再生能源并网发电): ER = (EG − EC) × EF_grid.
 * </ul>
 *
 * Credits are whole tonnes rounded down: a credit is never issued for a reduction not made. The grid factor is the
 * province's average of the period's year from the reference library, as 碳普惠 uses; the methodologies' combined
 * margin is not in the library, which the methodology list says.
 */
public final class ReductionProjects {
    private ReductionProjects() {}

    /** CO2 per CH4, by molar mass (44/16): what oxidising a tonne of methane emits. */
    public static final double CO2_PER_CH4 = 44.0 / 16.0;

    /** The project types, with their Chinese names and the inputs a monitoring report gives (name, low, high). */
    public enum Type implements dev.peakline.domain.Coded {
        FOREST(
                "forest",
                "森林碳汇（造林）",
                List.of(
                        new Input("area_ha", "造林面积（公顷）", 0, 1e6, false),
                        new Input("increment_m3_ha_yr", "单位面积年蓄积生长量（m³/公顷·年）", 0, 50, false),
                        new Input("bcef", "生物量转换与扩展因子 BCEF（t/m³）", 0, 5, false),
                        new Input("root_shoot", "根冠比 R", 0, 2, true),
                        new Input("carbon_fraction", "含碳率 CF", 0, 1, false),
                        new Input("baseline_t", "基线碳汇量（tCO2）", 0, 1e8, true),
                        new Input("leakage_t", "泄漏（tCO2）", 0, 1e8, true))),
        KARST(
                "karst",
                "岩溶碳汇",
                List.of(
                        new Input("runoff_m3_yr", "流域年径流量（m³/年）", 0, 1e12, false),
                        new Input("hco3_mg_l", "HCO₃⁻ 浓度（mg/L）", 0, 1000, false),
                        new Input("baseline_t", "基线碳汇量（tCO2）", 0, 1e8, true))),
        METHANE(
                "methane",
                "甲烷利用（煤矿瓦斯）",
                List.of(
                        new Input("ch4_destroyed_t", "销毁的甲烷（t CH4）", 0, 1e7, false),
                        new Input("electricity_mwh", "上网或替代的电量（MWh）", 0, 1e8, true),
                        new Input("project_electricity_mwh", "项目自身耗电（MWh）", 0, 1e8, true))),
        WASTE_HEAT(
                "waste_heat",
                "余热余能利用",
                List.of(
                        new Input("electricity_mwh", "余热余能发电量（MWh）", 0, 1e8, false),
                        new Input("project_electricity_mwh", "项目自身耗电（MWh）", 0, 1e8, true))),
        RENEWABLE(
                "renewable",
                "可再生能源发电",
                List.of(
                        new Input("electricity_mwh", "上网电量（MWh）", 0, 1e8, false),
                        new Input("project_electricity_mwh", "项目自身耗电（MWh）", 0, 1e8, true)));

        private final String code;
        private final String chinese;
        private final List<Input> inputs;

        Type(String code, String chinese, List<Input> inputs) {
            this.code = code;
            this.chinese = chinese;
            this.inputs = inputs;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }

        public List<Input> inputs() {
            return inputs;
        }

        public static Optional<Type> parse(String text) {
            return dev.peakline.domain.Coded.parse(Type.class, text);
        }

        /** Whether the type's reductions accrue by the year (sinks) rather than from metered output. */
        public boolean annual() {
            return this == FOREST || this == KARST;
        }
    }

    /** An input of a monitoring report: the value lies in (low, high], or [low, high] when {@code zero} may be given. */
    public record Input(String name, String chinese, double low, double high, boolean optional) {}

    /** A methodology as shipped, with the instrument its credits are issued as and the GWP report it weighs CH4 by. */
    public record Methodology(
            String code,
            String name,
            Type type,
            Instrument instrument,
            String gwpReport,
            String document,
            String confidence) {}

    private static final List<Methodology> METHODOLOGIES =
            Csv.resource(ReductionProjects.class, "reduction_methodologies.csv").stream()
                    .map(r -> new Methodology(
                            r.get(0),
                            r.get(1),
                            Type.parse(r.get(2)).orElseThrow(),
                            Instrument.parse(r.get(3)).orElseThrow(),
                            r.get(4),
                            r.get(5),
                            r.get(6)))
                    .toList();

    public static List<Methodology> methodologies() {
        return METHODOLOGIES;
    }

    public static Optional<Methodology> methodology(String code) {
        String c = code == null ? "" : code.strip();
        return METHODOLOGIES.stream()
                .filter(m -> m.code().equalsIgnoreCase(c) || m.name().equals(c))
                .findFirst();
    }

    /** The factors a report's reductions use: the grid's average factor and GWP100 of CH4, with where they come from. */
    public record Factors(double gridFactor, String gridSource, double gwpCh4, String gwpSource) {}

    /** A report's reductions (tCO2e), the credits they give (whole tonnes, down), and the arithmetic. */
    public record Reduction(double reductionT, long credits, List<String> lines) {}

    /**
     * Checks a monitoring period: inside the crediting period, within one calendar year (the credits' vintage), and not
     * overlapping a period reported before.
     */
    public static List<Problem> checkPeriod(
            LocalDate from, LocalDate to, LocalDate creditFrom, LocalDate creditTo, List<LocalDate[]> earlier) {
        List<Problem> p = new ArrayList<>();
        if (from == null || to == null || to.isBefore(from)) {
            p.add(Problem.at(
                    "project.period", "report", 0, "periodTo", "the monitoring period needs a start and an end"));
            return p;
        }
        if (from.getYear() != to.getYear()) {
            p.add(Problem.at(
                    "project.period",
                    "report",
                    0,
                    "periodTo",
                    "a monitoring report covers one calendar year or part of one (its credits' vintage): split " + from
                            + " – " + to + " at the year's end"));
        }
        if (from.isBefore(creditFrom) || to.isAfter(creditTo)) {
            p.add(Problem.at(
                    "project.crediting",
                    "report",
                    0,
                    "periodFrom",
                    "the period " + from + " – " + to + " is outside the crediting period " + creditFrom + " – "
                            + creditTo));
        }
        for (LocalDate[] e : earlier) {
            if (!to.isBefore(e[0]) && !from.isAfter(e[1])) {
                p.add(Problem.at(
                        "project.overlap",
                        "report",
                        0,
                        "periodFrom",
                        "the period overlaps the report of " + e[0] + " – " + e[1] + ": a reduction is counted once"));
            }
        }
        return p;
    }

    /** Checks a report's inputs against its type: each required one given, each within its range, none unknown. */
    public static List<Problem> checkInputs(Type type, Map<String, Double> inputs) {
        List<Problem> p = new ArrayList<>();
        for (String k : inputs.keySet()) {
            if (type.inputs().stream().noneMatch(i -> i.name().equals(k))) {
                p.add(Problem.at(
                        "project.input",
                        "report",
                        0,
                        k,
                        "a " + type.code() + " report takes no " + k + " (it takes "
                                + String.join(
                                        ", ",
                                        type.inputs().stream().map(Input::name).toList())
                                + ")"));
            }
        }
        for (Input i : type.inputs()) {
            Double v = inputs.get(i.name());
            if (v == null) {
                if (!i.optional()) {
                    p.add(Problem.at("project.input", "report", 0, i.name(), i.chinese() + " is needed"));
                }
                continue;
            }
            boolean low = i.optional() ? v >= i.low() : v > i.low();
            if (!Double.isFinite(v) || !low || v > i.high()) {
                p.add(Problem.at(
                        "project.input",
                        "report",
                        0,
                        i.name(),
                        i.name() + " = " + v + " is outside " + (i.optional() ? "[" : "(") + fmt(i.low()) + ", "
                                + fmt(i.high()) + "]"));
            }
        }
        return p;
    }

    /** The period's length in years: its days over the days of its year (a whole year is 1). */
    public static double years(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return (double) days / from.lengthOfYear();
    }

    /** The reductions of a report whose inputs passed {@link #checkInputs}. */
    public static Reduction reduce(Type type, Map<String, Double> in, LocalDate from, LocalDate to, Factors f) {
        Map<String, Double> v = new LinkedHashMap<>(in);
        List<String> l = new ArrayList<>();
        double t = years(from, to);
        double er;
        switch (type) {
            case FOREST -> {
                double annual = -Sinks.gain(
                        v.get("area_ha"),
                        v.get("increment_m3_ha_yr"),
                        v.get("bcef"),
                        v.getOrDefault("root_shoot", 0.0),
                        v.get("carbon_fraction"));
                double base = v.getOrDefault("baseline_t", 0.0);
                double leak = v.getOrDefault("leakage_t", 0.0);
                er = annual * t - base - leak;
                l.add("年碳汇量 = " + fmt(v.get("area_ha")) + " ha × " + fmt(v.get("increment_m3_ha_yr")) + " m³/ha·年 × "
                        + fmt(v.get("bcef")) + " × (1 + " + fmt(v.getOrDefault("root_shoot", 0.0)) + ") × "
                        + fmt(v.get("carbon_fraction")) + " × 44/12 = " + fmt(annual) + " tCO2/年");
                l.add("减排量 = " + fmt(annual) + " × " + fmt(t) + " 年 − 基线 " + fmt(base) + " − 泄漏 " + fmt(leak) + " = "
                        + fmt(er) + " tCO2");
            }
            case KARST -> {
                double annual = -Sinks.karst(v.get("runoff_m3_yr"), v.get("hco3_mg_l"));
                double base = v.getOrDefault("baseline_t", 0.0);
                er = annual * t - base;
                l.add("年碳汇量 = ½ × " + fmt(v.get("runoff_m3_yr")) + " m³/年 × " + fmt(v.get("hco3_mg_l"))
                        + " mg/L × 10⁻⁶ × 12/61 × 44/12 = " + fmt(annual) + " tCO2/年");
                l.add("减排量 = " + fmt(annual) + " × " + fmt(t) + " 年 − 基线 " + fmt(base) + " = " + fmt(er) + " tCO2");
            }
            case METHANE -> {
                double ch4 = v.get("ch4_destroyed_t");
                double eg = v.getOrDefault("electricity_mwh", 0.0);
                double ec = v.getOrDefault("project_electricity_mwh", 0.0);
                double baseline = ch4 * f.gwpCh4();
                double project = ch4 * CO2_PER_CH4;
                double grid = (eg - ec) * f.gridFactor();
                er = baseline - project + grid;
                l.add("基线排放 = " + fmt(ch4) + " t CH4 × GWP " + fmt(f.gwpCh4()) + "（" + f.gwpSource() + "） = "
                        + fmt(baseline) + " tCO2e");
                l.add("项目排放（甲烷氧化） = " + fmt(ch4) + " × 44/16 = " + fmt(project) + " tCO2");
                l.add("替代电网电量 = (" + fmt(eg) + " − " + fmt(ec) + ") MWh × " + fmt(f.gridFactor()) + " tCO2/MWh（"
                        + f.gridSource() + "） = " + fmt(grid) + " tCO2");
                l.add("减排量 = " + fmt(baseline) + " − " + fmt(project) + " + " + fmt(grid) + " = " + fmt(er) + " tCO2e");
            }
            case WASTE_HEAT, RENEWABLE -> {
                double eg = v.get("electricity_mwh");
                double ec = v.getOrDefault("project_electricity_mwh", 0.0);
                er = (eg - ec) * f.gridFactor();
                l.add("减排量 = (" + fmt(eg) + " − " + fmt(ec) + ") MWh × " + fmt(f.gridFactor()) + " tCO2/MWh（"
                        + f.gridSource() + "） = " + fmt(er) + " tCO2");
            }
            default -> throw new IllegalStateException(type.code());
        }
        long credits = er > 0 ? (long) Math.floor(er + 1e-9) : 0;
        l.add("可签发减排量 = " + String.format(Locale.ROOT, "%,d", credits) + " tCO2e（向下取整）");
        return new Reduction(er, credits, l);
    }

    private static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) x);
        }
        String s = String.format(Locale.ROOT, "%,.4f", x);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
