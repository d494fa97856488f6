package dev.peakline.io.sinks;

import dev.peakline.domain.DateWindow;
import dev.peakline.domain.RegionCode;
import dev.peakline.io.table.Columns;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.sinks.Sinks;
import dev.peakline.units.Decimals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Sink inventory inputs: rows {@code region,year,pool,method,…} with the method's coefficients ({@link Sinks}), each
 * checked (region code, year, pool, method, every coefficient present and in its plausible range), with the removals
 * each row gives. Problems carry row and column; with any, no row is returned. The command line and the server read
 * with this.
 */
public final class SinkReader {
    private SinkReader() {}

    public static final Set<String> POOLS =
            Set.of("forest", "grassland", "wetland", "cropland", "shrubland", "bamboo", "urban_green", "karst");

    /** Each method's columns, and each column's plausible range. */
    public static final Map<String, List<String>> METHODS = Map.of(
            "gain", List.of("area_ha", "increment_m3_per_ha_yr", "root_shoot_ratio", "carbon_fraction"),
            "provincial", List.of("stock_m3", "growth_rate", "wood_density", "bef", "carbon_fraction"),
            "stock_difference", List.of("carbon_stock_t1_tc", "carbon_stock_t2_tc", "interval_years"),
            "karst", List.of("runoff_m3_per_yr", "hco3_mg_per_l"));

    public static final Map<String, double[]> RANGE = Map.ofEntries(
            Map.entry("area_ha", new double[] {0, 1e8}),
            Map.entry("increment_m3_per_ha_yr", new double[] {0, 50}),
            Map.entry("bcef", new double[] {0.1, 5}),
            Map.entry("wood_density", new double[] {0.1, 1.5}),
            Map.entry("bef", new double[] {1, 5}),
            Map.entry("root_shoot_ratio", new double[] {0, 2}),
            Map.entry("carbon_fraction", new double[] {0.3, 0.6}),
            Map.entry("stock_m3", new double[] {0, 1e11}),
            Map.entry("growth_rate", new double[] {0, 0.5}),
            Map.entry("carbon_stock_t1_tc", new double[] {0, 1e11}),
            Map.entry("carbon_stock_t2_tc", new double[] {0, 1e11}),
            Map.entry("interval_years", new double[] {1, 50}),
            Map.entry("wood_removals_m3", new double[] {0, 1e10}),
            Map.entry("bcef_r", new double[] {0.1, 5}),
            Map.entry("consumption_rate", new double[] {0, 0.5}),
            Map.entry("runoff_m3_per_yr", new double[] {0, 1e12}),
            Map.entry("hco3_mg_per_l", new double[] {0, 1000}));

    /** The columns: where, what and how required; every coefficient any method takes optional. */
    static final List<Columns.Spec> SPECS = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(
                            new Columns.Spec("region", List.of("行政区划", "行政区划代码"), true),
                            new Columns.Spec("year", List.of("年份"), true),
                            new Columns.Spec("pool", List.of("碳库"), true),
                            new Columns.Spec("method", List.of("方法"), true)),
                    RANGE.keySet().stream().sorted().map(c -> new Columns.Spec(c, List.of(), false)))
            .toList();

    /** A row read: where, what, its coefficients and its removals (tCO2, negative). */
    public record Row(
            String region,
            int year,
            String pool,
            String method,
            Map<String, Double> inputs,
            double removals,
            int line) {}

    /** The rows, or the problems (never both). */
    public record Read(List<Row> rows, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Read read(Table t) {
        String source = t.source();
        List<Problem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        if (t.lines().size() < 2) {
            problems.add(Problem.at("file.empty", source, 0, "", "the file has no data rows"));
            return new Read(List.of(), problems);
        }
        Columns cols = Columns.of(t.lines().get(0), SPECS, source, problems);
        if (problems.isEmpty()) {
            for (Table.Line l : t.lines().subList(1, t.lines().size())) {
                Row r = row(source, l, cols, problems);
                if (r != null) {
                    rows.add(r);
                }
            }
        }
        return problems.isEmpty() ? new Read(rows, List.of()) : new Read(List.of(), problems);
    }

    private static Row row(String source, Table.Line l, Columns cols, List<Problem> problems) {
        int before = problems.size();
        java.util.function.Function<String, String> cell = c -> cols.get(l, c);
        String region = cell.apply("region");
        try {
            RegionCode code = RegionCode.of(region);
            if (ReferenceLibrary.shipped().registry().region(code).isEmpty()) {
                problems.add(Problem.at(
                        "region.unknown",
                        source,
                        l.number(),
                        "region",
                        "'" + region + "' is not a GB/T 2260 region code"));
            }
        } catch (IllegalArgumentException e) {
            problems.add(Problem.at("region.format", source, l.number(), "region", e.getMessage()));
        }
        String year = cell.apply("year");
        if (!year.matches("[0-9]{4}") || !DateWindow.contains(Integer.parseInt(year))) {
            problems.add(Problem.at("sinks.year", source, l.number(), "year", "'" + year + "' is not a year in range"));
        }
        String pool = cell.apply("pool").toLowerCase(Locale.ROOT);
        if (!POOLS.contains(pool)) {
            problems.add(Problem.at(
                    "sinks.pool",
                    source,
                    l.number(),
                    "pool",
                    "'" + pool + "' is not a pool: " + String.join(", ", new java.util.TreeSet<>(POOLS))));
        }
        String method = cell.apply("method").toLowerCase(Locale.ROOT);
        List<String> columns = METHODS.get(method);
        if (columns == null) {
            problems.add(Problem.at(
                    "sinks.method",
                    source,
                    l.number(),
                    "method",
                    "'" + method + "' is not a method: gain, provincial, stock_difference or karst"));
        } else if (POOLS.contains(pool) && method.equals("karst") != pool.equals("karst")) {
            problems.add(Problem.at(
                    "sinks.method",
                    source,
                    l.number(),
                    "method",
                    "the karst pool is computed by the karst method, and the karst method is for the karst pool only"));
            return null;
        }
        Map<String, Double> v = new LinkedHashMap<>();
        List<String> needed = new ArrayList<>(columns);
        if (method.equals("gain")) {
            boolean bcef = !cell.apply("bcef").isEmpty();
            needed.addAll(bcef ? List.of("bcef") : List.of("wood_density", "bef"));
            // losses by wood removals: the harvest with its own conversion factor
            if (!cell.apply("wood_removals_m3").isEmpty()
                    || !cell.apply("bcef_r").isEmpty()) {
                needed.addAll(List.of("wood_removals_m3", "bcef_r"));
            }
        }
        if (method.equals("provincial") && !cell.apply("consumption_rate").isEmpty()) {
            needed.add("consumption_rate");
        }
        for (String c : needed) {
            String text = cell.apply(c);
            if (text.isEmpty()) {
                problems.add(Problem.at(
                        "field.empty", source, l.number(), c, c + " is needed by the " + method + " method"));
                continue;
            }
            try {
                double d = Decimals.parse(text);
                double[] r = RANGE.get(c);
                if (d < r[0] || d > r[1]) {
                    problems.add(Problem.at(
                            "sinks.range",
                            source,
                            l.number(),
                            c,
                            c + " " + text + " is outside " + r[0] + "–" + r[1]
                                    + (c.equals("growth_rate") ? " (a fraction: 0.05 for 5 %)" : "")));
                }
                v.put(c, d);
            } catch (NumberFormatException e) {
                problems.add(Problem.at("number.format", source, l.number(), c, "'" + text + "' is not a number"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        double loss = v.containsKey("wood_removals_m3")
                ? Sinks.woodRemovals(
                        v.get("wood_removals_m3"), v.get("bcef_r"), v.get("root_shoot_ratio"), v.get("carbon_fraction"))
                : v.containsKey("consumption_rate")
                        ? Sinks.provincialConsumption(
                                v.get("stock_m3"),
                                v.get("consumption_rate"),
                                v.get("wood_density"),
                                v.get("bef"),
                                v.get("carbon_fraction"))
                        : 0;
        double tco2 = loss
                + switch (method) {
                    case "karst" -> Sinks.karst(v.get("runoff_m3_per_yr"), v.get("hco3_mg_per_l"));
                    case "gain" ->
                        v.containsKey("bcef")
                                ? Sinks.gain(
                                        v.get("area_ha"),
                                        v.get("increment_m3_per_ha_yr"),
                                        v.get("bcef"),
                                        v.get("root_shoot_ratio"),
                                        v.get("carbon_fraction"))
                                : Sinks.gain(
                                        v.get("area_ha"),
                                        v.get("increment_m3_per_ha_yr"),
                                        v.get("wood_density"),
                                        v.get("bef"),
                                        v.get("root_shoot_ratio"),
                                        v.get("carbon_fraction"));
                    case "provincial" ->
                        Sinks.provincial(
                                v.get("stock_m3"),
                                v.get("growth_rate"),
                                v.get("wood_density"),
                                v.get("bef"),
                                v.get("carbon_fraction"));
                    default ->
                        Sinks.stockDifference(
                                v.get("carbon_stock_t1_tc"), v.get("carbon_stock_t2_tc"), v.get("interval_years"));
                };
        return new Row(region, Integer.parseInt(year), pool, method, v, tco2, l.number());
    }
}
