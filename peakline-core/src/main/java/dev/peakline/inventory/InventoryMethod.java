package dev.peakline.inventory;

import dev.peakline.inventory.Convention.Rule;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.reference.Csv;
import dev.peakline.reference.FactorKey;
import dev.peakline.reference.FactorKind;
import dev.peakline.reference.FactorSet;
import dev.peakline.reference.FactorSetLoader;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.ResolvedFactor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned top-down method: its conventions (rules with their reasons) and its factors, both loaded from the tables
 * next to this class ({@code methods.csv} names them). Two ship: {@code ceads}, the CEADs sectoral approach with the
 * CEADs factors, and {@code statutory}, the same row conventions with China's statutory default fuel factors from the
 * reference library, so a region can compare the two.
 */
public record InventoryMethod(
        String id,
        String version,
        String name,
        String publication,
        String source,
        List<Convention> conventions,
        FactorSource factors,
        ReferenceLibrary library) {

    /** Mt CO2 per inventory unit of a fuel (10⁴ t, 10⁸ m³), with the text that says where it comes from. */
    public record Factor(BigDecimal mtPerUnit, String description, boolean flagged) {}

    /** The factor of a fuel burned in a sector of a coal-factor group ("all" when the method has one per fuel). */
    public interface FactorSource {
        Optional<Factor> factor(Fuel fuel, String group, int year);
    }

    public InventoryMethod {
        conventions = List.copyOf(conventions);
    }

    /** The ids of the shipped methods. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Csv.Row r : Csv.resource(InventoryMethod.class, "methods.csv")) {
            ids.add(r.get(0));
        }
        return ids;
    }

    /**
     * A shipped method, its statutory factors resolved in {@code library} (the shipped library, or one with a user's
     * factor file on top).
     */
    public static InventoryMethod load(String id, ReferenceLibrary library) {
        for (Csv.Row r : Csv.resource(InventoryMethod.class, "methods.csv")) {
            if (r.get(0).equals(id)) {
                List<Convention> conventions = new ArrayList<>();
                for (Csv.Row c : Csv.resource(InventoryMethod.class, r.get(3))) {
                    conventions.add(new Convention(
                            Rule.valueOf(c.get(0).toUpperCase(java.util.Locale.ROOT)),
                            Convention.parseParameters(c.get(1)),
                            c.get(2),
                            c.get(3)));
                }
                FactorSource factors =
                        id.equals("ceads") ? ceadsFactors(r.get(4)) : statutoryFactors(r.get(4), library);
                return new InventoryMethod(
                        r.get(0), r.get(1), r.get(2), r.get(5), r.get(6), conventions, factors, library);
            }
        }
        throw new IllegalArgumentException("no inventory method '" + id + "'; the methods are " + ids());
    }

    public Optional<Convention> convention(Rule rule) {
        for (Convention c : conventions) {
            if (c.rule() == rule) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** This method without one of its conventions: for what-if comparisons and for the tests that prove each rule. */
    public InventoryMethod without(Rule rule) {
        List<Convention> kept = new ArrayList<>();
        for (Convention c : conventions) {
            if (c.rule() != rule) {
                kept.add(c);
            }
        }
        return new InventoryMethod(
                id,
                version + "-without-" + rule.name().toLowerCase(java.util.Locale.ROOT),
                name,
                publication,
                source,
                kept,
                factors,
                library);
    }

    public String label() {
        return id + " " + version;
    }

    private static FactorSource ceadsFactors(String table) {
        Map<String, Factor> byKey = new LinkedHashMap<>();
        for (Csv.Row r : Csv.resource(InventoryMethod.class, table)) {
            String notes = r.get(8).isEmpty() ? "" : "; " + r.get(8);
            byKey.put(
                    r.get(0) + "|" + r.get(1),
                    new Factor(
                            new BigDecimal(r.get(2)),
                            "CEADs factor " + r.get(2) + " Mt CO2 per " + r.get(3) + " (" + r.get(0) + ", group "
                                    + r.get(1) + "; " + r.get(6) + "; reproduces " + r.get(4) + " of " + r.get(5)
                                    + " published cells" + notes + ")",
                            false));
        }
        return (fuel, group, year) -> {
            Factor f = byKey.get(fuel.code() + "|" + group);
            return Optional.ofNullable(f != null ? f : byKey.get(fuel.code() + "|all"));
        };
    }

    private static final BigDecimal CO2_PER_C = new BigDecimal(44).divide(new BigDecimal(12), MathContext.DECIMAL128);
    private static final BigDecimal PER_TJ = new BigDecimal("0.001");
    private static final BigDecimal PER_MT = new BigDecimal("0.000001");

    private static FactorSource statutoryFactors(String table, ReferenceLibrary library) {
        String text;
        try (InputStream in = InventoryMethod.class.getResourceAsStream("statutory_factors.csv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FactorSetLoader.Result proxies =
                FactorSetLoader.readUserSet("peakline-inventory-statutory", "statutory_factors.csv", text, library);
        if (!proxies.ok()) {
            throw new IllegalStateException("shipped statutory_factors.csv has problems: " + proxies.problems());
        }
        FactorSet proxySet = proxies.set();
        ReferenceLibrary withProxies = library.withOverride(proxySet);
        Map<String, String[]> map = new LinkedHashMap<>();
        for (Csv.Row r : Csv.resource(InventoryMethod.class, table)) {
            map.put(r.get(0), new String[] {r.get(1), r.get(2), r.get(3), r.get(4)});
        }
        // statutory factors depend on the fuel and the year only: resolve each once, not once per cell
        Map<String, Optional<Factor>> resolved = new java.util.concurrent.ConcurrentHashMap<>();
        FactorSource compute = (fuel, group, year) -> {
            String[] m = map.get(fuel.code());
            if (m == null) {
                return Optional.empty();
            }
            LocalDate day = LocalDate.of(year, 7, 1);
            Optional<ResolvedFactor> ncv = resolve(library, withProxies, FactorKind.NCV, m[0], m[1], day);
            Optional<ResolvedFactor> cc = resolve(library, withProxies, FactorKind.CARBON_CONTENT, m[0], m[1], day);
            Optional<ResolvedFactor> of = resolve(library, withProxies, FactorKind.OXIDATION, m[0], m[1], day);
            if (ncv.isEmpty() || cc.isEmpty() || of.isEmpty()) {
                return Optional.empty();
            }
            BigDecimal tPerUnit = BigDecimal.valueOf(ncv.get().value())
                    .multiply(BigDecimal.valueOf(cc.get().value()))
                    .multiply(PER_TJ)
                    .multiply(BigDecimal.valueOf(of.get().value()))
                    .multiply(CO2_PER_C, MathContext.DECIMAL128);
            BigDecimal scale = new BigDecimal(m[2]);
            BigDecimal mt = tPerUnit.multiply(scale).multiply(PER_MT).stripTrailingZeros();
            boolean flagged = !m[3].isEmpty()
                    || !ncv.get().factor().confidence().startsWith("HIGH")
                    || !cc.get().factor().confidence().startsWith("HIGH")
                    || !of.get().factor().confidence().startsWith("HIGH");
            String description = "statutory " + fuel.code() + " as " + m[0] + " (variant " + m[1] + "): "
                    + ncv.get().value() + " × " + cc.get().value() + "/1000 × "
                    + of.get().value() + " × 44/12 = "
                    + tPerUnit.round(new MathContext(8)).toPlainString() + " tCO2 per activity unit; × " + m[2]
                    + " / 10^6 = " + mt.round(new MathContext(8)).toPlainString() + " Mt per " + fuel.unit()
                    + " [NCV " + ncv.get().describe() + "] [CC " + cc.get().describe() + "] [OF "
                    + of.get().describe() + "]" + (m[3].isEmpty() ? "" : " NOTE: " + m[3])
                    + (flagged ? " [FLAGGED: proxy or not HIGH confidence]" : "");
            return Optional.of(new Factor(mt, description, flagged));
        };
        return (fuel, group, year) ->
                resolved.computeIfAbsent(fuel.code() + "|" + year, k -> compute.factor(fuel, group, year));
    }

    private static Optional<ResolvedFactor> resolve(
            ReferenceLibrary first,
            ReferenceLibrary withProxies,
            FactorKind kind,
            String carrier,
            String variant,
            LocalDate day) {
        FactorKey key = FactorKey.of(kind, carrier, variant);
        Optional<ResolvedFactor> f = first.resolve(key, day);
        return f.isPresent() ? f : withProxies.resolve(key, day);
    }
}
