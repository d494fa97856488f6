package dev.peakline.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 因子集: a versioned, governed collection of factors. Two factors for the same key never overlap in validity
 * (checked by {@link FactorSetLoader} with row-level problems, and again here as an invariant).
 */
public final class FactorSet {
    private final String id;
    private final String version;
    private final String description;
    private final Map<FactorKey, List<EmissionFactor>> byKey;
    private final int size;

    public FactorSet(String id, String version, String description, List<EmissionFactor> factors) {
        if (id == null || id.isBlank() || version == null || version.isBlank()) {
            throw new IllegalArgumentException("a factor set needs an id and a version");
        }
        this.id = id;
        this.version = version;
        this.description = description == null ? "" : description;
        Map<FactorKey, List<EmissionFactor>> m = new HashMap<>();
        for (EmissionFactor f : factors) {
            m.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
        }
        for (List<EmissionFactor> l : m.values()) {
            l.sort(Comparator.comparing(EmissionFactor::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
            for (int i = 1; i < l.size(); i++) {
                if (l.get(i - 1).overlaps(l.get(i))) {
                    throw new IllegalArgumentException(
                            "factor " + l.get(i).key() + " has overlapping validity in set " + id);
                }
            }
        }
        m.replaceAll((k, v) -> List.copyOf(v));
        this.byKey = Map.copyOf(m);
        this.size = factors.size();
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public String description() {
        return description;
    }

    public int size() {
        return size;
    }

    public Set<FactorKey> keys() {
        return byKey.keySet();
    }

    /** All factors for a key, oldest validity first. */
    public List<EmissionFactor> factors(FactorKey key) {
        return byKey.getOrDefault(key, List.of());
    }

    public List<EmissionFactor> all() {
        List<EmissionFactor> out = new ArrayList<>();
        byKey.values().forEach(out::addAll);
        out.sort(Comparator.comparing((EmissionFactor f) -> f.key().toString())
                .thenComparing(EmissionFactor::validFrom, Comparator.nullsFirst(Comparator.naturalOrder())));
        return out;
    }

    /** The factor covering the day, if this set has one. */
    public Optional<EmissionFactor> covering(FactorKey key, LocalDate day) {
        for (EmissionFactor f : factors(key)) {
            if (f.covers(day)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
