package dev.peakline.io.inventory;

import dev.peakline.domain.RegionCode;
import dev.peakline.inventory.EnergyBalance;
import dev.peakline.inventory.InventoryCatalog;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryCatalog.RowDef;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.reference.Region;
import dev.peakline.reference.Registry;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads regional energy inventories (能源清单) in three layouts, from CSV or .xlsx:
 *
 * <ul>
 *   <li><b>long</b>: one amount per line, columns {@code year, province|region, row, [row_kind], [sector_no], fuel,
 *       unit, value} (the CEADs long form);
 *   <li><b>CEADs workbook</b>: one sheet per region-year named {@code <Region><Year>} ("Guizhou2017"), fuels across
 *       the first row, their units in the second, one row per balance row or sector below;
 *   <li><b>our template</b> ({@link InventoryTemplate}): the same wide layout, with Chinese or English labels, sheet
 *       named by a region code or name and a year ("520100 2020", "贵阳市2020").
 * </ul>
 *
 * Every amount is validated (known fuel, known row, a unit of the fuel's dimension, a finite number of sane size, no
 * duplicates); amounts are converted to the inventory units exactly. Any problem means no balance is returned.
 */
public final class EnergyBalanceReader {
    private EnergyBalanceReader() {}

    /** Balances read, or the problems (then {@code balances} is empty). */
    public record Read(List<EnergyBalance> balances, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Amounts larger than this, in inventory units (10⁴ t, 10⁸ m³ …), are refused as absurd for one region. */
    static final BigDecimal ABSURD = new BigDecimal("10000000");

    private static final Pattern SHEET = Pattern.compile("^(.*?)[\\s_\\-]*((?:19|20)\\d\\d)$");

    /**
     * Reads a file.
     *
     * @param region the region when the input does not name it (wide CSV); may be null
     * @param year the year when the input does not state it (wide CSV); may be null
     */
    public static Read read(Path file, String region, Integer year, Registry registry) {
        List<Problem> problems = new ArrayList<>();
        List<EnergyBalance> out = new ArrayList<>();
        if (Table.isExcel(file)) {
            Map<String, Table> sheets = Table.excel(file);
            for (Map.Entry<String, Table> e : sheets.entrySet()) {
                String name = e.getKey().strip();
                if (name.equalsIgnoreCase("NOTE")
                        || name.equals("说明")
                        || e.getValue().lines().isEmpty()) {
                    continue;
                }
                read(e.getValue(), name, region, year, registry, out, problems);
            }
        } else {
            String stem = file.getFileName().toString().replaceFirst("\\.[^.]*$", "");
            read(Table.csv(file), stem, region, year, registry, out, problems);
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.at("inventory.empty", file.getFileName().toString(), 0, "", "no amounts found"));
        }
        return problems.isEmpty() ? new Read(List.copyOf(out), List.of()) : new Read(List.of(), problems);
    }

    private static void read(
            Table t,
            String name,
            String region,
            Integer year,
            Registry registry,
            List<EnergyBalance> out,
            List<Problem> problems) {
        if (t.lines().isEmpty()) {
            return;
        }
        List<String> header = lower(t.lines().get(0).cells());
        if (header.contains("fuel") && header.contains("value")) {
            readLong(t, registry, out, problems);
        } else {
            readWide(t, name, region, year, registry, out, problems);
        }
    }

    private static List<String> lower(List<String> cells) {
        List<String> l = new ArrayList<>();
        for (String c : cells) {
            l.add(c.strip().toLowerCase(Locale.ROOT));
        }
        return l;
    }

    private record Key(String region, int year) {}

    private static final class Building {
        final String region;
        final RegionCode code;
        final int year;
        final List<EnergyBalance.Entry> entries = new ArrayList<>();
        final Map<String, String> seen = new LinkedHashMap<>();

        Building(String region, RegionCode code, int year) {
            this.region = region;
            this.code = code;
            this.year = year;
        }
    }

    private static void readLong(Table t, Registry registry, List<EnergyBalance> out, List<Problem> problems) {
        List<String> h = lower(t.lines().get(0).cells());
        int cYear = h.indexOf("year");
        int cRegion = h.indexOf("province") >= 0 ? h.indexOf("province") : h.indexOf("region");
        int cRow = h.indexOf("row");
        int cKind = h.indexOf("row_kind");
        int cSector = h.indexOf("sector_no");
        int cFuel = h.indexOf("fuel");
        int cUnit = h.indexOf("unit");
        int cValue = h.indexOf("value");
        int before = problems.size();
        String[] names = {"year", "province or region", "row", "unit"};
        int[] columns = {cYear, cRegion, cRow, cUnit};
        for (int i = 0; i < names.length; i++) {
            if (columns[i] < 0) {
                problems.add(Problem.at(
                        "inventory.column_missing",
                        t.source(),
                        t.lines().get(0).number(),
                        names[i],
                        "the long layout needs the column '" + names[i]
                                + "' (year,province,row,row_kind,sector_no,fuel,unit,value)"));
            }
        }
        if (problems.size() > before) {
            return;
        }
        InventoryCatalog catalog = InventoryCatalog.get();
        Map<Key, Building> building = new LinkedHashMap<>();
        for (Table.Line l : t.lines().subList(1, t.lines().size())) {
            int n = problems.size();
            Integer y = year(l.cell(cYear), t.source(), l.number(), "year", problems);
            String regionName = l.cell(cRegion);
            if (regionName.isEmpty()) {
                problems.add(Problem.at("inventory.region_missing", t.source(), l.number(), "province", "no region"));
            }
            Optional<RowDef> row = row(catalog, l.cell(cRow), t.source(), l.number(), "row", problems);
            if (row.isPresent() && cKind >= 0 && !l.cell(cKind).isEmpty()) {
                String kind = row.get().kind().name().toLowerCase(Locale.ROOT);
                if (!kind.equals(l.cell(cKind).toLowerCase(Locale.ROOT))) {
                    problems.add(Problem.at(
                            "inventory.row_kind",
                            t.source(),
                            l.number(),
                            "row_kind",
                            "row_kind '" + l.cell(cKind) + "' contradicts the row '" + l.cell(cRow) + "', which is "
                                    + kind));
                }
            }
            if (row.isPresent() && cSector >= 0 && !l.cell(cSector).isEmpty()) {
                String expected = row.get().sector() == null
                        ? ""
                        : String.valueOf(row.get().sector().no());
                if (!expected.equals(l.cell(cSector).replaceFirst("\\.0+$", ""))) {
                    problems.add(Problem.at(
                            "inventory.sector_no",
                            t.source(),
                            l.number(),
                            "sector_no",
                            "sector_no '" + l.cell(cSector) + "' does not match the row '" + l.cell(cRow) + "'"
                                    + (expected.isEmpty() ? " (not a sector)" : " (sector " + expected + ")")));
                }
            }
            Optional<Fuel> fuel = fuel(catalog, l.cell(cFuel), t.source(), l.number(), "fuel", problems);
            Amount value = fuel.isEmpty()
                    ? null
                    : amount(
                            catalog,
                            fuel.get(),
                            l.cell(cUnit),
                            l.cell(cValue),
                            false,
                            t.source(),
                            l.number(),
                            "value",
                            problems);
            if (problems.size() > n || value == null) {
                continue;
            }
            Building b = building.computeIfAbsent(
                    new Key(regionName, y), k -> new Building(k.region(), regionCode(k.region(), registry), k.year()));
            String where = t.source() + " line " + l.number();
            add(b, row.get(), fuel.get(), value, where, t.source(), l.number(), "value", problems);
        }
        finish(building, out);
    }

    private static void readWide(
            Table t,
            String sheet,
            String region,
            Integer year,
            Registry registry,
            List<EnergyBalance> out,
            List<Problem> problems) {
        InventoryCatalog catalog = InventoryCatalog.get();
        String regionName = region;
        Integer y = year;
        Matcher m = SHEET.matcher(sheet);
        if (m.matches()) {
            if (regionName == null && !m.group(1).isBlank()) {
                regionName = m.group(1).strip();
            }
            if (y == null) {
                y = Integer.parseInt(m.group(2));
            }
        }
        if (y == null) {
            problems.add(Problem.at(
                    "inventory.year_missing",
                    t.source(),
                    0,
                    "",
                    "the year is missing: name the sheet '<region><year>' (e.g. Guizhou2017) or give --year"));
            return;
        }
        if (regionName == null || regionName.isBlank()) {
            problems.add(Problem.at(
                    "inventory.region_missing",
                    t.source(),
                    0,
                    "",
                    "the region is missing: name the sheet '<region><year>' or give --region"));
            return;
        }
        List<Table.Line> lines = t.lines();
        if (lines.size() < 2) {
            problems.add(Problem.at(
                    "inventory.layout", t.source(), 0, "", "expected fuels in the first row and units in the second"));
            return;
        }
        Table.Line header = lines.get(0);
        Table.Line units = lines.get(1);
        List<Fuel> fuels = new ArrayList<>();
        int before = problems.size();
        for (int c = 1; c < header.cells().size(); c++) {
            String name = header.cell(c);
            if (name.isEmpty()) {
                fuels.add(null);
                continue;
            }
            fuels.add(fuel(catalog, name, t.source(), header.number(), column(c), problems)
                    .orElse(null));
        }
        if (problems.size() > before) {
            return;
        }
        Building b = new Building(regionName, regionCode(regionName, registry), y);
        for (Table.Line l : lines.subList(2, lines.size())) {
            String label = l.cell(0);
            if (label.isEmpty()) {
                problems.add(Problem.at(
                        "inventory.row_missing", t.source(), l.number(), "A", "amounts without a row label"));
                continue;
            }
            Optional<RowDef> row = row(catalog, label, t.source(), l.number(), "A", problems);
            if (row.isEmpty()) {
                continue;
            }
            for (int c = 1; c < l.cells().size() && c - 1 < fuels.size(); c++) {
                Fuel fuel = fuels.get(c - 1);
                String text = l.cell(c);
                if (text.isEmpty() || text.equals("-")) {
                    continue;
                }
                if (fuel == null) {
                    problems.add(Problem.at(
                            "inventory.fuel_missing",
                            t.source(),
                            l.number(),
                            column(c),
                            "an amount in a column without a fuel name"));
                    continue;
                }
                Amount v =
                        amount(catalog, fuel, units.cell(c), text, true, t.source(), l.number(), column(c), problems);
                if (v != null) {
                    String where = t.source() + " " + column(c) + l.number();
                    add(b, row.get(), fuel, v, where, t.source(), l.number(), column(c), problems);
                }
            }
        }
        Map<Key, Building> one = new LinkedHashMap<>();
        one.put(new Key(b.region, b.year), b);
        finish(one, out);
    }

    private static void finish(Map<Key, Building> building, List<EnergyBalance> out) {
        for (Building b : building.values()) {
            out.add(new EnergyBalance(b.region, b.code, b.year, b.entries));
        }
    }

    private static void add(
            Building b,
            RowDef row,
            Fuel fuel,
            Amount value,
            String where,
            String source,
            int line,
            String column,
            List<Problem> problems) {
        String key = row.label() + "|" + fuel.code();
        String earlier = b.seen.putIfAbsent(key, where);
        if (earlier != null) {
            problems.add(Problem.at(
                    "inventory.duplicate",
                    source,
                    line,
                    column,
                    b.region + " " + b.year + " states " + fuel.code() + " in the row '" + row.label()
                            + "' twice (first at " + earlier + ")"));
            return;
        }
        b.entries.add(new EnergyBalance.Entry(row, fuel, value.value(), where, value.asStated()));
    }

    /** The region's GB/T 2260 code: a code, a CEADs English province name, or a Chinese name in the registry. */
    static RegionCode regionCode(String region, Registry registry) {
        String r = region.strip();
        if (r.matches("\\d{6}")) {
            return registry.region(r).map(Region::code).orElse(null);
        }
        Optional<RegionCode> p = InventoryCatalog.get().province(r);
        if (p.isPresent()) {
            return p.get();
        }
        for (Region reg : registry.regions().values()) {
            if (reg.name().equals(r)) {
                return reg.code();
            }
        }
        return null;
    }

    private static Integer year(String text, String source, int line, String column, List<Problem> problems) {
        String s = text.strip().replaceFirst("\\.0+$", "");
        if (s.isEmpty()) {
            problems.add(Problem.at("inventory.year_missing", source, line, column, "the year is missing"));
            return null;
        }
        if (!s.matches("\\d{4}") || Integer.parseInt(s) < 1949 || Integer.parseInt(s) > 2100) {
            problems.add(Problem.at(
                    "inventory.year", source, line, column, "'" + text + "' is not a year between 1949 and 2100"));
            return null;
        }
        return Integer.parseInt(s);
    }

    private static Optional<RowDef> row(
            InventoryCatalog catalog, String label, String source, int line, String column, List<Problem> problems) {
        Optional<RowDef> r = catalog.row(label);
        if (r.isEmpty()) {
            problems.add(Problem.at(
                    "inventory.row_unknown",
                    source,
                    line,
                    column,
                    "unknown row '" + label + "'; rows are the totals (Total Consumption, Total Final Consumption, "
                            + "Inputs(+) outputs(-)), the transformation rows (Thermal Power, Heating Supply, Coal "
                            + "Washing, Coking, Petroleum Refineries, Gas Works, Briquettes …), Loss, Non-Energy Use, "
                            + "and the 47 sectors by label or number"));
        }
        return r;
    }

    private static Optional<Fuel> fuel(
            InventoryCatalog catalog, String name, String source, int line, String column, List<Problem> problems) {
        Optional<Fuel> f = catalog.fuel(name);
        if (f.isEmpty()) {
            problems.add(Problem.at(
                    "inventory.fuel_unknown",
                    source,
                    line,
                    column,
                    "unknown fuel '" + name + "'; fuels are "
                            + String.join(", ", catalog.fuels().keySet())));
        }
        return f;
    }

    /** An amount in the fuel's inventory unit, and as the input stated it when a conversion was applied (else empty). */
    private record Amount(BigDecimal value, String asStated) {}

    private static Amount amount(
            InventoryCatalog catalog,
            Fuel fuel,
            String unit,
            String text,
            boolean wide,
            String source,
            int line,
            String column,
            List<Problem> problems) {
        Optional<BigDecimal> scale = catalog.toInventoryUnit(fuel, unit);
        if (scale.isEmpty()) {
            problems.add(Problem.at(
                    "inventory.unit",
                    source,
                    wide ? 2 : line,
                    wide ? column : "unit",
                    (unit.isBlank() ? "no unit" : "the unit '" + unit + "'") + " does not fit " + fuel.code() + " ("
                            + fuel.nameZh() + "); use " + String.join(", ", catalog.unitsFor(fuel))));
            return null;
        }
        BigDecimal v;
        try {
            String t = text.strip().replace(",", "");
            if (!dev.peakline.units.Decimals.isDecimal(t)) {
                throw new NumberFormatException(t);
            }
            v = new BigDecimal(t);
        } catch (NumberFormatException e) {
            problems.add(Problem.at(
                    "inventory.value",
                    source,
                    line,
                    column,
                    text.isBlank() ? "the amount is missing" : "'" + text + "' is not a number"));
            return null;
        }
        BigDecimal inUnits = v.multiply(scale.get());
        if (inUnits.abs().compareTo(ABSURD) > 0) {
            problems.add(Problem.at(
                    "inventory.absurd",
                    source,
                    line,
                    column,
                    text + " " + unit + " of " + fuel.code() + " is beyond any region (more than "
                            + ABSURD.toPlainString() + " " + fuel.unit() + ")"));
            return null;
        }
        return new Amount(inUnits, scale.get().compareTo(BigDecimal.ONE) == 0 ? "" : text + " " + unit);
    }

    static String column(int index) {
        StringBuilder b = new StringBuilder();
        int i = index;
        do {
            b.insert(0, (char) ('A' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return b.toString();
    }
}
