package dev.peakline.domain;

import dev.peakline.units.Quantity;
import java.time.YearMonth;

/** 工业增加值: value added in a month (money), for intensities per 10,000 yuan. */
public record OutputRecord(CreditCode enterprise, YearMonth period, Quantity valueAdded, int sourceRow) {
    public OutputRecord {
        if (enterprise == null || period == null || valueAdded == null) {
            throw new IllegalArgumentException("output record fields must not be null");
        }
        if (valueAdded.dimension() != dev.peakline.units.Dimension.MONEY) {
            throw new IllegalArgumentException("value added must be money, not " + valueAdded.unit());
        }
    }
}
