package dev.peakline.targets;

import dev.peakline.problems.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A target of a region, an industry within a region, or an enterprise.
 *
 * @param value a reduction or share as a fraction (0.18), or a cap [t or tce]
 */
public record Target(Indicator indicator, int baseYear, int targetYear, double value) {
    /** What is wrong with the target, field by field; empty when it is valid. */
    public static List<Problem> problems(Indicator indicator, Integer baseYear, Integer targetYear, Double value) {
        List<Problem> out = new ArrayList<>();
        String src = "target";
        if (indicator == null) {
            out.add(Problem.at(
                    "target.indicator",
                    src,
                    0,
                    "indicator",
                    "indicator must be one of " + List.of(Indicator.values())));
        }
        if (baseYear == null || baseYear < 1990 || baseYear > 2100) {
            out.add(Problem.at("target.year", src, 0, "baseYear", "base year must be between 1990 and 2100"));
        }
        if (targetYear == null || targetYear < 1990 || targetYear > 2100) {
            out.add(Problem.at("target.year", src, 0, "targetYear", "target year must be between 1990 and 2100"));
        } else if (baseYear != null && targetYear <= baseYear) {
            out.add(Problem.at(
                    "target.year",
                    src,
                    0,
                    "targetYear",
                    "target year " + targetYear + " must be after the base year " + baseYear));
        }
        if (value == null || value.isNaN() || value.isInfinite()) {
            out.add(Problem.at("target.value", src, 0, "value", "value is required"));
        } else if (indicator != null) {
            if (indicator.reduction() || indicator == Indicator.NON_FOSSIL_SHARE) {
                if (value <= 0 || value >= 1) {
                    out.add(Problem.at(
                            "target.value",
                            src,
                            0,
                            "value",
                            indicator.nameCn() + " is a fraction between 0 and 1 exclusive (0.18 for 18 %), not "
                                    + value));
                }
            } else if (value <= 0 || value > 1e11) {
                out.add(Problem.at(
                        "target.value",
                        src,
                        0,
                        "value",
                        indicator.nameCn() + " is a cap in " + indicator.unit()
                                + " and must be positive and below 1e11, not " + value));
            }
        }
        return out;
    }

    /**
     * The figure the target requires in {@code year}, given the base-year figure: for a reduction, the intensity falling
     * at a constant annual rate, base × (1 − R)^((y − b)/(T − b)); for a cap or a share, the straight line from the
     * base-year figure to the target value. After the target year the target value itself.
     */
    public double required(double base, int year) {
        int y = Math.min(Math.max(year, baseYear), targetYear);
        double t = (double) (y - baseYear) / (targetYear - baseYear);
        if (indicator.reduction()) {
            return base * Math.pow(1 - value, t);
        }
        return base + (value - base) * t;
    }

    /** The figure the target requires in the target year. */
    public double goal(double base) {
        return indicator.reduction() ? base * (1 - value) : value;
    }
}
