package dev.peakline.efficiency;

/**
 * A facility (production line or key equipment) with its unit-product energy consumption for a year.
 *
 * @param value the indicator in the product's unit, NaN when the year has no output or no figures
 * @param basis where the value comes from (e.g. "filed 2024-01..2024-12, 12 months")
 */
public record FacilityValue(
        long facilityId,
        String enterprise,
        String enterpriseName,
        String region,
        String industry,
        String facility,
        String equipment,
        String product,
        double capacity,
        double value,
        String basis) {}
