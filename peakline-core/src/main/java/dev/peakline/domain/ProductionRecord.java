package dev.peakline.domain;

import dev.peakline.units.Quantity;
import java.time.YearMonth;

/** 产品产量: output of one product in a month, for intensities per unit of product. */
public record ProductionRecord(
        CreditCode enterprise, YearMonth period, String product, Quantity quantity, int sourceRow) {
    public ProductionRecord {
        if (enterprise == null || period == null || product == null || product.isBlank() || quantity == null) {
            throw new IllegalArgumentException("production record fields must not be null");
        }
        if (quantity.value() < 0) {
            throw new IllegalArgumentException("production must not be negative");
        }
    }
}
