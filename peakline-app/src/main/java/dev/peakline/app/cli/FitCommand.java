package dev.peakline.app.cli;

import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.roadmap.Regression;
import dev.peakline.units.Decimals;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline fit}: a linear regression for STIRPAT and the like, by OLS or ridge (MASS::lm.ridge's scaling, the
 * constant given or chosen by HKB, L-W or GCV). Output {@code term,coefficient}: {@code intercept}, one row per
 * predictor, {@code r_squared}, and for ridge fits {@code k_hkb}, {@code k_lw} and {@code k} (the constant used).
 */
@Command(
        name = "fit",
        mixinStandardHelpOptions = true,
        description = "Linear regression (OLS by QR, or ridge as MASS::lm.ridge) of one column on others, optionally on"
                + " logarithms (STIRPAT: ln I = a + b ln P + c ln A + d ln T).")
public final class FitCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, description = "CSV with a header; one observation per row.")
    Path data;

    @Option(names = "--y", required = true, description = "The response column.")
    String y;

    @Option(names = "--x", split = ",", description = "Predictor columns (default: every other numeric column).")
    List<String> x;

    @Option(names = "--log", description = "Take natural logarithms of the response and the predictors.")
    boolean log;

    @Option(names = "--ridge", defaultValue = "none", description = "none (OLS), hkb, lw, gcv, or a constant k ≥ 0.")
    String ridge;

    @Option(
            names = "--trace",
            description = "Also write the ridge trace (岭迹): k,term,coefficient for k = 0 and 0.001 … 1 on a log grid,"
                    + " coefficients on the original scale, to choose k where they settle.")
    Path trace;

    @Option(names = "--out", required = true, description = "Output CSV: term,coefficient.")
    Path out;

    @Override
    public Integer call() {
        String source = data.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        String method = ridge.strip().toLowerCase(java.util.Locale.ROOT);
        double k = 0;
        if (!List.of("none", "hkb", "lw", "gcv").contains(method)) {
            try {
                k = Decimals.parse(method);
                if (k < 0) {
                    throw new NumberFormatException();
                }
                method = "k";
            } catch (NumberFormatException e) {
                problems.add(Problem.at(
                        "fit.ridge",
                        "--ridge",
                        0,
                        "ridge",
                        "'" + ridge + "' is none, hkb, lw, gcv or a constant k ≥ 0"));
            }
        }
        Table t;
        try {
            t = Table.csv(data);
        } catch (Refusal r) {
            r.problems().forEach(System.err::println);
            return 2;
        } catch (UncheckedIOException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if (t.lines().size() < 2) {
            problems.add(Problem.at("file.empty", source, 0, "", "the file has no data rows"));
            return fail(problems);
        }
        List<String> header = t.lines().get(0).cells();
        List<Table.Line> rows = t.lines().subList(1, t.lines().size());
        int yc = header.indexOf(y);
        if (yc < 0) {
            problems.add(Problem.at("header.missing", source, 1, y, "the header has no column '" + y + "'"));
        }
        List<String> names = new ArrayList<>();
        if (x != null) {
            for (String c : x) {
                if (!header.contains(c.strip())) {
                    problems.add(Problem.at("header.missing", source, 1, c, "the header has no column '" + c + "'"));
                }
                names.add(c.strip());
            }
        } else {
            // every other column whose cells are all numbers
            for (String h : header) {
                int c = header.indexOf(h);
                if (!h.equals(y) && rows.stream().allMatch(l -> numeric(l.cell(c)))) {
                    names.add(h);
                }
            }
        }
        if (names.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.at("fit.predictors", source, 1, "", "no predictor: give --x or numeric columns"));
        }
        if (!problems.isEmpty()) {
            return fail(problems);
        }
        int n = rows.size();
        double[] yv = new double[n];
        double[][] xv = new double[n][names.size()];
        for (int i = 0; i < n; i++) {
            Table.Line l = rows.get(i);
            yv[i] = value(source, l, yc, y, problems);
            for (int j = 0; j < names.size(); j++) {
                xv[i][j] = value(source, l, header.indexOf(names.get(j)), names.get(j), problems);
            }
        }
        if (n < names.size() + 2) {
            problems.add(Problem.at(
                    "fit.observations",
                    source,
                    0,
                    "",
                    n + " observation(s) for " + (names.size() + 1) + " parameter(s): at least " + (names.size() + 2)
                            + " are needed"));
        }
        if (!problems.isEmpty()) {
            return fail(problems);
        }
        Regression.Fit f;
        try {
            f = method.equals("none") ? Regression.ols(xv, yv) : Regression.ridge(xv, yv, method, k);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at("fit.singular", source, 0, "", e.getMessage()));
            return fail(problems);
        }
        if (!Double.isFinite(f.intercept()) || !Double.isFinite(f.rSquared())) {
            problems.add(Problem.at("fit.singular", source, 0, "", "the fit has no finite solution"));
            return fail(problems);
        }
        StringBuilder b = new StringBuilder("term,coefficient\n");
        b.append("intercept,").append(num(f.intercept())).append('\n');
        for (int j = 0; j < names.size(); j++) {
            b.append(ResultWriter.quote(names.get(j)))
                    .append(',')
                    .append(num(f.coefficients()[j]))
                    .append('\n');
        }
        b.append("r_squared,").append(num(f.rSquared())).append('\n');
        if (!method.equals("none")) {
            b.append("k_hkb,").append(num(f.kHkb())).append('\n');
            b.append("k_lw,").append(num(f.kLw())).append('\n');
            b.append("k,").append(num(f.k())).append('\n');
        }
        if (trace != null) {
            StringBuilder tr = new StringBuilder("k,term,coefficient\n");
            for (double kk : TRACE) {
                String ks =
                        java.math.BigDecimal.valueOf(kk).stripTrailingZeros().toPlainString();
                Regression.Fit g = kk == 0 ? Regression.ols(xv, yv) : Regression.ridge(xv, yv, "k", kk);
                tr.append(num(kk))
                        .append(",intercept,")
                        .append(num(g.intercept()))
                        .append('\n');
                for (int j = 0; j < names.size(); j++) {
                    tr.append(ks)
                            .append(',')
                            .append(ResultWriter.quote(names.get(j)))
                            .append(',')
                            .append(num(g.coefficients()[j]))
                            .append('\n');
                }
            }
            if (!CliFiles.write(trace, tr)) {
                return 2;
            }
        }
        if (!CliFiles.write(out, b)) {
            return 2;
        }
        return 0;
    }

    /** The ridge trace's constants: 0 (OLS), then 1, 2 and 5 × 10⁻³ … 10⁰. */
    static final double[] TRACE = {0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1};

    /** A coefficient in full: the shortest decimal that reads back as the same double, never in E notation. */
    static String num(double d) {
        return Double.isNaN(d) ? "" : new java.math.BigDecimal(Double.toString(d)).toPlainString();
    }

    private double value(String source, Table.Line l, int col, String name, List<Problem> problems) {
        String v = l.cell(col);
        double d;
        try {
            d = Decimals.parse(v);
        } catch (NumberFormatException e) {
            problems.add(Problem.at("number.format", source, l.number(), name, "'" + v + "' is not a number"));
            return Double.NaN;
        }
        if (Math.abs(d) > 1e30) {
            problems.add(Problem.at(
                    "fit.absurd", source, l.number(), name, v + " is implausibly large (above 1e30): check the unit"));
            return Double.NaN;
        }
        if (log) {
            if (!(d > 0)) {
                problems.add(Problem.at(
                        "fit.log", source, l.number(), name, v + " is not positive: --log takes its logarithm"));
                return Double.NaN;
            }
            return Math.log(d);
        }
        return d;
    }

    private static boolean numeric(String s) {
        try {
            Decimals.parse(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static int fail(List<Problem> problems) {
        return CliFiles.refuse(problems);
    }
}
