package dev.peakline.monitoring;

import java.time.LocalDate;

/**
 * One meter's calendar day (in the region's time zone).
 *
 * @param consumption the quantity consumed, in the meter's unit with the multiplier applied
 * @param readings readings that fall in the day (for interval meters: intervals that start in it)
 * @param expected readings the day should have at the expected interval while the meter was in service
 * @param coveredSeconds seconds of the day that lie between two readings (or inside a reported interval)
 * @param gapSeconds seconds of the covered part spanned by a gap, a step longer than 1.5 intervals, whose consumption
 *     is apportioned by time and so estimated (for interval meters: the missing intervals' length)
 * @param rollovers register rollovers in the day
 * @param resets register resets in the day
 */
public record DayFigure(
        LocalDate day,
        double consumption,
        int readings,
        int expected,
        long coveredSeconds,
        long gapSeconds,
        int rollovers,
        int resets) {

    /** Collected ÷ expected, capped at 1; 1 when nothing was expected. */
    public double completeness() {
        return expected == 0 ? 1.0 : Math.min(1.0, (double) readings / expected);
    }

    /** Whether the whole day was covered without a gap, so its consumption is measured, not estimated. */
    public boolean measured() {
        return coveredSeconds >= 86_400 && gapSeconds == 0;
    }
}
