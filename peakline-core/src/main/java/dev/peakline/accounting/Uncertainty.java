package dev.peakline.accounting;

import java.util.List;

/**
 * Uncertainty of a total by error propagation, IPCC 2006 Guidelines Vol. 1 Ch. 3, Approach 1: each term's uncertainty
 * combines that of its activity datum and of its factor, {@code U = √(U_AD² + U_EF²)} (Eq. 3.2, a product), and the
 * total's is {@code U_total = √Σ(U_i × x_i)² ÷ |Σ x_i|} (Eq. 3.1, a sum). Uncertainties are half-widths of the 95 %
 * confidence interval in percent. An activity datum without a stated uncertainty takes the IPCC default for fuel
 * combustion data, ±5 % (2006 IPCC Guidelines Vol. 2, Energy: "if no further data are available"); a factor without a
 * stated uncertainty adds none, and the result says on how many lines, since the total's uncertainty is then a lower
 * bound.
 */
public final class Uncertainty {
    /** IPCC default uncertainty of fuel-combustion activity data when no other is known, % (95 % half-width). */
    public static final double DEFAULT_ACTIVITY = 5.0;

    private Uncertainty() {}

    /** One term of a sum: its value and the stated uncertainties (%; NaN when not stated). */
    public record Part(double value, double activity, double factor) {}

    /**
     * The total's uncertainty.
     *
     * @param percent the combined uncertainty of the total, % (NaN when the total is 0)
     * @param absolute the same in the total's unit
     * @param defaultedActivity terms whose activity datum took the ±5 % default
     * @param unstatedFactor terms whose factor uncertainty was not stated (the result is a lower bound when > 0)
     */
    public record Combined(double percent, double absolute, int defaultedActivity, int unstatedFactor) {}

    public static Combined approach1(List<Part> parts) {
        double sum = 0;
        double squares = 0;
        int defaulted = 0;
        int unstated = 0;
        for (Part p : parts) {
            if (p.value() == 0) {
                continue;
            }
            double ad = Double.isNaN(p.activity()) ? DEFAULT_ACTIVITY : p.activity();
            defaulted += Double.isNaN(p.activity()) ? 1 : 0;
            double ef = Double.isNaN(p.factor()) ? 0 : p.factor();
            unstated += Double.isNaN(p.factor()) ? 1 : 0;
            double u = Math.sqrt(ad * ad + ef * ef);
            squares += (u * p.value()) * (u * p.value());
            sum += p.value();
        }
        double absolute = Math.sqrt(squares) / 100;
        double percent = sum == 0 ? Double.NaN : 100 * absolute / Math.abs(sum);
        return new Combined(percent, absolute, defaulted, unstated);
    }
}
