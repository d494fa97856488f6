package dev.peakline.units;

/**
 * A value with its unit.
 *
 * @param value finite number in {@code unit}
 * @param unit the unit the value is expressed in
 */
public record Quantity(double value, Unit unit) {

    public Quantity {
        if (unit == null) {
            throw new IllegalArgumentException("a quantity needs a unit");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a quantity must be finite: " + value);
        }
    }

    public static Quantity of(double value, Unit unit) {
        return new Quantity(value, unit);
    }

    public Dimension dimension() {
        return unit.dimension();
    }

    /** The same quantity in the canonical unit of its dimension. */
    public double canonicalValue() {
        return unit.toCanonical(value);
    }

    /**
     * The same quantity in another unit of the same dimension.
     *
     * @throws IllegalArgumentException when the dimensions differ
     */
    public Quantity to(Unit target) {
        if (target.dimension() != unit.dimension()) {
            throw new IllegalArgumentException(
                    "cannot convert " + unit + " (" + unit.dimension().nameCn() + ") to " + target + " ("
                            + target.dimension().nameCn() + ")");
        }
        if (target == unit) {
            return this;
        }
        return new Quantity(target.fromCanonical(canonicalValue()), target);
    }
}
