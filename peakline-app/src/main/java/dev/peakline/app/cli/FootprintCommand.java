package dev.peakline.app.cli;

import dev.peakline.footprint.ProductSystem;
import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.units.Decimals;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline footprint}: a product system's footprint by the matrix method ({@link ProductSystem}). Exchanges
 * {@code process,flow,amount,unit,type}, factors {@code indicator,flow,factor}; output {@code indicator,process,value}:
 * for each indicator a {@code TOTAL} row, then one row per process with its direct contribution.
 */
@Command(
        name = "footprint",
        mixinStandardHelpOptions = true,
        description = "Product carbon footprint of a product system by the matrix method (s = A⁻¹f, g = Bs, h = Cg);"
                + " loops between processes solved exactly; each process's direct contribution.")
public final class FootprintCommand implements Callable<Integer> {
    @Option(
            names = "--exchanges",
            required = true,
            description = "CSV: process,flow,amount,unit,type (product = the process's reference output, input ="
                    + " another process's product, elementary = emission or resource, negative for uptake).")
    Path exchanges;

    @Option(names = "--factors", required = true, description = "CSV: indicator,flow,factor (per unit of the flow).")
    Path factors;

    @Option(names = "--demand", required = true, description = "FLOW=AMOUNT: the product and how much of it.")
    String demand;

    @Option(names = "--out", required = true, description = "Output CSV: indicator,process,value.")
    Path out;

    @Override
    public Integer call() {
        List<Problem> problems = new ArrayList<>();
        String exSource = exchanges.getFileName().toString();
        String fSource = factors.getFileName().toString();
        List<ProductSystem.Exchange> rows = new ArrayList<>();
        Map<String, Map<String, Double>> characterisation = new LinkedHashMap<>();
        String product = null;
        double amount = Double.NaN;
        int eq = demand.indexOf('=');
        if (eq <= 0) {
            problems.add(Problem.at("footprint.demand", "--demand", 0, "demand", "write the demand as FLOW=AMOUNT"));
        } else {
            product = demand.substring(0, eq).strip();
            try {
                amount = Decimals.parse(demand.substring(eq + 1));
                if (!(amount > 0)) {
                    problems.add(
                            Problem.at("footprint.demand", "--demand", 0, "demand", "the demanded amount is positive"));
                }
            } catch (NumberFormatException e) {
                problems.add(Problem.at(
                        "footprint.demand",
                        "--demand",
                        0,
                        "demand",
                        "'" + demand.substring(eq + 1) + "' is not a number"));
            }
        }
        try {
            for (Table.Line l : body(
                    exSource, Table.csv(exchanges), List.of("process", "flow", "amount", "unit", "type"), problems)) {
                String type = l.cell(4).toLowerCase(Locale.ROOT);
                if (!List.of("product", "input", "elementary").contains(type)) {
                    problems.add(Problem.at(
                            "footprint.type",
                            exSource,
                            l.number(),
                            "type",
                            "type is product, input or elementary, not '" + l.cell(4) + "'"));
                    continue;
                }
                if (l.cell(0).isEmpty() || l.cell(1).isEmpty()) {
                    problems.add(Problem.at(
                            "field.empty", exSource, l.number(), l.cell(0).isEmpty() ? "process" : "flow", "empty"));
                    continue;
                }
                Double v = number(exSource, l, 2, "amount", problems);
                if (v != null) {
                    rows.add(new ProductSystem.Exchange(l.cell(0), l.cell(1), v, l.cell(3), type, l.number()));
                }
            }
            for (Table.Line l : body(fSource, Table.csv(factors), List.of("indicator", "flow", "factor"), problems)) {
                Double v = number(fSource, l, 2, "factor", problems);
                if (v != null) {
                    Double had = characterisation
                            .computeIfAbsent(l.cell(0), k -> new LinkedHashMap<>())
                            .putIfAbsent(l.cell(1), v);
                    if (had != null) {
                        problems.add(Problem.at(
                                "footprint.factor",
                                fSource,
                                l.number(),
                                "flow",
                                "flow '" + l.cell(1) + "' has a second factor for " + l.cell(0)));
                    }
                }
            }
        } catch (Refusal r) {
            problems.addAll(r.problems());
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ProductSystem.Built built = problems.isEmpty() ? ProductSystem.build(exSource, rows) : null;
        if (built != null) {
            problems.addAll(built.problems());
        }
        ProductSystem.Result r = null;
        if (problems.isEmpty()) {
            try {
                r = built.system().solve(product, amount, characterisation);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.at("footprint.solve", exSource, 0, "", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            return CliFiles.refuse(problems);
        }
        StringBuilder b = new StringBuilder("indicator,process,value\n");
        List<String> processes = built.system().processes();
        for (var t : r.total().entrySet()) {
            String ind = ResultWriter.quote(t.getKey());
            b.append(ind)
                    .append(",TOTAL,")
                    .append(ResultWriter.num(t.getValue()))
                    .append('\n');
            double[] d = r.direct().get(t.getKey());
            for (int j = 0; j < processes.size(); j++) {
                b.append(ind)
                        .append(',')
                        .append(ResultWriter.quote(processes.get(j)))
                        .append(',')
                        .append(ResultWriter.num(d[j]))
                        .append('\n');
            }
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        System.err.println(processes.size() + " process(es) solved for " + demand);
        return 0;
    }

    /** The rows after a header that must name the columns, in this order of positions. */
    private static List<Table.Line> body(String source, Table t, List<String> columns, List<Problem> problems) {
        if (t.lines().isEmpty()) {
            problems.add(Problem.at("file.empty", source, 0, "", "the file has no header and no rows"));
            return List.of();
        }
        List<String> header = t.lines().get(0).cells().stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .toList();
        if (!header.subList(0, Math.min(header.size(), columns.size())).equals(columns)) {
            problems.add(Problem.at(
                    "header.missing",
                    source,
                    1,
                    "",
                    "the header is " + String.join(",", columns) + "; found: " + String.join(",", header)));
            return List.of();
        }
        return t.lines().subList(1, t.lines().size());
    }

    private static Double number(String source, Table.Line l, int col, String name, List<Problem> problems) {
        try {
            double d = Decimals.parse(l.cell(col));
            if (Math.abs(d) > 1e15) {
                problems.add(Problem.at("quantity.absurd", source, l.number(), name, name + " is implausibly large"));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(
                    Problem.at("number.format", source, l.number(), name, "'" + l.cell(col) + "' is not a number"));
            return null;
        }
    }
}
