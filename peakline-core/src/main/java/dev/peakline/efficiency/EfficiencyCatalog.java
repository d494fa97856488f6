package dev.peakline.efficiency;

import dev.peakline.reference.Csv;
import dev.peakline.reference.ReferenceLibrary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shipped 能效 reference: 标杆/基准 of both editions and the GB limit levels ({@code efficiency_levels.csv}, from
 * {@code ../shared/reference}), how Peakline computes each indicator ({@code efficiency_measures.csv}) and the
 * provincial capacity-share targets ({@code efficiency_policy_targets.csv}).
 */
public final class EfficiencyCatalog {
    /** Version of the three tables together; change it whenever a value changes. */
    public static final String VERSION = "2026.11.2";

    /** A capacity-share target: by {@code year} at least {@code minAtBenchmark} of capacity at 标杆. */
    public record PolicyTarget(
            String product,
            int year,
            double minAtBenchmark,
            Double maxBelowBaseline,
            String document,
            String clause,
            String confidence) {
        /** Whether the target applies to every product ("*"). */
        public boolean general() {
            return "*".equals(product);
        }
    }

    private final List<ProductLevels> all;
    private final Map<String, ProductLevels> byProduct;
    private final Map<String, ProductLevels> byProductionName;
    private final List<PolicyTarget> targets;

    private EfficiencyCatalog(List<ProductLevels> all, List<PolicyTarget> targets) {
        this.all = List.copyOf(all);
        this.targets = List.copyOf(targets);
        Map<String, ProductLevels> p = new LinkedHashMap<>();
        Map<String, ProductLevels> n = new LinkedHashMap<>();
        for (ProductLevels l : all) {
            if (l.measure() != null) {
                p.put(l.product(), l);
                n.put(l.product(), l);
                for (String name : l.productionNames()) {
                    n.put(name, l);
                }
            }
        }
        this.byProduct = Collections.unmodifiableMap(p);
        this.byProductionName = Collections.unmodifiableMap(n);
    }

    private static EfficiencyCatalog shipped;

    public static synchronized EfficiencyCatalog shipped() {
        if (shipped == null) {
            shipped = load();
        }
        return shipped;
    }

    private static EfficiencyCatalog load() {
        Map<String, Csv.Row> measures = new LinkedHashMap<>();
        for (Csv.Row r : Csv.resource(ReferenceLibrary.class, "efficiency_measures.csv")) {
            measures.put(r.get(0) + "|" + r.get(1), r);
        }
        List<ProductLevels> all = new ArrayList<>();
        for (Csv.Row r : Csv.resource(ReferenceLibrary.class, "efficiency_levels.csv")) {
            Csv.Row m = measures.remove(r.get(1) + "|" + r.get(2));
            all.add(new ProductLevels(
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    r.get(3),
                    Level.parse(r.get(5)),
                    Level.parse(r.get(6)),
                    Level.parse(r.get(7)),
                    Level.parse(r.get(8)),
                    r.get(9),
                    Level.parse(r.get(10)),
                    Level.parse(r.get(11)),
                    Level.parse(r.get(12)),
                    r.get(13),
                    r.get(14),
                    r.get(15),
                    r.get(16),
                    m == null ? null : Measure.parse(m.get(2)),
                    m == null ? List.of() : Arrays.asList(m.get(3).split(";")),
                    m == null ? null : m.get(4),
                    m == null ? null : m.get(5)));
        }
        if (!measures.isEmpty()) {
            throw new IllegalStateException(
                    "efficiency_measures.csv names indicators missing from the levels: " + measures.keySet());
        }
        List<PolicyTarget> targets = new ArrayList<>();
        for (Csv.Row r : Csv.resource(ReferenceLibrary.class, "efficiency_policy_targets.csv")) {
            targets.add(new PolicyTarget(
                    r.get(0),
                    Integer.parseInt(r.get(1)),
                    Double.parseDouble(r.get(2)),
                    r.get(3).isEmpty() ? null : Double.valueOf(r.get(3)),
                    r.get(4),
                    r.get(5),
                    r.get(6)));
        }
        return new EfficiencyCatalog(all, targets);
    }

    /** Every row of the levels table, computed or not. */
    public List<ProductLevels> all() {
        return all;
    }

    /** The products Peakline computes and classifies, by product name. */
    public Map<String, ProductLevels> products() {
        return byProduct;
    }

    /** The product a facility may be registered with: its name in the table or a filed production name. */
    public Optional<ProductLevels> product(String nameOrProductionName) {
        return Optional.ofNullable(
                byProductionName.get(nameOrProductionName == null ? "" : nameOrProductionName.strip()));
    }

    /** The levels of a product by its name in the table, computed by Peakline or not (for designed values). */
    public Optional<ProductLevels> levelsOf(String product) {
        Optional<ProductLevels> p = product(product);
        if (p.isPresent()) {
            return p;
        }
        return all.stream().filter(l -> l.product().equals(product)).findFirst();
    }

    public List<PolicyTarget> targets() {
        return targets;
    }

    /** The targets that apply to a product: its own, then the general ones. */
    public List<PolicyTarget> targetsFor(String product) {
        List<PolicyTarget> out = new ArrayList<>();
        for (PolicyTarget t : targets) {
            if (t.product().equals(product)) {
                out.add(t);
            }
        }
        for (PolicyTarget t : targets) {
            if (t.general()) {
                out.add(t);
            }
        }
        return out;
    }
}
