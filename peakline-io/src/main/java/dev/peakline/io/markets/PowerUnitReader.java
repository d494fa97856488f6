package dev.peakline.io.markets;

import dev.peakline.io.table.Cells;
import dev.peakline.io.table.Columns;
import dev.peakline.io.table.Table;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.markets.PowerAllocation.Benchmark;
import dev.peakline.markets.PowerAllocation.FuelClass;
import dev.peakline.markets.PowerAllocation.Unit;
import dev.peakline.problems.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Power units' years for the ETS allocation ({@code unit_id,year,supply_mwh,heat_gj,cooling,heat_ratio,load_factor,
 * fuel_class}) and benchmark tables ({@code year,fuel_class,electricity_t_per_mwh,heat_t_per_gj}), each cell checked
 * with the problem by row and column; with any problem, nothing is returned. The command line and the server read
 * with this.
 */
public final class PowerUnitReader {
    private PowerUnitReader() {}

    static final List<Columns.Spec> UNITS = List.of(
            new Columns.Spec("unit_id", List.of("机组编号"), true),
            new Columns.Spec("year", List.of("年份", "年度"), true),
            new Columns.Spec("supply_mwh", List.of("供电量", "供电量(MWh)", "供电量（MWh）"), true),
            new Columns.Spec("heat_gj", List.of("供热量", "供热量(GJ)", "供热量（GJ）"), true),
            new Columns.Spec("cooling", List.of("冷却方式"), true),
            new Columns.Spec("heat_ratio", List.of("供热比"), true),
            new Columns.Spec("load_factor", List.of("负荷率", "负荷（出力）系数", "负荷系数"), true),
            new Columns.Spec("fuel_class", List.of("机组类别", "机组类型"), true));

    static final List<Columns.Spec> BENCHMARKS = List.of(
            new Columns.Spec("year", List.of("年份", "年度"), true),
            new Columns.Spec("fuel_class", List.of("机组类别", "机组类型"), true),
            new Columns.Spec("electricity_t_per_mwh", List.of("供电基准值"), true),
            new Columns.Spec("heat_t_per_gj", List.of("供热基准值"), true));

    /** Largest supply of one unit in a year: 2,000 MW × 8,784 h is 17.6 TWh; beyond 2 × 10⁷ MWh is a typing error. */
    public static final double MAX_SUPPLY_MWH = 2e7;

    public static final double MAX_HEAT_GJ = 1e9;

    /** A unit row and the line it came from. */
    public record Row(Unit unit, int line) {}

    public record Read<T>(List<T> rows, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public static Read<Row> units(Table t) {
        String source = t.source();
        List<Problem> problems = new ArrayList<>();
        if (t.lines().size() < 2) {
            return new Read<>(List.of(), List.of(Problem.at("file.empty", source, 0, "", "the file has no data rows")));
        }
        Columns cols = Columns.of(t.lines().get(0), UNITS, source, problems);
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        if (problems.isEmpty()) {
            for (Table.Line l : t.lines().subList(1, t.lines().size())) {
                if (l.blank()) {
                    continue;
                }
                int before = problems.size();
                String id = cols.get(l, "unit_id");
                if (id.isEmpty()) {
                    problems.add(Problem.at("value.missing", source, l.number(), "unit_id", "the unit has no id"));
                }
                int year = Cells.year(source, l, "year", cols.get(l, "year"), problems);
                double supply =
                        Cells.number(source, l, "supply_mwh", cols.get(l, "supply_mwh"), 0, MAX_SUPPLY_MWH, problems);
                double heat = Cells.number(source, l, "heat_gj", cols.get(l, "heat_gj"), 0, MAX_HEAT_GJ, problems);
                Boolean air = cooling(source, l, cols.get(l, "cooling"), problems);
                double ratio = Cells.fraction(source, l, "heat_ratio", cols.get(l, "heat_ratio"), problems);
                double load = Cells.fraction(source, l, "load_factor", cols.get(l, "load_factor"), problems);
                if (load == 0) {
                    problems.add(Problem.at(
                            "quantity.absurd",
                            source,
                            l.number(),
                            "load_factor",
                            "a unit that supplied power ran above 0 % load"));
                }
                String fc = cols.get(l, "fuel_class");
                FuelClass fuel = FuelClass.parse(fc).orElse(null);
                if (fuel == null) {
                    problems.add(Problem.at(
                            "allocation.fuel_class",
                            source,
                            l.number(),
                            "fuel_class",
                            "'" + fc + "' is not a unit class: " + FuelClass.codes()));
                }
                if (year > 0 && PowerAllocation.rules(year).isEmpty()) {
                    problems.add(Problem.at(
                            "allocation.year",
                            source,
                            l.number(),
                            "year",
                            "no allocation rules are shipped for " + year + " (shipped: " + PowerAllocation.ruleYears()
                                    + "); from 2023 the plan (国环规气候〔2024〕1号) allocates by generation, not supply"));
                }
                if (!id.isEmpty() && year > 0) {
                    Integer first = seen.putIfAbsent(id + "|" + year, l.number());
                    if (first != null) {
                        problems.add(Problem.at(
                                "period.duplicate",
                                source,
                                l.number(),
                                "unit_id",
                                "unit " + id + " in " + year + " is given twice (first on line " + first + ")"));
                    }
                }
                if (problems.size() == before) {
                    rows.add(new Row(new Unit(id, year, supply, heat, air, ratio, load, fuel), l.number()));
                }
            }
        }
        return problems.isEmpty() ? new Read<>(rows, List.of()) : new Read<>(List.of(), problems);
    }

    /** Water (水冷, 1) or air (空冷, 1.05); null after a problem. */
    private static Boolean cooling(String source, Table.Line l, String text, List<Problem> problems) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        switch (t) {
            case "water", "水冷", "湿冷", "1", "1.0", "1.00" -> {
                return false;
            }
            case "air", "空冷", "直接空冷", "间接空冷", "1.05" -> {
                return true;
            }
            default -> {
                problems.add(Problem.at(
                        "allocation.cooling",
                        source,
                        l.number(),
                        "cooling",
                        "'" + text + "' is not a cooling type: water (水冷, factor 1) or air (空冷, factor 1.05)"));
                return null;
            }
        }
    }

    /** A benchmark table as the CLI takes it; each class and year once. */
    public static Read<Benchmark> benchmarks(Table t) {
        String source = t.source();
        List<Problem> problems = new ArrayList<>();
        if (t.lines().size() < 2) {
            return new Read<>(List.of(), List.of(Problem.at("file.empty", source, 0, "", "the file has no data rows")));
        }
        Columns cols = Columns.of(t.lines().get(0), BENCHMARKS, source, problems);
        List<Benchmark> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (problems.isEmpty()) {
            for (Table.Line l : t.lines().subList(1, t.lines().size())) {
                if (l.blank()) {
                    continue;
                }
                int before = problems.size();
                int year = Cells.year(source, l, "year", cols.get(l, "year"), problems);
                String fc = cols.get(l, "fuel_class");
                FuelClass fuel = FuelClass.parse(fc).orElse(null);
                if (fuel == null) {
                    problems.add(Problem.at(
                            "allocation.fuel_class",
                            source,
                            l.number(),
                            "fuel_class",
                            "'" + fc + "' is not a unit class: " + FuelClass.codes()));
                }
                // coal units emit 0.8–1.2 t/MWh, gas about 0.4; heat 0.05–0.13 t/GJ: beyond these a unit is wrong
                double e = Cells.number(
                        source, l, "electricity_t_per_mwh", cols.get(l, "electricity_t_per_mwh"), 0.2, 1.5, problems);
                double h = Cells.number(source, l, "heat_t_per_gj", cols.get(l, "heat_t_per_gj"), 0.02, 0.2, problems);
                if (fuel != null && year > 0 && !seen.add(year + "|" + fuel)) {
                    problems.add(Problem.at(
                            "period.duplicate",
                            source,
                            l.number(),
                            "fuel_class",
                            fuel.code() + " in " + year + " is given twice"));
                }
                if (problems.size() == before) {
                    rows.add(new Benchmark(year, fuel, e, h, source, "line " + l.number(), "as given"));
                }
            }
        }
        return problems.isEmpty() ? new Read<>(rows, List.of()) : new Read<>(List.of(), problems);
    }
}
