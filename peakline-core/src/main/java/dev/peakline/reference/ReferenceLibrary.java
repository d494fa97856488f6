package dev.peakline.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference library: carriers, process materials, code lists and layered factor sets. The last set added
 * overrides the ones before it, key by key; every lookup says which set answered and whether it fell back.
 */
public final class ReferenceLibrary {
    private static volatile ReferenceLibrary shipped;

    private final Map<String, EnergyCarrier> carriers;
    private final Map<String, EnergyCarrier> carrierByName;
    private final Map<String, String> processMaterialByName;
    private final Registry registry;
    /** Highest priority first. */
    private final List<FactorSet> layers;

    private ReferenceLibrary(
            Map<String, EnergyCarrier> carriers,
            Map<String, String> processMaterials,
            Registry registry,
            List<FactorSet> layers) {
        this.carriers = carriers;
        this.registry = registry;
        this.layers = List.copyOf(layers);
        Map<String, EnergyCarrier> byName = new LinkedHashMap<>();
        for (EnergyCarrier c : carriers.values()) {
            byName.put(c.code(), c);
            byName.put(c.nameCn(), c);
            c.aliases().forEach(a -> byName.put(a, c));
        }
        this.carrierByName = Collections.unmodifiableMap(byName);
        this.processMaterialByName = processMaterials;
    }

    /** The library shipped in the jar; loaded once. */
    public static ReferenceLibrary shipped() {
        ReferenceLibrary s = shipped;
        if (s == null) {
            synchronized (ReferenceLibrary.class) {
                s = shipped;
                if (s == null) {
                    Map<String, EnergyCarrier> carriers = new LinkedHashMap<>();
                    for (Csv.Row r : Registry.rows("carriers.csv")) {
                        List<String> aliases = r.get(5).isEmpty()
                                ? List.of()
                                : List.of(r.get(5).split(";"));
                        carriers.put(
                                r.get(0),
                                new EnergyCarrier(
                                        r.get(0),
                                        r.get(1),
                                        r.get(2),
                                        r.get(3),
                                        dev.peakline.units.Unit.of(r.get(4)),
                                        aliases));
                    }
                    Map<String, EnergyCarrier> frozen = Collections.unmodifiableMap(carriers);
                    s = new ReferenceLibrary(
                            frozen,
                            processMaterials(),
                            Registry.loadShipped(),
                            List.of(FactorSetLoader.loadShipped(frozen)));
                    shipped = s;
                }
            }
        }
        return s;
    }

    /** Process-material names (碳酸钙, CaCO3, 白云石, 电极 …) → process-factor key, from the shipped table. */
    private static Map<String, String> processMaterials() {
        Map<String, String> materials = new LinkedHashMap<>();
        for (Csv.Row r : Registry.rows("process_factors.csv")) {
            String key = r.get(0);
            if (key.startsWith("carbonate.") || key.startsWith("steel.flux.") || key.equals("steel.electrode")) {
                materials.putIfAbsent(key, key);
                materials.putIfAbsent(key.substring(key.indexOf('.') + 1), key);
                materials.putIfAbsent(r.get(1), key);
                int paren = r.get(1).indexOf('（');
                if (paren > 0) {
                    materials.putIfAbsent(r.get(1).substring(0, paren), key);
                }
            }
        }
        materials.putIfAbsent("electrode", "steel.electrode");
        return Collections.unmodifiableMap(materials);
    }

    /** A library in which {@code set} overrides the factors it defines. */
    public ReferenceLibrary withOverride(FactorSet set) {
        List<FactorSet> l = new ArrayList<>();
        l.add(set);
        l.addAll(layers);
        return new ReferenceLibrary(carriers, processMaterialByName, registry, l);
    }

    public Registry registry() {
        return registry;
    }

    public Map<String, EnergyCarrier> carriers() {
        return carriers;
    }

    /** A carrier by code, Chinese name or alias. */
    public Optional<EnergyCarrier> carrier(String nameOrCode) {
        return nameOrCode == null ? Optional.empty() : Optional.ofNullable(carrierByName.get(nameOrCode.strip()));
    }

    /** The process-factor key of a process material (碳酸钙, CaCO3, 白云石, 电极 …). */
    public Optional<String> processMaterial(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(processMaterialByName.get(name.strip()));
    }

    public List<FactorSet> layers() {
        return layers;
    }

    public FactorSet set(String id) {
        return layers.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no factor set " + id));
    }

    /** "id version" of every layer, highest priority first: what a result records. */
    public String setsUsed() {
        return String.join(
                " > ", layers.stream().map(s -> s.id() + " " + s.version()).toList());
    }

    /**
     * The average grid emission factor of the province a region lies in (its code's first two digits), in force on the
     * day: what market-based scope 2, 碳普惠 and reduction projects displace.
     */
    public Optional<ResolvedFactor> provinceGrid(String region, LocalDate day) {
        return resolve(new FactorKey(FactorKind.ELECTRICITY, region.substring(0, 2) + "0000", "average"), day);
    }

    /**
     * The factor for a key on a day. Layers are asked in priority order for a factor covering the day. When none
     * covers it, the latest factor ending before the day is used (else the earliest starting after it), and the
     * fallback is stated in the result, never silent.
     */
    public Optional<ResolvedFactor> resolve(FactorKey key, LocalDate day) {
        for (FactorSet s : layers) {
            Optional<EmissionFactor> f = s.covering(key, day);
            if (f.isPresent()) {
                return Optional.of(new ResolvedFactor(f.get(), s.id(), s.version(), ""));
            }
        }
        EmissionFactor best = null;
        FactorSet bestSet = null;
        for (FactorSet s : layers) {
            for (EmissionFactor f : s.factors(key)) {
                if (f.validTo() != null
                        && f.validTo().isBefore(day)
                        && (best == null
                                || best.validTo() == null
                                || f.validTo().isAfter(best.validTo()))) {
                    best = f;
                    bestSet = s;
                }
            }
        }
        if (best != null) {
            return Optional.of(new ResolvedFactor(
                    best,
                    bestSet.id(),
                    bestSet.version(),
                    "no factor for " + day + "; the latest earlier one (valid " + best.validity() + ") is used"));
        }
        for (FactorSet s : layers) {
            for (EmissionFactor f : s.factors(key)) {
                if (f.validFrom() != null
                        && f.validFrom().isAfter(day)
                        && (best == null || f.validFrom().isBefore(best.validFrom()))) {
                    best = f;
                    bestSet = s;
                }
            }
        }
        if (best != null) {
            return Optional.of(new ResolvedFactor(
                    best,
                    bestSet.id(),
                    bestSet.version(),
                    "no factor for " + day + " or earlier; the earliest later one (valid " + best.validity()
                            + ") is used"));
        }
        return Optional.empty();
    }

    /** Every factor of every layer whose key, publication or notes contain the text (case-insensitive); all when blank. */
    public List<ResolvedFactor> search(String text) {
        String t = text == null ? "" : text.toLowerCase(java.util.Locale.ROOT);
        List<ResolvedFactor> out = new ArrayList<>();
        for (FactorSet s : layers) {
            for (EmissionFactor f : s.all()) {
                String hay = (f.key() + " " + f.publication() + " " + f.notes() + " "
                                + displayName(f.key().item()))
                        .toLowerCase(java.util.Locale.ROOT);
                if (t.isBlank() || hay.contains(t)) {
                    out.add(new ResolvedFactor(f, s.id(), s.version(), ""));
                }
            }
        }
        return out;
    }

    /** A carrier's or region's Chinese name for an item code, or the item itself. */
    public String displayName(String item) {
        EnergyCarrier c = carriers.get(item);
        if (c != null) {
            return c.nameCn();
        }
        return registry.region(item).map(Region::name).orElse(item);
    }
}
