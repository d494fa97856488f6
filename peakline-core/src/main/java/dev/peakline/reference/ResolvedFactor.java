package dev.peakline.reference;

/**
 * A factor chosen for a lookup, with the set it came from and any fallback taken to find it.
 *
 * @param fallback empty when the factor covers the requested date; otherwise what was done instead
 */
public record ResolvedFactor(EmissionFactor factor, String setId, String setVersion, String fallback) {
    public double value() {
        return factor.value();
    }

    public boolean isFallback() {
        return !fallback.isEmpty();
    }

    /** One line for provenance: value, unit, key, publication, source, confidence, set, fallback. */
    public String describe() {
        EmissionFactor f = factor;
        return f.key() + " = " + f.value() + " " + f.unit() + " (" + f.publication() + "; source " + f.sourceId()
                + "; confidence " + f.confidence() + "; valid " + f.validity() + "; set " + setId + " " + setVersion
                + ")"
                + (fallback.isEmpty() ? "" : " FALLBACK: " + fallback)
                + (f.unconfirmed() ? " [UNCONFIRMED value]" : "");
    }
}
