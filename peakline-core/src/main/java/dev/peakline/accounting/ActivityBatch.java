package dev.peakline.accounting;

import java.util.Arrays;

/**
 * Activity data encoded column-wise for the batch pass: records grouped by enterprise-month, each a factor-table row
 * and a quantity in the canonical unit. Within a group records are in a canonical order (row, then quantity), so the
 * pass sums in the same order whatever order the input came in.
 */
public final class ActivityBatch {
    final int[] groupStart;
    final int[] groupEnterprise;
    final int[] groupPeriod;
    final int[] row;
    final double[] quantity;
    /** Index of each record in the order it was added (for provenance), or null when not kept. */
    final int[] origin;

    private ActivityBatch(
            int[] groupStart, int[] groupEnterprise, int[] groupPeriod, int[] row, double[] quantity, int[] origin) {
        this.groupStart = groupStart;
        this.groupEnterprise = groupEnterprise;
        this.groupPeriod = groupPeriod;
        this.row = row;
        this.quantity = quantity;
        this.origin = origin;
    }

    public int groups() {
        return groupEnterprise.length;
    }

    public int records() {
        return row.length;
    }

    /** Enterprise ordinal of a group (as given to the builder). */
    public int enterprise(int group) {
        return groupEnterprise[group];
    }

    /** Period ordinal of a group: year × 12 + month − 1. */
    public int period(int group) {
        return groupPeriod[group];
    }

    /** Records of a group: [start, end). */
    public int start(int group) {
        return groupStart[group];
    }

    public int end(int group) {
        return groupStart[group + 1];
    }

    public int row(int record) {
        return row[record];
    }

    public double quantity(int record) {
        return quantity[record];
    }

    /** The order in which the record was added to the builder. */
    public int origin(int record) {
        return origin == null ? -1 : origin[record];
    }

    public static Builder builder(int expectedRecords, boolean keepOrigin) {
        return new Builder(expectedRecords, keepOrigin);
    }

    /** Period ordinal of a year and month. */
    public static int periodOrdinal(int year, int month) {
        return year * 12 + month - 1;
    }

    /** Collects records in any order; {@link #build()} groups and orders them. */
    public static final class Builder {
        private int[] ent;
        private int[] per;
        private int[] rows;
        private double[] q;
        private int n;
        private final boolean keepOrigin;
        private int maxEnt = -1;
        private int minPer = Integer.MAX_VALUE;
        private int maxPer = Integer.MIN_VALUE;
        private int[] extraEnt = new int[0];
        private int[] extraPer = new int[0];
        private int extraN;

        private Builder(int expected, boolean keepOrigin) {
            int cap = Math.max(16, expected);
            ent = new int[cap];
            per = new int[cap];
            rows = new int[cap];
            q = new double[cap];
            this.keepOrigin = keepOrigin;
        }

        /**
         * Adds a record.
         *
         * @param enterprise enterprise ordinal ≥ 0; groups are ordered by it, so give ordinals in the order results
         *     should appear (e.g. by credit code)
         * @param period period ordinal, see {@link ActivityBatch#periodOrdinal}
         * @param factorRow row of the run's {@link FactorTable}
         * @param canonicalQuantity quantity in the carrier's canonical unit
         */
        public Builder add(int enterprise, int period, int factorRow, double canonicalQuantity) {
            if (enterprise < 0 || factorRow < 0) {
                throw new IllegalArgumentException("ordinals must be >= 0");
            }
            if (n == rows.length) {
                int cap = n * 2;
                ent = Arrays.copyOf(ent, cap);
                per = Arrays.copyOf(per, cap);
                rows = Arrays.copyOf(rows, cap);
                q = Arrays.copyOf(q, cap);
            }
            ent[n] = enterprise;
            per[n] = period;
            rows[n] = factorRow;
            q[n] = canonicalQuantity;
            n++;
            track(enterprise, period);
            return this;
        }

        /** Declares an enterprise-month that has no activity records (e.g. only process or production data). */
        public Builder addEmptyGroup(int enterprise, int period) {
            if (extraN == extraEnt.length) {
                extraEnt = Arrays.copyOf(extraEnt, Math.max(16, extraN * 2));
                extraPer = Arrays.copyOf(extraPer, Math.max(16, extraN * 2));
            }
            extraEnt[extraN] = enterprise;
            extraPer[extraN] = period;
            extraN++;
            track(enterprise, period);
            return this;
        }

        private void track(int enterprise, int period) {
            maxEnt = Math.max(maxEnt, enterprise);
            minPer = Math.min(minPer, period);
            maxPer = Math.max(maxPer, period);
        }

        public ActivityBatch build() {
            if (maxEnt < 0) {
                return new ActivityBatch(
                        new int[] {0},
                        new int[0],
                        new int[0],
                        new int[0],
                        new double[0],
                        keepOrigin ? new int[0] : null);
            }
            int span = maxPer - minPer + 1;
            long cells = (long) (maxEnt + 1) * span;
            if (cells > Integer.MAX_VALUE - 1) {
                throw new IllegalStateException("too many enterprise-months for one batch: " + cells);
            }
            // counting sort by dense (enterprise, period) cell: O(n), stable
            int[] count = new int[(int) cells + 1];
            boolean[] present = new boolean[(int) cells];
            for (int i = 0; i < n; i++) {
                int cell = ent[i] * span + (per[i] - minPer);
                count[cell + 1]++;
                present[cell] = true;
            }
            for (int i = 0; i < extraN; i++) {
                present[extraEnt[i] * span + (extraPer[i] - minPer)] = true;
            }
            for (int c = 0; c < cells; c++) {
                count[c + 1] += count[c];
            }
            int groups = 0;
            for (boolean p : present) {
                if (p) {
                    groups++;
                }
            }
            int[] groupStart = new int[groups + 1];
            int[] gEnt = new int[groups];
            int[] gPer = new int[groups];
            int g = 0;
            for (int c = 0; c < cells; c++) {
                if (present[c]) {
                    groupStart[g] = count[c];
                    gEnt[g] = c / span;
                    gPer[g] = c % span + minPer;
                    g++;
                }
            }
            groupStart[groups] = n;
            int[] pos = Arrays.copyOf(count, (int) cells);
            int[] outRow = new int[n];
            double[] outQ = new double[n];
            int[] origin = keepOrigin ? new int[n] : null;
            for (int i = 0; i < n; i++) {
                int p = pos[ent[i] * span + (per[i] - minPer)]++;
                outRow[p] = rows[i];
                outQ[p] = q[i];
                if (origin != null) {
                    origin[p] = i;
                }
            }
            for (int k = 0; k < groups; k++) {
                sortGroup(outRow, outQ, origin, groupStart[k], groupStart[k + 1]);
            }
            return new ActivityBatch(groupStart, gEnt, gPer, outRow, outQ, origin);
        }

        /** Insertion sort by (row, quantity): groups are small (a month of one enterprise). */
        private static void sortGroup(int[] r, double[] q, int[] o, int from, int to) {
            for (int i = from + 1; i < to; i++) {
                int kr = r[i];
                double kq = q[i];
                int ko = o == null ? 0 : o[i];
                int j = i - 1;
                while (j >= from && (r[j] > kr || r[j] == kr && Double.compare(q[j], kq) > 0)) {
                    r[j + 1] = r[j];
                    q[j + 1] = q[j];
                    if (o != null) {
                        o[j + 1] = o[j];
                    }
                    j--;
                }
                r[j + 1] = kr;
                q[j + 1] = kq;
                if (o != null) {
                    o[j + 1] = ko;
                }
            }
        }
    }
}
