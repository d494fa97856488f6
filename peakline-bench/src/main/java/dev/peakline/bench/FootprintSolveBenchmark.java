package dev.peakline.bench;

import dev.peakline.footprint.ProductSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The footprint solve a user waits on: a product system of N processes, each making one unit and using three others
 * (loops included, seeded), built from its exchanges and solved for 1,000 units of one product by Peakline
 * ({@link ProductSystem}: build + solve + contributions) and, on the same technology matrix, by EJML's dense LU (the
 * peer: solve only). Prints each run and the medians.
 *
 * <p>Usage: {@code java -cp … dev.peakline.bench.FootprintSolveBenchmark N RUNS}
 */
public final class FootprintSolveBenchmark {
    private FootprintSolveBenchmark() {}

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int runs = Integer.parseInt(args[1]);
        Random random = new Random(7);
        List<ProductSystem.Exchange> ex = new ArrayList<>();
        double[][] a = new double[n][n];
        int row = 1;
        for (int j = 0; j < n; j++) {
            ex.add(new ProductSystem.Exchange("p" + j, "f" + j, 1, "unit", "product", row++));
            a[j][j] = 1;
            ex.add(new ProductSystem.Exchange("p" + j, "CO2", 1 + random.nextDouble(), "kg", "elementary", row++));
            for (int k = 0; k < 3; k++) {
                int i = random.nextInt(n);
                if (i != j) {
                    double q = 0.05 + 0.25 * random.nextDouble();
                    ex.add(new ProductSystem.Exchange("p" + j, "f" + i, q, "unit", "input", row++));
                    a[i][j] -= q;
                }
            }
        }
        double[] peakline = new double[runs];
        double[] peer = new double[runs];
        double last = 0;
        double lastPeer = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            ProductSystem.Built b = ProductSystem.build("bench", ex);
            ProductSystem.Result res = b.system().solve("f17", 1000, Map.of("GWP", Map.of("CO2", 1.0)));
            long t1 = System.nanoTime();
            DMatrixRMaj m = new DMatrixRMaj(a);
            DMatrixRMaj f = new DMatrixRMaj(n, 1);
            f.set(b.system().processes().indexOf("p17"), 0, 1000);
            DMatrixRMaj s = new DMatrixRMaj(n, 1);
            LinearSolverDense<DMatrixRMaj> lu = LinearSolverFactory_DDRM.lu(n);
            if (!lu.setA(m)) {
                throw new IllegalStateException("singular");
            }
            lu.solve(f, s);
            long t2 = System.nanoTime();
            peakline[r] = (t1 - t0) / 1e6;
            peer[r] = (t2 - t1) / 1e6;
            last = res.scaling()[b.system().processes().indexOf("p17")];
            lastPeer = s.get(b.system().processes().indexOf("p17"), 0);
            System.out.printf("run=%d n=%d peakline_ms=%.1f ejml_lu_ms=%.1f%n", r + 1, n, peakline[r], peer[r]);
        }
        java.util.Arrays.sort(peakline);
        java.util.Arrays.sort(peer);
        System.out.printf(
                "n=%d median peakline_ms=%.1f ejml_lu_ms=%.1f ratio=%.2f scaling_p17 peakline=%.9f ejml=%.9f%n",
                n, peakline[runs / 2], peer[runs / 2], peer[runs / 2] / peakline[runs / 2], last, lastPeer);
    }
}
