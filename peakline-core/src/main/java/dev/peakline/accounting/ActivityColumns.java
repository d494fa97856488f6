package dev.peakline.accounting;

import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

/**
 * Activity lines held column by column: each code interned to an id as it is read (credit codes, regions, industries,
 * carriers), the period as an ordinal, unit and use as their enum ordinals, the quantity as given and the line's
 * position in its file. A line with measured values, a data-quality grade or stated uncertainties (rare) keeps its whole
 * record beside the columns. A line costs 33 bytes instead of a record's objects, and none of it is an object the
 * collector has to trace.
 *
 * <p>It reads as the list of records it holds: {@link #get(int)} makes the line's {@link ActivityRecord} on demand,
 * equal to the one the general reader makes, so every consumer of {@link AccountingInput#activity()} works unchanged;
 * {@link AccountingEngine} reads the columns themselves.
 */
public final class ActivityColumns extends AbstractList<ActivityRecord> implements RandomAccess {
    private static final Unit[] UNITS = Unit.values();
    private static final Use[] USES = Use.values();

    final CreditCode[] enterprises;
    final RegionCode[] regions;
    final IndustryCode[] industries;
    final String[] carriers;
    final int[] enterprise;
    final int[] region;
    final int[] industry;
    final int[] period;
    final int[] carrier;
    final byte[] unit;
    final byte[] use;
    final double[] value;
    final int[] sourceRow;
    /** Lines kept whole (those with measured values, a grade or uncertainties), by index. */
    final Map<Integer, ActivityRecord> whole;

    private ActivityColumns(Builder b) {
        int n = b.n;
        enterprises = b.enterprises.toArray(new CreditCode[0]);
        regions = b.regions.toArray(new RegionCode[0]);
        industries = b.industries.toArray(new IndustryCode[0]);
        carriers = b.carriers.toArray(new String[0]);
        enterprise = b.enterprise.length == n ? b.enterprise : Arrays.copyOf(b.enterprise, n);
        region = b.region.length == n ? b.region : Arrays.copyOf(b.region, n);
        industry = b.industry.length == n ? b.industry : Arrays.copyOf(b.industry, n);
        period = b.period.length == n ? b.period : Arrays.copyOf(b.period, n);
        carrier = b.carrier.length == n ? b.carrier : Arrays.copyOf(b.carrier, n);
        unit = b.unit.length == n ? b.unit : Arrays.copyOf(b.unit, n);
        use = b.use.length == n ? b.use : Arrays.copyOf(b.use, n);
        value = b.value.length == n ? b.value : Arrays.copyOf(b.value, n);
        sourceRow = b.sourceRow.length == n ? b.sourceRow : Arrays.copyOf(b.sourceRow, n);
        whole = Map.copyOf(b.whole);
    }

    @Override
    public int size() {
        return enterprise.length;
    }

    @Override
    public ActivityRecord get(int i) {
        ActivityRecord w = whole(i);
        if (w != null) {
            return w;
        }
        int p = period[i];
        return new ActivityRecord(
                enterprises[enterprise[i]],
                regions[region[i]],
                industries[industry[i]],
                YearMonth.of(Math.floorDiv(p, 12), Math.floorMod(p, 12) + 1),
                carriers[carrier[i]],
                Quantity.of(value[i], UNITS[unit[i]]),
                USES[use[i]],
                Double.NaN,
                Double.NaN,
                sourceRow[i],
                null,
                Double.NaN,
                Double.NaN);
    }

    /** The line's whole record when it carries a measured value, a grade or an uncertainty; otherwise null. */
    ActivityRecord whole(int i) {
        return whole.isEmpty() ? null : whole.get(i);
    }

    Unit unit(int i) {
        return UNITS[unit[i]];
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder with room for {@code expected} lines. */
    public static Builder builder(int expected) {
        Builder b = new Builder();
        b.reserve(Math.max(16, expected));
        return b;
    }

    /** The lines of several builders, one after another (pieces of one file, in file order), with one set of ids. */
    public static ActivityColumns concat(List<Builder> parts) {
        if (parts.size() == 1) {
            return parts.get(0).build();
        }
        Builder all = new Builder();
        int total = 0;
        for (Builder p : parts) {
            total += p.n;
        }
        all.reserve(total);
        for (Builder p : parts) {
            int[] e = remap(p.enterprises, all::enterprise);
            int[] r = remap(p.regions, all::region);
            int[] ind = remap(p.industries, all::industry);
            int[] c = remap(p.carriers, all::carrier);
            int base = all.n;
            for (int i = 0; i < p.n; i++) {
                int k = all.n++;
                all.enterprise[k] = e[p.enterprise[i]];
                all.region[k] = r[p.region[i]];
                all.industry[k] = ind[p.industry[i]];
                all.carrier[k] = c[p.carrier[i]];
            }
            System.arraycopy(p.period, 0, all.period, base, p.n);
            System.arraycopy(p.unit, 0, all.unit, base, p.n);
            System.arraycopy(p.use, 0, all.use, base, p.n);
            System.arraycopy(p.value, 0, all.value, base, p.n);
            System.arraycopy(p.sourceRow, 0, all.sourceRow, base, p.n);
            p.whole.forEach((i, rec) -> all.whole.put(base + i, rec));
        }
        return all.build();
    }

    private static <T> int[] remap(List<T> local, java.util.function.ToIntFunction<T> global) {
        int[] out = new int[local.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = global.applyAsInt(local.get(i));
        }
        return out;
    }

    /**
     * Collects lines in order. A reader interns each distinct code once ({@link #enterprise}, {@link #region} …) and
     * adds lines by ids; a line it has as a record is added whole ({@link #add(ActivityRecord)}).
     */
    public static final class Builder implements java.util.function.Consumer<ActivityRecord> {
        private final List<CreditCode> enterprises = new ArrayList<>();
        private final List<RegionCode> regions = new ArrayList<>();
        private final List<IndustryCode> industries = new ArrayList<>();
        private final List<String> carriers = new ArrayList<>();
        private final Map<CreditCode, Integer> enterpriseId = new HashMap<>();
        private final Map<RegionCode, Integer> regionId = new HashMap<>();
        private final Map<IndustryCode, Integer> industryId = new HashMap<>();
        private final Map<String, Integer> carrierId = new HashMap<>();
        private int[] enterprise = new int[0];
        private int[] region = new int[0];
        private int[] industry = new int[0];
        private int[] period = new int[0];
        private int[] carrier = new int[0];
        private byte[] unit = new byte[0];
        private byte[] use = new byte[0];
        private double[] value = new double[0];
        private int[] sourceRow = new int[0];
        private final Map<Integer, ActivityRecord> whole = new HashMap<>();
        private int n;

        private Builder() {}

        public int enterprise(CreditCode c) {
            return intern(enterpriseId, enterprises, c);
        }

        public int region(RegionCode r) {
            return intern(regionId, regions, r);
        }

        public int industry(IndustryCode i) {
            return intern(industryId, industries, i);
        }

        public int carrier(String c) {
            return intern(carrierId, carriers, c);
        }

        private static <T> int intern(Map<T, Integer> ids, List<T> values, T v) {
            Integer id = ids.get(v);
            if (id == null) {
                id = values.size();
                ids.put(v, id);
                values.add(v);
            }
            return id;
        }

        /** Adds a plain line by the ids this builder gave; the quantity is as written, in {@code unit}. */
        public void add(
                int enterprise,
                int region,
                int industry,
                int period,
                int carrier,
                Unit unit,
                Use use,
                double value,
                int sourceRow) {
            if (n == this.enterprise.length) {
                reserve(Math.max(1024, n * 2));
            }
            this.enterprise[n] = enterprise;
            this.region[n] = region;
            this.industry[n] = industry;
            this.period[n] = period;
            this.carrier[n] = carrier;
            this.unit[n] = (byte) unit.ordinal();
            this.use[n] = (byte) use.ordinal();
            this.value[n] = value;
            this.sourceRow[n] = sourceRow;
            n++;
        }

        /** Adds a line from its record; one with measured values, a grade or uncertainties is also kept whole. */
        @Override
        public void accept(ActivityRecord a) {
            YearMonth p = a.period();
            int at = n;
            add(
                    enterprise(a.enterprise()),
                    region(a.region()),
                    industry(a.industry()),
                    ActivityBatch.periodOrdinal(p.getYear(), p.getMonthValue()),
                    carrier(a.carrier()),
                    a.quantity().unit(),
                    a.use(),
                    a.quantity().value(),
                    a.sourceRow());
            if (!Double.isNaN(a.measuredNcv())
                    || !Double.isNaN(a.measuredCarbonContent())
                    || a.quality() != null
                    || !Double.isNaN(a.uncertainty())
                    || !Double.isNaN(a.factorUncertainty())) {
                whole.put(at, a);
            }
        }

        public int size() {
            return n;
        }

        private void reserve(int cap) {
            if (cap <= enterprise.length) {
                return;
            }
            enterprise = Arrays.copyOf(enterprise, cap);
            region = Arrays.copyOf(region, cap);
            industry = Arrays.copyOf(industry, cap);
            period = Arrays.copyOf(period, cap);
            carrier = Arrays.copyOf(carrier, cap);
            unit = Arrays.copyOf(unit, cap);
            use = Arrays.copyOf(use, cap);
            value = Arrays.copyOf(value, cap);
            sourceRow = Arrays.copyOf(sourceRow, cap);
        }

        public ActivityColumns build() {
            return new ActivityColumns(this);
        }
    }
}
