package dev.peakline.accounting;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The columnar pass: for every enterprise-month, Σ quantity × coefficient per slot and for energy. Each group is summed
 * by one thread in the batch's canonical order, so the result is bit-identical for any number of threads.
 */
public final class BatchAccountant {
    /** Values per group in {@link #account} output: the four {@link Slot}s, then energy [tce]. */
    public static final int WIDTH = 7;

    public static final int ENERGY = 4;
    /** The column of energy used as feedstock (原料用能) [tce], part of {@link #ENERGY}. */
    public static final int FEEDSTOCK = 5;
    /** The column of electricity a power plant supplied [MWh] (its product, see {@link ExportRule}). */
    public static final int SUPPLIED = 6;

    private static final int SLICE = 8192;

    private BatchAccountant() {}

    /**
     * Accounts every group of the batch.
     *
     * @return {@code groups × WIDTH} values: tCO2 per slot (ordinal order) and tce
     */
    public static double[] account(ActivityBatch batch, FactorTable table, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        double[] out = new double[batch.groups() * WIDTH];
        int groups = batch.groups();
        if (threads == 1 || groups < 1024) {
            // in slices, as the threads do: one huge call would run mostly in on-stack-replacement code
            for (int from = 0; from < groups; from += SLICE) {
                pass(batch, table, from, Math.min(groups, from + SLICE), out);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "peakline-account");
            t.setDaemon(true);
            return t;
        });
        try {
            int chunks = Math.max(threads * 4, groups / SLICE);
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < chunks; c++) {
                int from = (int) ((long) groups * c / chunks);
                int to = (int) ((long) groups * (c + 1) / chunks);
                fs.add(pool.submit(() -> pass(batch, table, from, to, out)));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("accounting interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("accounting failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    static void pass(ActivityBatch b, FactorTable t, int fromGroup, int toGroup, double[] out) {
        double[][] co2 = t.co2();
        double[] comb = co2[Slot.COMBUSTION.ordinal()];
        double[] proc = co2[Slot.PROCESS.ordinal()];
        double[] elec = co2[Slot.ELECTRICITY.ordinal()];
        double[] heat = co2[Slot.HEAT.ordinal()];
        double[] tce = t.tce();
        double[] feed = t.feedstockTce();
        double[] supp = t.supplied();
        int[] rows = b.row;
        double[] qs = b.quantity;
        int[] start = b.groupStart;
        for (int g = fromGroup; g < toGroup; g++) {
            double c0 = 0, c1 = 0, c2 = 0, c3 = 0, e = 0, f = 0, m = 0;
            for (int i = start[g], end = start[g + 1]; i < end; i++) {
                int r = rows[i];
                double q = qs[i];
                c0 += q * comb[r];
                c1 += q * proc[r];
                c2 += q * elec[r];
                c3 += q * heat[r];
                e += q * tce[r];
                f += q * feed[r];
                m += q * supp[r];
            }
            int o = g * WIDTH;
            out[o] = c0;
            out[o + 1] = c1;
            out[o + 2] = c2;
            out[o + 3] = c3;
            out[o + 4] = e;
            out[o + 5] = f;
            out[o + 6] = m;
        }
    }
}
