package dev.peakline.footprint;

import dev.peakline.problems.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A product system solved as a linear system (the matrix method of LCA, as openLCA's inversion result computes it):
 * the technology matrix A (product flows × processes: a process's reference output positive, its use of another
 * process's product negative), the intervention matrix B (elementary flows × processes), the characterisation matrix
 * C (indicators × elementary flows). For a final demand f: scaling s = A⁻¹f, inventory g = Bs, impacts h = Cg, and
 * each process's direct contribution C·B·diag(s). Loops between processes (a plant using its own product upstream) are
 * exact, not truncated. Solved by LU with partial pivoting in a fixed order, so the same system gives the same bits on
 * every run.
 */
public final class ProductSystem {
    private final List<String> processes;
    private final List<String> products;
    private final List<String> elementary;
    private final double[][] a;
    private final double[][] b;

    /**
     * @param processes the processes, in order
     * @param products the product flows, in order; product i is the reference output of process i
     * @param a the technology matrix [product][process]
     * @param elementary the elementary flows
     * @param b the intervention matrix [elementary][process]
     */
    public ProductSystem(
            List<String> processes, List<String> products, double[][] a, List<String> elementary, double[][] b) {
        this.processes = List.copyOf(processes);
        this.products = List.copyOf(products);
        this.elementary = List.copyOf(elementary);
        this.a = a;
        this.b = b;
    }

    public List<String> processes() {
        return processes;
    }

    /** The result for a demand: scaling per process, impacts per indicator in total and per process. */
    public record Result(
            double[] scaling, Map<String, Double> inventory, Map<String, Double> total, Map<String, double[]> direct) {}

    /**
     * Solves for a demand of {@code amount} of {@code product}; {@code factors} indicator → elementary flow → factor.
     *
     * @throws IllegalArgumentException when A is singular (a product nobody makes in net, or processes that cancel)
     */
    public Result solve(String product, double amount, Map<String, Map<String, Double>> factors) {
        int n = processes.size();
        int ref = products.indexOf(product);
        if (ref < 0) {
            throw new IllegalArgumentException("'" + product + "' is not a product of the system");
        }
        double[] f = new double[n];
        f[ref] = amount;
        double[] s = solveLinear(a, f);
        Map<String, Double> inventory = new LinkedHashMap<>();
        for (int k = 0; k < elementary.size(); k++) {
            double g = 0;
            for (int j = 0; j < n; j++) {
                g += b[k][j] * s[j];
            }
            inventory.put(elementary.get(k), g);
        }
        Map<String, Double> total = new LinkedHashMap<>();
        Map<String, double[]> direct = new LinkedHashMap<>();
        for (var ind : factors.entrySet()) {
            double[] perProcess = new double[n];
            for (int k = 0; k < elementary.size(); k++) {
                Double c = ind.getValue().get(elementary.get(k));
                if (c == null) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    perProcess[j] += c * b[k][j] * s[j];
                }
            }
            double t = 0;
            for (double v : perProcess) {
                t += v;
            }
            total.put(ind.getKey(), t);
            direct.put(ind.getKey(), perProcess);
        }
        return new Result(s, inventory, total, direct);
    }

    /** x with A x = f, by Gaussian elimination with partial pivoting (A is copied, not changed). */
    static double[] solveLinear(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = matrix[i].clone();
        }
        double[] x = rhs.clone();
        double scale = 0;
        for (double[] row : m) {
            for (double v : row) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(m[pivot][col]) <= 1e-12 * scale) {
                throw new IllegalArgumentException("the technology matrix is singular at product " + (col + 1));
            }
            double[] tr = m[col];
            m[col] = m[pivot];
            m[pivot] = tr;
            double tx = x[col];
            x[col] = x[pivot];
            x[pivot] = tx;
            for (int r = col + 1; r < n; r++) {
                double q = m[r][col] / m[col][col];
                if (q == 0) {
                    continue;
                }
                for (int c = col; c < n; c++) {
                    m[r][c] -= q * m[col][c];
                }
                x[r] -= q * x[col];
            }
        }
        for (int r = n - 1; r >= 0; r--) {
            double v = x[r];
            for (int c = r + 1; c < n; c++) {
                v -= m[r][c] * x[c];
            }
            x[r] = v / m[r][r];
        }
        return x;
    }

    /** An exchange as written: process, flow, amount, unit, type (product, input or elementary). */
    public record Exchange(String process, String flow, double amount, String unit, String type, int row) {}

    /** A system built from exchanges, or what is wrong with them (row, column, why; never both). */
    public record Built(ProductSystem system, List<Problem> problems) {}

    /**
     * Builds the matrices: every process has exactly one {@code product} exchange (its reference output, positive),
     * no product flow has two providers, every {@code input} is another process's product, a flow keeps one unit.
     */
    public static Built build(String source, List<Exchange> exchanges) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> providerOf = new LinkedHashMap<>();
        Map<String, String> referenceOf = new LinkedHashMap<>();
        Map<String, Integer> referenceRow = new LinkedHashMap<>();
        Map<String, String> unitOf = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        List<String> processes = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (!processes.contains(e.process())) {
                processes.add(e.process());
                firstRow.put(e.process(), e.row());
            }
            String u = unitOf.putIfAbsent(e.flow(), e.unit());
            if (u != null && !u.equals(e.unit())) {
                problems.add(Problem.at(
                        "footprint.unit",
                        source,
                        e.row(),
                        "unit",
                        "flow '" + e.flow() + "' is in " + u + " elsewhere, here in " + e.unit()));
            }
            if (e.type().equals("product")) {
                if (!(e.amount() > 0)) {
                    problems.add(Problem.at(
                            "footprint.reference",
                            source,
                            e.row(),
                            "amount",
                            "the reference output of '" + e.process() + "' must be positive"));
                }
                String had = referenceOf.putIfAbsent(e.process(), e.flow());
                referenceRow.putIfAbsent(e.process(), e.row());
                if (had != null) {
                    problems.add(Problem.at(
                            "footprint.reference",
                            source,
                            e.row(),
                            "type",
                            "process '" + e.process() + "' has a second reference output ('" + e.flow()
                                    + "'; the first is '" + had + "'): split it or allocate first"));
                }
                String other = providerOf.putIfAbsent(e.flow(), e.process());
                if (other != null && !other.equals(e.process())) {
                    problems.add(Problem.at(
                            "footprint.provider",
                            source,
                            e.row(),
                            "flow",
                            "product '" + e.flow() + "' is made by '" + other + "' and '" + e.process()
                                    + "': choose one provider"));
                }
            }
        }
        for (String p : processes) {
            if (!referenceOf.containsKey(p)) {
                problems.add(Problem.at(
                        "footprint.reference",
                        source,
                        firstRow.get(p),
                        "process",
                        "process '" + p + "' has no reference output (a row of type product)"));
            }
        }
        for (Exchange e : exchanges) {
            if (e.type().equals("input") && !providerOf.containsKey(e.flow())) {
                problems.add(Problem.at(
                        "footprint.provider",
                        source,
                        e.row(),
                        "flow",
                        "input '" + e.flow() + "' is made by no process of the system: add its process, or give it as"
                                + " an elementary flow with a factor"));
            }
            if (e.type().equals("input") && !(e.amount() >= 0)) {
                problems.add(Problem.at(
                        "quantity.negative", source, e.row(), "amount", "an input is a consumption: not negative"));
            }
        }
        if (!problems.isEmpty()) {
            return new Built(null, problems);
        }
        List<String> products = processes.stream().map(referenceOf::get).toList();
        List<String> elementary = new ArrayList<>();
        for (Exchange e : exchanges) {
            if (e.type().equals("elementary") && !elementary.contains(e.flow())) {
                elementary.add(e.flow());
            }
        }
        int n = processes.size();
        double[][] a = new double[n][n];
        double[][] b = new double[elementary.size()][n];
        for (Exchange e : exchanges) {
            int j = processes.indexOf(e.process());
            switch (e.type()) {
                case "product" -> a[products.indexOf(e.flow())][j] += e.amount();
                case "input" -> a[products.indexOf(e.flow())][j] -= e.amount();
                default -> b[elementary.indexOf(e.flow())][j] += e.amount();
            }
        }
        return new Built(new ProductSystem(processes, products, a, elementary, b), List.of());
    }
}
