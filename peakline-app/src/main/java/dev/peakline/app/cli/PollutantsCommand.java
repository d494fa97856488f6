package dev.peakline.app.cli;

import dev.peakline.domain.CreditCode;
import dev.peakline.io.ResultWriter;
import dev.peakline.io.Table;
import dev.peakline.pollution.EnvironmentalTax;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.units.Decimals;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline pollutants}: pollution equivalents and the environmental protection tax of air and water emissions
 * (环境保护税法 附表二 and its rules per outlet). Input {@code enterprise,period,outlet,pollutant,quantity,unit}; output one
 * row per input row: {@code enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,pollution_equivalents,
 * taxed,tax_yuan}.
 */
@Command(
        name = "pollutants",
        mixinStandardHelpOptions = true,
        description = "Pollution equivalents (污染当量) and environmental protection tax (环境保护税) per enterprise, month,"
                + " outlet and pollutant: the three largest air pollutants of an outlet taxed, of water the five largest"
                + " first-class and three largest other pollutants (one of COD, BOD5, TOC).")
public final class PollutantsCommand implements Callable<Integer> {
    static final List<String> COLUMNS = List.of("enterprise", "period", "outlet", "pollutant", "quantity", "unit");
    static final Map<String, Double> KG =
            Map.of("kg", 1.0, "千克", 1.0, "公斤", 1.0, "t", 1000.0, "吨", 1000.0, "g", 0.001, "克", 0.001);

    @Option(
            names = "--emissions",
            required = true,
            description = "CSV: enterprise,period,outlet,pollutant,quantity,unit (outlet air or water; pollutant by"
                    + " Chinese name or formula; unit kg, t or g).")
    Path emissions;

    @Option(
            names = "--air-rate",
            required = true,
            description = "Yuan per air pollution equivalent (the province's rate, 1.2–12).")
    double airRate;

    @Option(
            names = "--water-rate",
            required = true,
            description = "Yuan per water pollution equivalent (the province's rate, 1.4–14).")
    double waterRate;

    @Option(
            names = "--out",
            required = true,
            description = "Output CSV: enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,"
                    + "pollution_equivalents,taxed,tax_yuan.")
    Path out;

    @Override
    public Integer call() {
        String source = emissions.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        if (!(airRate >= EnvironmentalTax.AIR_MIN && airRate <= EnvironmentalTax.AIR_MAX)) {
            problems.add(Problem.at(
                    "pollutants.rate",
                    "--air-rate",
                    0,
                    "air-rate",
                    "the air rate is " + airRate + " yuan per equivalent; the law's range is 1.2 to 12"));
        }
        if (!(waterRate >= EnvironmentalTax.WATER_MIN && waterRate <= EnvironmentalTax.WATER_MAX)) {
            problems.add(Problem.at(
                    "pollutants.rate",
                    "--water-rate",
                    0,
                    "water-rate",
                    "the water rate is " + waterRate + " yuan per equivalent; the law's range is 1.4 to 14"));
        }
        List<EnvironmentalTax.Emission> rows = new ArrayList<>();
        try {
            Table t = Table.csv(emissions);
            if (t.lines().size() < 2) {
                problems.add(Problem.at("file.empty", source, 0, "", "the file has no data rows"));
            } else {
                List<String> header = t.lines().get(0).cells().stream()
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .toList();
                int[] col = new int[COLUMNS.size()];
                for (int k = 0; k < col.length; k++) {
                    col[k] = header.indexOf(COLUMNS.get(k));
                    if (col[k] < 0) {
                        problems.add(Problem.at(
                                "header.missing",
                                source,
                                1,
                                COLUMNS.get(k),
                                "the header has no column '" + COLUMNS.get(k) + "'; found: "
                                        + String.join(",", header)));
                    }
                }
                if (problems.stream().noneMatch(p -> p.code().equals("header.missing"))) {
                    Set<String> seen = new HashSet<>();
                    for (Table.Line l : t.lines().subList(1, t.lines().size())) {
                        EnvironmentalTax.Emission e = row(source, l, col, problems, seen);
                        if (e != null) {
                            rows.add(e);
                        }
                    }
                }
            }
        } catch (Refusal r) {
            problems.addAll(r.problems());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (!problems.isEmpty()) {
            return CliFiles.refuse(problems);
        }
        StringBuilder b = new StringBuilder(
                "enterprise,period,outlet,pollutant,quantity_kg,equivalent_value_kg,pollution_equivalents,taxed,tax_yuan\n");
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (EnvironmentalTax.Line l : EnvironmentalTax.tax(rows, airRate, waterRate)) {
            EnvironmentalTax.Emission e = l.emission();
            b.append(e.enterprise())
                    .append(',')
                    .append(e.period())
                    .append(',')
                    .append(e.outlet())
                    .append(',')
                    .append(ResultWriter.quote(e.pollutant().nameCn()))
                    .append(',')
                    .append(new java.math.BigDecimal(Double.toString(e.kg()))
                            .stripTrailingZeros()
                            .toPlainString())
                    .append(',')
                    .append(new java.math.BigDecimal(
                                    Double.toString(e.pollutant().kgPerEquivalent()))
                            .stripTrailingZeros()
                            .toPlainString())
                    .append(',')
                    .append(l.equivalents().toPlainString())
                    .append(',')
                    .append(l.taxed())
                    .append(',')
                    .append(l.taxYuan().toPlainString())
                    .append('\n');
            total = total.add(l.taxYuan());
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(
                rows.size() + " pollutant line(s); environmental protection tax " + total.toPlainString() + " yuan");
        return 0;
    }

    private static EnvironmentalTax.Emission row(
            String source, Table.Line l, int[] col, List<Problem> problems, Set<String> seen) {
        int before = problems.size();
        String enterprise = l.cell(col[0]);
        String period = l.cell(col[1]);
        String outlet = l.cell(col[2]).toLowerCase(Locale.ROOT);
        String name = l.cell(col[3]);
        String quantity = l.cell(col[4]);
        String unit = l.cell(col[5]);
        CreditCode.problemWith(enterprise)
                .ifPresent(why ->
                        problems.add(Problem.at("enterprise.credit_code", source, l.number(), "enterprise", why)));
        if (!period.matches("[0-9]{4}-(0[1-9]|1[0-2])")) {
            problems.add(Problem.at(
                    "period.format", source, l.number(), "period", "'" + period + "' is not a month: write YYYY-MM"));
        }
        if (!outlet.equals("air") && !outlet.equals("water")) {
            problems.add(Problem.at(
                    "pollutants.outlet", source, l.number(), "outlet", "outlet is air or water, not '" + outlet + "'"));
        }
        EnvironmentalTax.Pollutant p = null;
        if (outlet.equals("air") || outlet.equals("water")) {
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
