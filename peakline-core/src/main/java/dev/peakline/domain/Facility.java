package dev.peakline.domain;

import java.math.BigDecimal;

/**
 * A facility of an enterprise (设施: a production line or key energy-using equipment) as the registry lists it.
 *
 * @param kind what it is, e.g. a production line or a boiler
 * @param product what it makes, as the efficiency catalogue names it; may be null
 * @param capacity its capacity in {@code capacityUnit}; null when not stated, never negative
 * @param park the industrial park (园区) it stands in; may be null
 */
public record Facility(
        long id, String name, String kind, String product, BigDecimal capacity, String capacityUnit, String park) {

    public Facility {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a facility needs a name");
        }
        if (capacity != null && capacity.signum() < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
    }
}
