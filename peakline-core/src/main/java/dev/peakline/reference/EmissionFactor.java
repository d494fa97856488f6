package dev.peakline.reference;

import java.time.LocalDate;

/**
 * 排放因子 (or any reference parameter): a value with its unit, validity, publication, source and confidence.
 *
 * @param validFrom first day the factor applies to (activity date), null = open
 * @param validTo last day the factor applies to, null = open
 * @param confidence HIGH, MEDIUM-HIGH, MEDIUM, … or UNCONFIRMED, as the source table grades it
 * @param sourceRow the line of the table it was loaded from (for governance messages)
 */
public record EmissionFactor(
        FactorKey key,
        double value,
        String unit,
        LocalDate validFrom,
        LocalDate validTo,
        String publication,
        String sourceId,
        String confidence,
        String notes,
        int sourceRow) {

    public EmissionFactor {
        if (key == null || unit == null) {
            throw new IllegalArgumentException("factor needs key and unit");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("factor value must be finite: " + key);
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("factor " + key + " ends before it starts");
        }
        publication = publication == null ? "" : publication;
        sourceId = sourceId == null ? "" : sourceId;
        confidence = confidence == null ? "" : confidence;
        notes = notes == null ? "" : notes;
    }

    public boolean covers(LocalDate day) {
        return (validFrom == null || !day.isBefore(validFrom)) && (validTo == null || !day.isAfter(validTo));
    }

    /** Whether two factors' validity periods share at least one day. */
    public boolean overlaps(EmissionFactor o) {
        boolean startsBeforeOtherEnds = validFrom == null || o.validTo == null || !validFrom.isAfter(o.validTo);
        boolean otherStartsBeforeThisEnds = o.validFrom == null || validTo == null || !o.validFrom.isAfter(validTo);
        return startsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /** True when the source marks the value as not confirmed against the official text. */
    public boolean unconfirmed() {
        return confidence.contains("UNCONFIRMED") || confidence.contains("DERIVED");
    }

    public String validity() {
        return (validFrom == null ? "…" : validFrom.toString()) + " – " + (validTo == null ? "…" : validTo.toString());
    }
}
