package dev.peakline.targets;

/**
 * A target's standing in a year against its trajectory ({@link Target#required}).
 *
 * <p>Warning (docs/methodology.md §Targets, after 发改办环资〔2021〕629号): for an intensity, RED (一级预警) when it rose
 * against the year before (不降反升), else GREEN (三级预警) when the figure is on or ahead of the trajectory, else ORANGE
 * (二级预警: the reduction falls short of the required progress). Totals and the non-fossil share follow the same
 * trajectory test (GREEN on track, ORANGE behind) and are RED when behind in or after the target year. NO_DATA when the
 * base year or the year itself lacks a figure.
 *
 * <p>Assessment, kept apart: the shortfall d is how much worse the actual figure is than the required one, relative to
 * it (d = actual ÷ required − 1 for intensities and totals, d = 1 − actual ÷ required for the share); 完成 when d ≤ 0,
 * 基本完成 when 0 < d ≤ {@link #BASICALLY_BAND}, 未完成 beyond.
 *
 * @param previous the figure of the year before, NaN when unknown
 * @param achieved the change achieved since the base year (a reduction as a fraction for intensities; the figure
 *     itself for totals and the share)
 */
public record Progress(
        Indicator indicator,
        int year,
        double base,
        double previous,
        double actual,
        double required,
        double goal,
        double achieved,
        double shortfall,
        Warning warning,
        Assessment assessment) {
    /** The shortfall still graded 基本完成, as a fraction of the required figure (Peakline's default). */
    public static final double BASICALLY_BAND = 0.05;

    /** Without the year before: no year-on-year test. */
    public static Progress of(Target t, Figures base, Figures actual) {
        return of(t, base, null, actual);
    }

    public static Progress of(Target t, Figures base, Figures previousYear, Figures actual) {
        Indicator i = t.indicator();
        double b = base == null ? Double.NaN : i.figure(base);
        int year = actual == null ? t.baseYear() : actual.year();
        double a = actual == null ? Double.NaN : i.figure(actual);
        double prev = previousYear == null || previousYear.year() != year - 1 ? Double.NaN : i.figure(previousYear);
        double req = Double.isNaN(b) ? Double.NaN : t.required(b, year);
        double goal = Double.isNaN(b) ? Double.NaN : t.goal(b);
        double achieved = i.reduction() ? 1 - a / b : a;
        if (Double.isNaN(a) || Double.isNaN(req) || !(req > 0)) {
            return new Progress(
                    i, year, b, prev, a, req, goal, achieved, Double.NaN, Warning.NO_DATA, Assessment.NO_DATA);
        }
        double d = i.higherIsBetter() ? 1 - a / req : a / req - 1;
        // compared in the figure's own terms so that a figure exactly on a bound gets the bound's grade
        boolean onTrack = i.higherIsBetter() ? a >= req : a <= req;
        boolean inBand = i.higherIsBetter() ? a >= req * (1 - BASICALLY_BAND) : a <= req * (1 + BASICALLY_BAND);
        Warning w;
        if (i.reduction() && !Double.isNaN(prev) && a > prev) {
            w = Warning.RED;
        } else if (onTrack) {
            w = Warning.GREEN;
        } else if (i.reduction() || year < t.targetYear()) {
            w = Warning.ORANGE;
        } else {
            w = Warning.RED;
        }
        Assessment grade =
                onTrack ? Assessment.COMPLETED : inBand ? Assessment.BASICALLY_COMPLETED : Assessment.NOT_COMPLETED;
        return new Progress(i, year, b, prev, a, req, goal, achieved, d, w, grade);
    }
}
