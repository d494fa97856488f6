package dev.peakline.io;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.DateWindow;
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
 */
public final class PollutantReader {
    private PollutantReader() {}

    public static final List<String> COLUMNS =
            List.of("enterprise", "period", "outlet", "pollutant", "quantity", "unit");
    /** The columns, by their English or Chinese names, in any order. */
    static final List<Columns.Spec> SPECS = List.of(
            new Columns.Spec("enterprise", List.of("企业", "统一社会信用代码"), true),
            new Columns.Spec("period", List.of("期间", "统计期"), true),
            new Columns.Spec("outlet", List.of("排放口"), true),
            new Columns.Spec("pollutant", List.of("污染物"), true),
            new Columns.Spec("quantity", List.of("排放量", "数量"), true),
            new Columns.Spec("unit", List.of("单位", "计量单位"), true),
            new Columns.Spec("method", List.of("数据获取方式"), false));

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

    /** An emission with how it was obtained. */
    public record Filed(EnvironmentalTax.Emission emission, String method) {}

    /** The emissions, or the problems (never both). */
    public record Read(List<Filed> emissions, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
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
            EnvironmentalTax.Emission e = row(source, l, cols, problems, seen);
            String m = METHODS.get(cols.get(l, "method").toLowerCase(Locale.ROOT));
            if (m == null) {
                problems.add(Problem.at(
                        "pollutants.method",
                        source,
                        l.number(),
                        "method",
                        "method is 实测 (measured), 系数 (coefficient) or 物料衡算 (mass_balance), not '"
                                + cols.get(l, "method") + "'"));
            } else if (e != null) {
                out.add(new Filed(e, m));
            }
        }
        return problems.isEmpty() ? new Read(out, List.of()) : new Read(List.of(), problems);
    }

    private static EnvironmentalTax.Emission row(
            String source, Table.Line l, Columns cols, List<Problem> problems, Set<String> seen) {
        int before = problems.size();
        String enterprise = cols.get(l, "enterprise");
        String period = cols.get(l, "period");
        String outlet = cols.get(l, "outlet").toLowerCase(Locale.ROOT);
        String name = cols.get(l, "pollutant");
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
        Double factor = KG.get(unit.toLowerCase(Locale.ROOT));
        if (factor == null) {
            problems.add(Problem.at(
                    "unit.unknown", source, l.number(), "unit", "unknown unit '" + unit + "'; use kg, t or g"));
        }
        double q = Double.NaN;
        try {
            q = Decimals.parse(quantity);
            if (q < 0) {
                problems.add(Problem.at(
                        "quantity.negative", source, l.number(), "quantity", "quantity " + quantity + " is negative"));
            } else if (factor != null && q * factor > 1e9) {
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
        if (!seen.add(enterprise + "|" + period + "|" + outlet + "|" + p.code())) {
            problems.add(Problem.at(
                    "period.duplicate",
                    source,
                    l.number(),
                    "pollutant",
                    p.nameCn() + " of " + enterprise + "'s " + outlet + " outlet in " + period + " is given twice"));
            return null;
        }
        return new EnvironmentalTax.Emission(enterprise, period, outlet, p, q * factor);
    }
}
