package dev.peakline.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * Data quality of one meter over one calendar month, by the rules of the key energy-consuming units' online monitoring
 * system (METHODOLOGY.md §9.1, S-MONITOR-1):
 *
 * <ul>
 *   <li><b>completeness</b> = readings collected ÷ readings expected at the meter's interval while in service, up to now
 *       for the running month; it passes at {@value #COMPLETENESS} or more;
 *   <li><b>daily versus monthly</b>: the sum of the platform's day roll-ups against the monthly figure the enterprise
 *       states for the meter, |Σ daily − monthly| ÷ monthly ≤ {@value #DAILY_VS_MONTHLY} (not evaluated while no
 *       monthly figure was stated);
 *   <li><b>time stamps</b>: every stated daily figure within 1 minute of 00:00, every monthly figure within 1 day of
 *       the 1st ({@link Tolerance});
 *   <li><b>silence</b>: no reading for longer than the threshold (at least two intervals) raises an alarm.
 * </ul>
 */
public final class Quality {
    public static final double COMPLETENESS = 0.90;
    public static final double DAILY_VS_MONTHLY = 0.05;

    /**
     * @param collected readings in the month
     * @param expected readings the month should have had so far
     * @param dailySum Σ of the day roll-ups, in the meter's unit with the multiplier
     * @param monthly the stated monthly figure, or {@code null}
     * @param deviation (Σ daily − monthly) ÷ monthly, or {@code null}
     * @param stampsOnTime stated figures stamped within tolerance
     * @param stamps stated figures
     * @param lastReading the latest reading, or {@code null} when there is none
     * @param silent whether the meter has been silent longer than the threshold
     * @param gapDays days of the month with a gap or uncovered time
     */
    public record MeterMonth(
            YearMonth month,
            int collected,
            int expected,
            double dailySum,
            Double monthly,
            Double deviation,
            int stampsOnTime,
            int stamps,
            Instant lastReading,
            boolean silent,
            int gapDays) {
        public double completeness() {
            return expected == 0 ? 1.0 : Math.min(1.0, (double) collected / expected);
        }

        public boolean completenessOk() {
            return completeness() >= COMPLETENESS;
        }

        /** {@code null} while there is no monthly figure to compare. */
        public Boolean dailyVsMonthlyOk() {
            return deviation == null ? null : Math.abs(deviation) <= DAILY_VS_MONTHLY;
        }

        public boolean stampsOk() {
            return stampsOnTime == stamps;
        }

        public boolean passes() {
            return completenessOk() && !Boolean.FALSE.equals(dailyVsMonthlyOk()) && stampsOk() && !silent;
        }
    }

    private Quality() {}

    /**
     * Evaluates one meter's month from its day roll-ups (days without a row count as no readings) and its stated
     * figures.
     *
     * @param now the evaluation instant: the running month is counted up to it
     * @param silentAfter the silence threshold; the meter's own two intervals if longer
     */
    public static MeterMonth evaluate(
            MeterSpec spec,
            ZoneId zone,
            YearMonth month,
            List<DayFigure> days,
            Double monthlyFigure,
            int stampsOnTime,
            int stamps,
            Instant lastReading,
            Instant now,
            Duration silentAfter) {
        long start = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long end = Math.min(
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli(), now.toEpochMilli());
        int expected = end > start ? MeterDays.expected(spec, start, end) : 0;
        int collected = 0;
        double sum = 0;
        int gapDays = 0;
        for (DayFigure d : days) {
            long dayStart = d.day().atStartOfDay(zone).toInstant().toEpochMilli();
            if (dayStart >= end) {
                continue;
            }
            collected += d.readings();
            sum += d.consumption();
            if (d.gapSeconds() > 0 || d.readings() < d.expected()) {
                gapDays++;
            }
        }
        Double deviation = null;
        if (monthlyFigure != null && monthlyFigure != 0) {
            deviation = (sum - monthlyFigure) / monthlyFigure;
        } else if (monthlyFigure != null) {
            deviation = sum == 0 ? 0.0 : Double.POSITIVE_INFINITY;
        }
        Duration threshold = silentAfter.compareTo(Duration.ofSeconds(2L * spec.intervalSeconds())) >= 0
                ? silentAfter
                : Duration.ofSeconds(2L * spec.intervalSeconds());
        boolean inService = spec.removedAt() == null || spec.removedAt().isAfter(now);
        boolean silent = inService
                && (lastReading == null
                        ? Duration.between(spec.installedAt(), now).compareTo(threshold) > 0
                        : Duration.between(lastReading, now).compareTo(threshold) > 0);
        return new MeterMonth(
                month,
                collected,
                expected,
                sum,
                monthlyFigure,
                deviation,
                stampsOnTime,
                stamps,
                lastReading,
                silent,
                gapDays);
    }
}
