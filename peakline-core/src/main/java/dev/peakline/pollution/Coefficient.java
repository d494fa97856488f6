package dev.peakline.pollution;

/**
 * A pollutant emission computed by the production-and-emission coefficient method of the 排放源统计调查产排污核算方法和系数手册
 * (MEE 公告 2021年第24号, from the second national pollution-source census): the amount produced G = the production
 * coefficient (产污系数, per unit of product, raw material or fuel) × the activity; the amount emitted E = G × (1 − η × k),
 * with η the removal efficiency of the end-of-pipe control technology given by the manual for the enterprise's
 * industry, product, process and scale, and k the control facility's actual operating rate. The enterprise reads its
 * coefficient and η from the manual's table; Peakline computes and keeps all four numbers with the result.
 *
 * @param activity the product output, raw material or fuel used in the month (the coefficient's denominator unit)
 * @param coefficient the production coefficient, in the result's unit per unit of activity
 * @param removal η, the control technology's average removal efficiency, between 0 and 1
 * @param operatingRate k, the share of the time the control facility actually ran, between 0 and 1
 */
public record Coefficient(double activity, double coefficient, double removal, double operatingRate) {
    public Coefficient {
        if (!(activity >= 0) || !(coefficient >= 0) || Double.isInfinite(activity) || Double.isInfinite(coefficient)) {
            throw new IllegalArgumentException("activity and coefficient are finite and not negative");
        }
        if (!(removal >= 0 && removal <= 1) || !(operatingRate >= 0 && operatingRate <= 1)) {
            throw new IllegalArgumentException("removal efficiency and operating rate are between 0 and 1");
        }
    }

    /** G = coefficient × activity. */
    public double produced() {
        return coefficient * activity;
    }

    /** E = G × (1 − η × k). */
    public double emitted() {
        return produced() * (1 - removal * operatingRate);
    }
}
