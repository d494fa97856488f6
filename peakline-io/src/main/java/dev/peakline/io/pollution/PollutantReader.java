package dev.peakline.io.pollution;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.DateWindow;
import dev.peakline.io.table.Columns;
import dev.peakline.io.table.Table;
import dev.peakline.pollution.Coefficient;
import dev.peakline.pollution.EnvironmentalTax;
import dev.peakline.problems.Problem;
import dev.peakline.units.Decimals;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Pollutant emissions as filed: {@code enterprise,period,outlet,pollutant,quantity,unit[,method]} (outlet air or water,
 * the pollutant by Chinese name or formula of the 环境保护税法 table, unit kg, t or g; method 实测/measured,
 * 系数/coefficient or 物料衡算/mass_balance, measured when empty). Every row is checked; problems carry row and column;
 * with any, no emission is returned. The command line and the server read with this.
 *
 * <p>An emission computed by the production-and-emission coefficient method gives its basis in four more columns,
 * {@code activity,coefficient,removal_efficiency,operating_rate} (活动水平, 产污系数, 去除效率, 运行率; η and k as a
 * fraction or with %): the quantity is then {@link Coefficient#emitted()} in the row's unit and may be left empty; if it
 * is given it must agree with the computation to 0.1 %.
 *
 * <p>An enterprise with several outlets of a medium numbers them in {@code outlet_id} (排放口编号, as in its 排污许可证:
 * DA001, DW001); each numbered outlet is taxed on its own. Without it, one outlet per medium. The water special items
 * (pH值, 色度, 大肠菌群数, 余氯量) give the sewage discharged as the quantity (t or m³) and, for pH, its value in
 * {@code level} (监测值); for 色度 the measured colour in {@code level} and the discharge standard's in {@code limit}
 * (标准限值); for 大肠菌群数, when both are given, the count must be above the standard (it is taxed only then).
 */
public final class PollutantReader {
    private PollutantReader() {}

    public static final List<String> COLUMNS =
            List.of("enterprise", "period", "outlet", "pollutant", "quantity", "unit");
    /** The columns, by their English or Chinese names, in any order. */
    static final List<Columns.Spec> SPECS = List.of(
            new Columns.Spec("enterprise", List.of("企业", "统一社会信用代码"), true),
            new Columns.Spec("period", List.of("期间", "统计期"), true),
            new Columns.Spec("outlet", List.of("排放口类型", "排放口"), true),
            new Columns.Spec("outlet_id", List.of("排放口编号"), false),
            new Columns.Spec("pollutant", List.of("污染物"), true),
            new Columns.Spec("quantity", List.of("排放量", "数量"), true),
            new Columns.Spec("unit", List.of("单位", "计量单位"), true),
            new Columns.Spec("method", List.of("数据获取方式"), false),
            new Columns.Spec("activity", List.of("产品产量", "活动水平"), false),
            new Columns.Spec("coefficient", List.of("产污系数"), false),
            new Columns.Spec("removal_efficiency", List.of("去除效率"), false),
            new Columns.Spec("operating_rate", List.of("运行率"), false),
            new Columns.Spec("level", List.of("pH值监测值", "监测值"), false),
            new Columns.Spec("limit", List.of("排放标准限值", "标准限值"), false));

    /** The sewage discharged, in t, for the special items (1 m³ of sewage is taken as 1 t). */
    static final Map<String, Double> SEWAGE_T =
            Map.of("t", 1.0, "吨", 1.0, "m3", 1.0, "m³", 1.0, "立方米", 1.0, "万t", 1e4, "万吨", 1e4, "万m3", 1e4, "万m³", 1e4);

    /** An outlet's number: letters, digits, '-' or '_', at most 32 (the platform checks it is registered). */
    static final java.util.regex.Pattern OUTLET_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,32}");

    static final Map<String, Double> KG =
            Map.of("kg", 1.0, "千克", 1.0, "公斤", 1.0, "t", 1000.0, "吨", 1000.0, "g", 0.001, "克", 0.001);
    static final Map<String, String> METHODS = Map.of(
            "", "MEASURED",
            "measured", "MEASURED",
            "实测", "MEASURED",
            "coefficient", "COEFFICIENT",
            "系数", "COEFFICIENT",
            "产排污系数", "COEFFICIENT",
            "mass_balance", "MASS_BALANCE",
            "物料衡算", "MASS_BALANCE");

    /** An emission with how it was obtained, and for the coefficient method the numbers it was computed from. */
    public record Filed(EnvironmentalTax.Emission emission, String method, Coefficient basis, int row) {
        public Filed(EnvironmentalTax.Emission emission, String method, Coefficient basis) {
            this(emission, method, basis, 0);
        }

        public Filed(EnvironmentalTax.Emission emission, String method) {
            this(emission, method, null);
        }
    }

    /** The emissions, or the problems (never both). */
    public record Read(List<Filed> emissions, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Whether the table's header has the {@code outlet_id} column (numbered outlets). */
    public static boolean numbersOutlets(Table t) {
        return !t.lines().isEmpty()
                && Columns.of(t.lines().get(0), SPECS, t.source(), new ArrayList<>())
                        .has("outlet_id");
    }

    public static Read read(Table t) {
        String source = t.source();
        List<Problem> problems = new ArrayList<>();
        List<Filed> out = new ArrayList<>();
        if (t.lines().size() < 2) {
            problems.add(Problem.at("file.empty", source, 0, "", "the file has no data rows"));
            return new Read(List.of(), problems);
        }
        Columns cols = Columns.of(t.lines().get(0), SPECS, source, problems);
        if (!problems.isEmpty()) {
            return new Read(List.of(), problems);
        }
        Set<String> seen = new HashSet<>();
        for (Table.Line l : t.lines().subList(1, t.lines().size())) {
            int before = problems.size();
            Coefficient basis = basis(source, l, cols, problems);
            String m = METHODS.get(cols.get(l, "method").toLowerCase(Locale.ROOT));
            if (basis != null && cols.get(l, "method").isEmpty()) {
                m = "COEFFICIENT";
            }
            EnvironmentalTax.Emission e = problems.size() > before ? null : row(source, l, cols, problems, seen, basis);
            if (basis != null && m != null && !m.equals("COEFFICIENT")) {
                problems.add(Problem.at(
                        "pollutants.basis",
                        source,
                        l.number(),
                        "method",
                        "a row with an activity and a coefficient is computed by the coefficient method (系数), not "
                                + cols.get(l, "method")));
            } else if (m == null) {
                problems.add(Problem.at(
                        "pollutants.method",
                        source,
                        l.number(),
                        "method",
                        "method is 实测 (measured), 系数 (coefficient) or 物料衡算 (mass_balance), not '"
                                + cols.get(l, "method") + "'"));
            } else if (e != null) {
                out.add(new Filed(e, m, basis, l.number()));
            }
        }
        return problems.isEmpty() ? new Read(out, List.of()) : new Read(List.of(), problems);
    }

    /** The coefficient method's basis of a row, null when it has none (problems added when it is incomplete). */
    private static Coefficient basis(String source, Table.Line l, Columns cols, List<Problem> problems) {
        String activity = cols.get(l, "activity");
        String coefficient = cols.get(l, "coefficient");
        String removal = cols.get(l, "removal_efficiency");
        String rate = cols.get(l, "operating_rate");
        if (activity.isEmpty() && coefficient.isEmpty() && removal.isEmpty() && rate.isEmpty()) {
            return null;
        }
        int before = problems.size();
        double a = amount(source, l, "activity", activity, problems);
        double c = amount(source, l, "coefficient", coefficient, problems);
        double eta = removal.isEmpty() ? 0 : fraction(source, l, "removal_efficiency", removal, problems);
        double k = rate.isEmpty() ? 1 : fraction(source, l, "operating_rate", rate, problems);
        if (!removal.isEmpty() && rate.isEmpty()) {
            problems.add(Problem.at(
                    "pollutants.basis",
                    source,
                    l.number(),
                    "operating_rate",
                    "a removal efficiency needs the control facility's operating rate (运行率)"));
        }
        return problems.size() > before ? null : new Coefficient(a, c, eta, k);
    }

    private static double amount(String source, Table.Line l, String column, String text, List<Problem> problems) {
        if (text.isEmpty()) {
            problems.add(Problem.at(
                    "pollutants.basis",
                    source,
                    l.number(),
                    column,
                    "the coefficient method needs both the activity (活动水平) and the coefficient (产污系数)"));
            return 0;
        }
        try {
            double v = Decimals.parse(text);
            if (v < 0 || v > 1e12) {
                problems.add(Problem.at(
                        "quantity.absurd", source, l.number(), column, column + " " + text + " is out of range"));
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(Problem.at("number.format", source, l.number(), column, "'" + text + "' is not a number"));
            return 0;
        }
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** η or k: a fraction 0–1, or a percentage written with %; 0 after a problem. */
    private static double fraction(String source, Table.Line l, String column, String text, List<Problem> problems) {
        double f = dev.peakline.io.table.Cells.fraction(source, l, column, text, problems);
        return Double.isNaN(f) ? 0 : f;
    }

    private static EnvironmentalTax.Emission row(
            String source, Table.Line l, Columns cols, List<Problem> problems, Set<String> seen, Coefficient basis) {
        int before = problems.size();
        String enterprise = cols.get(l, "enterprise");
        String period = cols.get(l, "period");
        String outlet = cols.get(l, "outlet").toLowerCase(Locale.ROOT);
        String outletId = cols.get(l, "outlet_id").toUpperCase(Locale.ROOT);
        String name = cols.get(l, "pollutant");
        if (!outletId.isEmpty() && !OUTLET_ID.matcher(outletId).matches()) {
            problems.add(Problem.at(
                    "pollutants.outlet_id",
                    source,
                    l.number(),
                    "outlet_id",
                    "outlet number '" + outletId + "' is not an outlet's number as in the permit (letters and digits,"
                            + " e.g. DA001 or DW001)"));
        }
        String quantity = cols.get(l, "quantity");
        String unit = cols.get(l, "unit");
        CreditCode.problemWith(enterprise)
                .ifPresent(why ->
                        problems.add(Problem.at("enterprise.credit_code", source, l.number(), "enterprise", why)));
        if (!period.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            problems.add(Problem.at(
                    "period.format", source, l.number(), "period", "'" + period + "' is not a month: write YYYY-MM"));
        } else if (!DateWindow.contains(Integer.parseInt(period.substring(0, 4)))) {
            problems.add(Problem.at(
                    "period.year",
                    source,
                    l.number(),
                    "period",
                    "year " + period.substring(0, 4) + " is " + DateWindow.outside()));
        }
        EnvironmentalTax.Pollutant p = null;
        if (!outlet.equals("air") && !outlet.equals("water")) {
            problems.add(Problem.at(
                    "pollutants.outlet", source, l.number(), "outlet", "outlet is air or water, not '" + outlet + "'"));
        } else {
            p = EnvironmentalTax.shipped().find(outlet, name).orElse(null);
            if (p == null) {
                problems.add(Problem.at(
                        "pollutants.unknown",
                        source,
                        l.number(),
                        "pollutant",
                        "'" + name + "' is not a taxable " + outlet
                                + " pollutant of the 环境保护税法 table (write its Chinese name or formula, e.g. "
                                + (outlet.equals("air") ? "二氧化硫 or SO2" : "化学需氧量 or COD") + ")"));
            }
        }
        boolean sewage = p != null && p.onSewage();
        Double factor = sewage ? SEWAGE_T.get(unit) : KG.get(unit.toLowerCase(Locale.ROOT));
        if (factor == null && sewage) {
            problems.add(Problem.at(
                    "unit.unknown",
                    source,
                    l.number(),
                    "unit",
                    p.nameCn() + " is taxed on the sewage discharged: give it in t or m³ (吨污水), not '" + unit + "'"));
        } else if (factor == null) {
            problems.add(Problem.at(
                    "unit.unknown", source, l.number(), "unit", "unknown unit '" + unit + "'; use kg, t or g"));
        }
        double level = sewage ? level(source, l, cols, p, problems) : Double.NaN;
        double q = Double.NaN;
        try {
            if (basis != null && quantity.isEmpty()) {
                quantity = String.valueOf(basis.emitted());
            }
            q = Decimals.parse(quantity);
            if (basis != null && Math.abs(q - basis.emitted()) > 0.001 * Math.max(q, basis.emitted())) {
                problems.add(Problem.at(
                        "pollutants.basis",
                        source,
                        l.number(),
                        "quantity",
                        "quantity " + quantity + " disagrees with the coefficient method: " + plain(basis.activity())
                                + " × " + plain(basis.coefficient()) + " × (1 − " + plain(basis.removal()) + " × "
                                + plain(basis.operatingRate()) + ") = " + plain(basis.emitted())));
            }
            if (q < 0) {
                problems.add(Problem.at(
                        "quantity.negative", source, l.number(), "quantity", "quantity " + quantity + " is negative"));
            } else if (factor != null && q * factor > (sewage ? 1e10 : 1e9)) {
                problems.add(Problem.at(
                        "quantity.absurd",
                        source,
                        l.number(),
                        "quantity",
                        "quantity " + quantity + " " + unit + " is implausibly large for one outlet in a month"));
            }
        } catch (NumberFormatException e) {
            problems.add(
                    Problem.at("number.format", source, l.number(), "quantity", "'" + quantity + "' is not a number"));
        }
        if (problems.size() > before) {
            return null;
        }
        if (!seen.add(enterprise + "|" + period + "|" + outlet + "|" + outletId + "|" + p.code())) {
            problems.add(Problem.at(
                    "period.duplicate",
                    source,
                    l.number(),
                    "pollutant",
                    p.nameCn() + " of " + enterprise + "'s " + (outletId.isEmpty() ? outlet : outletId) + " outlet in "
                            + period + " is given twice"
                            + (outletId.isEmpty() ? " (number the outlets in outlet_id when there are several)" : "")));
            return null;
        }
        return new EnvironmentalTax.Emission(enterprise, period, outlet, outletId, p, q * factor, level);
    }

    /**
     * The level of a special item: pH's value (0–14); 色度's exceedance multiple (measured − standard) ÷ standard, 0
     * at or below the standard; NaN for 大肠菌群数 and 余氯量 (a coliform count at or below a standard given is refused).
     */
    private static double level(
            String source, Table.Line l, Columns cols, EnvironmentalTax.Pollutant p, List<Problem> problems) {
        String level = cols.get(l, "level");
        String limit = cols.get(l, "limit");
        Double v = level.isEmpty() ? null : number(source, l, "level", level, problems);
        Double std = limit.isEmpty() ? null : number(source, l, "limit", limit, problems);
        switch (p.code()) {
            case "pH":
                if (v == null) {
                    if (level.isEmpty()) {
                        problems.add(Problem.at(
                                "pollutants.level",
                                source,
                                l.number(),
                                "level",
                                "pH值 needs the measured pH in level (监测值), e.g. 4.5"));
                    }
                    return Double.NaN;
                }
                if (!(v >= 0 && v <= 14)) {
                    problems.add(Problem.at(
                            "pollutants.level",
                            source,
                            l.number(),
                            "level",
                            "pH " + level + " is not between 0 and 14"));
                }
                return v;
            case "colour":
                if (v == null || std == null) {
                    if (level.isEmpty() || limit.isEmpty()) {
                        problems.add(Problem.at(
                                "pollutants.level",
                                source,
                                l.number(),
                                level.isEmpty() ? "level" : "limit",
                                "色度 needs the measured colour (稀释倍数) in level (监测值) and the discharge standard's in"
                                        + " limit (标准限值), e.g. 320 and 80"));
                    }
                    return Double.NaN;
                }
                if (!(std > 0) || v < 0) {
                    problems.add(Problem.at(
                            "pollutants.level",
                            source,
                            l.number(),
                            std > 0 ? "level" : "limit",
                            "colour levels are positive multiples (稀释倍数), not " + level + " and " + limit));
                    return Double.NaN;
                }
                return Math.max(0, (v - std) / std);
            default:
                if (p.code().equals("coliform") && v != null && std != null && v <= std) {
                    problems.add(Problem.at(
                            "pollutants.level",
                            source,
                            l.number(),
                            "level",
                            "大肠菌群数 " + level + " is within the standard's " + limit
                                    + ": it is taxed only above the standard, leave the row out"));
                }
                return Double.NaN;
        }
    }

    private static Double number(String source, Table.Line l, String column, String text, List<Problem> problems) {
        try {
            double v = Decimals.parse(text);
            if (!Double.isFinite(v) || Math.abs(v) > 1e12) {
                problems.add(Problem.at(
                        "quantity.absurd", source, l.number(), column, column + " " + text + " is out of range"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(Problem.at("number.format", source, l.number(), column, "'" + text + "' is not a number"));
            return null;
        }
    }
}
