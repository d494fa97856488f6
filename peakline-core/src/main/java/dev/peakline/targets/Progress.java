package dev.peakline.targets;

/**
 * A target's standing in a year against its trajectory ({@link Target#required}).
 *
 * <p>Rule (docs/methodology.md §Targets): the shortfall d is how much worse the actual figure is than the required one,
 * relative to the required one: d = actual ÷ required − 1 for intensities and totals, d = 1 − actual ÷ required for the
 * non-fossil share. GREEN when d ≤ 0 (on or ahead of the trajectory); YELLOW when 0 < d ≤ {@link #YELLOW_BAND} before
 * the target year; RED otherwise, so in and after the target year any shortfall is RED. NO_DATA when the base year or
 * the year itself lacks a figure.
 *
 * @param achieved the change achieved since the base year (a reduction as a fraction for intensities; the figure
 *     itself for totals and the share)
 */
public record Progress(
        Indicator indicator,
        int year,
        double base,
        double actual,
        double required,
        double goal,
        double achieved,
        double shortfall,
        Warning warning) {
    /** The tolerated shortfall before the target year, as a fraction of the required figure. */
    public static final double YELLOW_BAND = 0.05;

    public static Progress of(Target t, Figures base, Figures actual) {
        Indicator i = t.indicator();
        double b = base == null ? Double.NaN : i.figure(base);
        int year = actual == null ? t.baseYear() : actual.year();
        double a = actual == null ? Double.NaN : i.figure(actual);
        double req = Double.isNaN(b) ? Double.NaN : t.required(b, year);
        double goal = Double.isNaN(b) ? Double.NaN : t.goal(b);
        double achieved = i.reduction() ? 1 - a / b : a;
        if (Double.isNaN(a) || Double.isNaN(req) || !(req > 0)) {
            return new Progress(i, year, b, a, req, goal, achieved, Double.NaN, Warning.NO_DATA);
        }
        double d = i.higherIsBetter() ? 1 - a / req : a / req - 1;
        // compared in the figure's own terms so that a figure exactly on a bound gets the bound's colour
        boolean onTrack = i.higherIsBetter() ? a >= req : a <= req;
        boolean inBand = i.higherIsBetter() ? a >= req * (1 - YELLOW_BAND) : a <= req * (1 + YELLOW_BAND);
        Warning w;
        if (onTrack) {
            w = Warning.GREEN;
        } else if (inBand && year < t.targetYear()) {
            w = Warning.YELLOW;
        } else {
            w = Warning.RED;
        }
        return new Progress(i, year, b, a, req, goal, achieved, d, w);
    }
}
