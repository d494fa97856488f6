package dev.peakline.domain;

import dev.peakline.units.Quantity;
import java.time.YearMonth;

/**
 * 活动数据: one carrier (or process material) used by an enterprise in a month.
 *
 * @param enterprise credit code
 * @param region the enterprise's GB/T 2260 code
 * @param industry the enterprise's GB/T 4754 code
 * @param period the month
 * @param carrier carrier or process-material code as in the reference library
 * @param quantity amount, non-negative, in a unit of the carrier's dimension
 * @param use how it was used
 * @param measuredNcv measured low calorific value [GJ per canonical unit of the carrier], NaN when not measured
 * @param measuredCarbonContent measured carbon content [tC/GJ], NaN when not measured
 * @param sourceRow 1-based line in the source file (0 when not from a file), for provenance and problems
 * @param quality how the amount was obtained (实测/计算/估算/缺省), null when not stated
 * @param uncertainty uncertainty of the amount, % (half-width of the 95 % interval, e.g. from the meter's accuracy
 *     class), NaN when not stated
 * @param factorUncertainty uncertainty of the line's emission factor, % (e.g. of a measured carbon content), NaN when
 *     not stated
 */
public record ActivityRecord(
        CreditCode enterprise,
        RegionCode region,
        IndustryCode industry,
        YearMonth period,
        String carrier,
        Quantity quantity,
        Use use,
        double measuredNcv,
        double measuredCarbonContent,
        int sourceRow,
        DataQuality quality,
        double uncertainty,
        double factorUncertainty) {

    /** A record without stated uncertainties. */
    public ActivityRecord(
            CreditCode enterprise,
            RegionCode region,
            IndustryCode industry,
            YearMonth period,
            String carrier,
            Quantity quantity,
            Use use,
            double measuredNcv,
            double measuredCarbonContent,
            int sourceRow,
            DataQuality quality) {
        this(
                enterprise,
                region,
                industry,
                period,
                carrier,
                quantity,
                use,
                measuredNcv,
                measuredCarbonContent,
                sourceRow,
                quality,
                Double.NaN,
                Double.NaN);
    }

    /** A record whose data quality is not stated. */
    public ActivityRecord(
            CreditCode enterprise,
            RegionCode region,
            IndustryCode industry,
            YearMonth period,
            String carrier,
            Quantity quantity,
            Use use,
            double measuredNcv,
            double measuredCarbonContent,
            int sourceRow) {
        this(
                enterprise,
                region,
                industry,
                period,
                carrier,
                quantity,
                use,
                measuredNcv,
                measuredCarbonContent,
                sourceRow,
                null);
    }

    public ActivityRecord {
        if (enterprise == null
                || region == null
                || industry == null
                || period == null
                || carrier == null
                || quantity == null
                || use == null) {
            throw new IllegalArgumentException("activity record fields must not be null");
        }
        if (quantity.value() < 0) {
            throw new IllegalArgumentException("activity quantity must not be negative: " + quantity);
        }
        if (!Double.isNaN(measuredNcv) && !(measuredNcv > 0)) {
            throw new IllegalArgumentException("measured NCV must be positive");
        }
        if (!Double.isNaN(measuredCarbonContent) && !(measuredCarbonContent > 0)) {
            throw new IllegalArgumentException("measured carbon content must be positive");
        }
        if (!Double.isNaN(uncertainty) && !(uncertainty >= 0 && uncertainty <= 100)) {
            throw new IllegalArgumentException("uncertainty must be 0–100 %");
        }
        if (!Double.isNaN(factorUncertainty) && !(factorUncertainty >= 0 && factorUncertainty <= 100)) {
            throw new IllegalArgumentException("factor uncertainty must be 0–100 %");
        }
    }

    /** A record with default (not measured) factors. */
    public static ActivityRecord of(
            CreditCode enterprise,
            RegionCode region,
            IndustryCode industry,
            YearMonth period,
            String carrier,
            Quantity quantity,
            Use use) {
        return new ActivityRecord(
                enterprise, region, industry, period, carrier, quantity, use, Double.NaN, Double.NaN, 0);
    }
}
