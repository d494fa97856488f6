package dev.peakline.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one meter's readings into calendar-day figures in a time zone (Asia/Shanghai for the provinces of China).
 *
 * <p><b>Registers.</b> Each pair of consecutive readings gives a {@link Step} (rise, rollover or reset) times the
 * multiplier, spread over the time between the two readings in proportion to time. A day's consumption is the sum of the
 * parts of the steps that overlap it, which equals the register interpolated linearly at the day's end minus at its
 * start. A step longer than 1.5 expected intervals is a gap: its consumption still counts (the register keeps counting
 * while the link is down), but the days it spans are marked estimated, and when late readings fill the gap the days are
 * computed again and become measured.
 *
 * <p><b>Interval meters.</b> Each value is the consumption of the interval that ends at its timestamp and belongs to the
 * day in which the interval starts. Missing intervals are gaps whose consumption is unknown.
 *
 * <p>Readings are passed sorted by time, one per instant, as epoch milliseconds and values in register units. To
 * compute days {@code from..to} pass the readings inside them plus the last reading before and the first reading after,
 * so the steps across the edges are known.
 */
public final class MeterDays {
    /** A step longer than this many expected intervals is a gap. */
    public static final double GAP_FACTOR = 1.5;

    private MeterDays() {}

    public static List<DayFigure> compute(
            MeterSpec spec, ZoneId zone, long[] ts, double[] values, LocalDate from, LocalDate to) {
        if (ts.length != values.length) {
            throw new IllegalArgumentException("timestamps and values differ in length");
        }
        int days = (int) (to.toEpochDay() - from.toEpochDay()) + 1;
        if (days <= 0) {
            return List.of();
        }
        long[] starts = new long[days + 1];
        for (int d = 0; d <= days; d++) {
            starts[d] = from.plusDays(d).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        double[] consumption = new double[days];
        int[] readings = new int[days];
        long[] covered = new long[days];
        long[] gap = new long[days];
        int[] rollovers = new int[days];
        int[] resets = new int[days];
        long interval = spec.intervalSeconds() * 1000L;

        if (spec.kind() == MeterKind.REGISTER) {
            for (int i = 0; i < ts.length; i++) {
                int d = dayOf(starts, ts[i]);
                if (d >= 0) {
                    readings[d]++;
                }
                if (i == 0) {
                    continue;
                }
                long t1 = ts[i - 1];
                long t2 = ts[i];
                if (t2 <= t1) {
                    throw new IllegalArgumentException("readings must be sorted by time, one per instant");
                }
                Step step = Step.between(values[i - 1], values[i], spec.registerMax());
                if (d >= 0 && step.event() == Step.Event.ROLLOVER) {
                    rollovers[d]++;
                } else if (d >= 0 && step.event() == Step.Event.RESET) {
                    resets[d]++;
                }
                double amount = step.amount() * spec.multiplier();
                boolean isGap = t2 - t1 > GAP_FACTOR * interval;
                double span = t2 - t1;
                for (int k = Math.max(0, dayOf(starts, t1)); k < days && starts[k] < t2; k++) {
                    long overlap = Math.min(t2, starts[k + 1]) - Math.max(t1, starts[k]);
                    if (overlap <= 0) {
                        continue;
                    }
                    consumption[k] += amount * (overlap / span);
                    covered[k] += overlap;
                    if (isGap) {
                        gap[k] += overlap;
                    }
                }
            }
        } else {
            for (int i = 0; i < ts.length; i++) {
                if (i > 0 && ts[i] <= ts[i - 1]) {
                    throw new IllegalArgumentException("readings must be sorted by time, one per instant");
                }
                int d = dayOf(starts, ts[i] - interval);
                if (d < 0) {
                    continue;
                }
                readings[d]++;
                consumption[d] += values[i] * spec.multiplier();
                covered[d] += interval;
            }
        }

        List<DayFigure> out = new ArrayList<>(days);
        for (int d = 0; d < days; d++) {
            int expected = expected(spec, starts[d], starts[d + 1]);
            long coveredSeconds = Math.min(covered[d], starts[d + 1] - starts[d]) / 1000;
            long gapSeconds = gap[d] / 1000;
            if (spec.kind() == MeterKind.INTERVAL) {
                gapSeconds = Math.max(0, expected - readings[d]) * (long) spec.intervalSeconds();
            }
            out.add(new DayFigure(
                    from.plusDays(d),
                    consumption[d],
                    readings[d],
                    expected,
                    coveredSeconds,
                    gapSeconds,
                    rollovers[d],
                    resets[d]));
        }
        return out;
    }

    /** The readings a span (epoch ms) should have: the in-service part divided by the interval, rounded down. */
    public static int expected(MeterSpec spec, long dayStart, long dayEnd) {
        long start = Math.max(dayStart, spec.installedAt().toEpochMilli());
        long end = spec.removedAt() == null
                ? dayEnd
                : Math.min(dayEnd, spec.removedAt().toEpochMilli());
        if (end <= start) {
            return 0;
        }
        return (int) ((end - start) / (spec.intervalSeconds() * 1000L));
    }

    /** The index of the day holding an instant, or -1 outside the range. */
    private static int dayOf(long[] starts, long t) {
        if (t < starts[0] || t >= starts[starts.length - 1]) {
            return -1;
        }
        int lo = 0;
        int hi = starts.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The days {@code from..to} clamped to the days the device was in service (installation to removal), or null when
     * none is left: the span a device's days are computed over, by the server's roll-up and the Spark re-roll alike.
     */
    public static LocalDate[] inService(MeterSpec spec, ZoneId zone, LocalDate from, LocalDate to) {
        LocalDate installed = day(spec.installedAt(), zone);
        LocalDate a = from.isBefore(installed) ? installed : from;
        LocalDate b = to;
        if (spec.removedAt() != null) {
            LocalDate removed = day(spec.removedAt(), zone);
            b = b.isAfter(removed) ? removed : b;
        }
        return b.isBefore(a) ? null : new LocalDate[] {a, b};
    }

    /** The calendar day of an instant in a zone. */
    public static LocalDate day(Instant t, ZoneId zone) {
        return LocalDate.ofInstant(t, zone);
    }
}
