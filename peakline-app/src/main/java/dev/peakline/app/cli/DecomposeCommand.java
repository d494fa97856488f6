package dev.peakline.app.cli;

import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.roadmap.Lmdi;
import dev.peakline.units.Decimals;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline decompose}: why an aggregate changed between consecutive years, factor by factor (LMDI-I, additive and
 * multiplicative). Input {@code year,category,factor,value}: each category's aggregate is the product of its factors,
 * the total the sum over categories. Output {@code from_year,to_year,factor,additive,multiplicative}, one row per pair of
 * consecutive years and factor, then factor {@code TOTAL} (ΔV and D of the total).
 */
@Command(
        name = "decompose",
        mixinStandardHelpOptions = true,
        description = "LMDI-I decomposition (Ang 2005) of an aggregate's change between consecutive years into its"
                + " factors' effects, additive and multiplicative; zero values by their analytical limits.")
public final class DecomposeCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, description = "CSV: year,category,factor,value (long format).")
    Path input;

    @Option(
            names = "--out",
            required = true,
            description = "Output CSV: from_year,to_year,factor,additive,multiplicative.")
    Path out;

    @Override
    public Integer call() {
        String source = input.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        List<Lmdi.Value> values = new ArrayList<>();
        try {
            Table t = Table.csv(input);
            if (t.lines().isEmpty()) {
                problems.add(Problem.at("file.empty", source, 0, "", "the file has no header and no rows"));
            } else {
                List<String> header = t.lines().get(0).cells().stream()
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .toList();
                int[] col = new int[4];
                String[] names = {"year", "category", "factor", "value"};
                for (int k = 0; k < 4; k++) {
                    col[k] = header.indexOf(names[k]);
                    if (col[k] < 0) {
                        problems.add(Problem.at(
                                "header.missing",
                                source,
                                1,
                                names[k],
                                "the header has no column '" + names[k] + "'; found: " + String.join(",", header)));
                    }
                }
                if (problems.isEmpty()) {
                    for (Table.Line l : t.lines().subList(1, t.lines().size())) {
                        Lmdi.Value v = value(source, l, col, problems);
                        if (v != null) {
                            values.add(v);
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
        Lmdi.Result r = problems.isEmpty() ? Lmdi.decompose(source, values) : new Lmdi.Result(List.of(), problems);
        if (!r.problems().isEmpty()) {
            r.problems().forEach(System.err::println);
            System.err.println(r.problems().size() + " problem(s); nothing was written");
            return 2;
        }
        StringBuilder b = new StringBuilder("from_year,to_year,factor,additive,multiplicative\n");
        for (Lmdi.Effect e : r.effects()) {
            b.append(e.fromYear())
                    .append(',')
                    .append(e.toYear())
                    .append(',')
                    .append(ResultWriter.quote(e.factor()))
                    .append(',')
                    .append(ResultWriter.num(e.additive()))
                    .append(',')
                    .append(ratio(e.multiplicative()))
                    .append('\n');
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.printf(
                "decomposed %d pair(s) of years into %d effect(s)%n",
                r.effects().stream().filter(e -> e.factor().equals("TOTAL")).count(),
                r.effects().size());
        return 0;
    }

    /** A multiplicative effect to nine decimals (empty when undefined: a zero total). */
    static String ratio(double d) {
        return Double.isNaN(d)
                ? ""
                : new java.math.BigDecimal(Double.toString(d))
                        .setScale(9, java.math.RoundingMode.HALF_UP)
                        .toPlainString();
    }

    private static Lmdi.Value value(String source, Table.Line l, int[] col, List<Problem> problems) {
        int before = problems.size();
        String y = l.cell(col[0]);
        String c = l.cell(col[1]);
        String f = l.cell(col[2]);
        String v = l.cell(col[3]);
        int year = 0;
        if (!y.matches("[0-9]{4}")) {
            problems.add(Problem.at("lmdi.year", source, l.number(), "year", "'" + y + "' is not a year (YYYY)"));
        } else {
            year = Integer.parseInt(y);
        }
        if (c.isEmpty()) {
            problems.add(Problem.at("field.empty", source, l.number(), "category", "category is empty"));
        }
        if (f.isEmpty()) {
            problems.add(Problem.at("field.empty", source, l.number(), "factor", "factor is empty"));
        }
        double d = Double.NaN;
        try {
            d = Decimals.parse(v);
        } catch (NumberFormatException e) {
            problems.add(Problem.at(
                    "number.format",
                    source,
                    l.number(),
                    "value",
                    "'" + v + "' is not a number (use a dot as decimal separator and no thousands separator)"));
        }
        return problems.size() > before ? null : new Lmdi.Value(year, c, f, d, l.number());
    }
}
