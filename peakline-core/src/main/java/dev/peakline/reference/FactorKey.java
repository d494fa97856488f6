package dev.peakline.reference;

/** What a factor is for: kind, item and qualifier (see {@link FactorKind} for their meaning). */
public record FactorKey(FactorKind kind, String item, String qualifier) {
    public FactorKey {
        if (kind == null || item == null || item.isBlank()) {
            throw new IllegalArgumentException("factor key needs kind and item");
        }
        qualifier = qualifier == null ? "" : qualifier;
    }

    public static FactorKey of(FactorKind kind, String item, String qualifier) {
        return new FactorKey(kind, item, qualifier);
    }

    @Override
    public String toString() {
        return kind.code() + ":" + item + (qualifier.isEmpty() ? "" : ":" + qualifier);
    }
}
