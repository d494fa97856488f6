package dev.peakline.inventory;

import dev.peakline.domain.RegionCode;
import dev.peakline.reference.Csv;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The vocabulary of a regional energy inventory (能源清单) in the CEADs layout: its 20 fuels with their inventory units,
 * its rows (totals, transformation, losses, non-energy use) and its 47 final-consumption sectors, with the GB/T 4754
 * industries each sector covers. Loaded once from the CSV tables next to this class.
 */
public final class InventoryCatalog {

    /** What a row of the balance is. */
    public enum RowKind {
        TOTAL_CONSUMPTION,
        TOTAL_FINAL_CONSUMPTION,
        TRANSFORMATION_TOTAL,
        TRANSFORMATION,
        LOSS,
        NON_ENERGY_USE,
        FINAL_CONSUMPTION_SECTOR
    }

    /** A fuel column: CEADs code (Raw_Coal …), Chinese name and the unit the inventory states it in. */
    public record Fuel(String code, String nameZh, String unit) {}

    /** A row of the balance; {@code sector} is set for the 47 final-consumption sectors only. */
    public record RowDef(String label, String labelZh, RowKind kind, Sector sector) {}

    /** One of the 47 CEADs sectors, with its coal emission-factor group and the GB/T 4754 codes it covers. */
    public record Sector(
            int no, String label, String labelZh, String emissionLabel, String coalGroup, List<String> industries) {}

    private static volatile InventoryCatalog instance;

    private final Map<String, Fuel> fuels = new LinkedHashMap<>();
    private final Map<String, Fuel> fuelByName = new LinkedHashMap<>();
    private final Map<String, RowDef> rowByName = new LinkedHashMap<>();
    private final List<RowDef> rows = new ArrayList<>();
    private final List<Sector> sectors = new ArrayList<>();
    private final Map<String, RegionCode> provinceByName = new LinkedHashMap<>();
    private final Map<Fuel, Integer> fuelIndex = new LinkedHashMap<>();

    private InventoryCatalog() {
        for (Csv.Row r : Csv.resource(InventoryCatalog.class, "fuels.csv")) {
            Fuel f = new Fuel(r.get(0), r.get(1), r.get(2));
            fuels.put(f.code(), f);
            fuelIndex.put(f, fuelIndex.size());
            fuelByName.put(key(f.code()), f);
            fuelByName.put(key(f.nameZh()), f);
            for (String a : r.get(3).split(";")) {
                if (!a.isBlank()) {
                    fuelByName.put(key(a), f);
                }
            }
        }
        for (Csv.Row r : Csv.resource(InventoryCatalog.class, "rows.csv")) {
            RowDef d = new RowDef(
                    r.get(0),
                    r.get(2).isEmpty() ? r.get(0) : r.get(2),
                    RowKind.valueOf(r.get(1).toUpperCase(Locale.ROOT)),
                    null);
            rows.add(d);
            rowByName.put(key(d.label()), d);
            rowByName.put(key(d.labelZh()), d);
            for (String a : r.get(3).split(";")) {
                if (!a.isBlank()) {
                    rowByName.put(key(a), d);
                }
            }
        }
        for (Csv.Row r : Csv.resource(InventoryCatalog.class, "sectors.csv")) {
            List<String> industries =
                    r.get(5).isBlank() ? List.of() : List.of(r.get(5).split(" "));
            Sector s = new Sector(Integer.parseInt(r.get(0)), r.get(1), r.get(2), r.get(3), r.get(4), industries);
            sectors.add(s);
            RowDef d = new RowDef(s.label(), s.no() + " " + s.labelZh(), RowKind.FINAL_CONSUMPTION_SECTOR, s);
            rows.add(d);
            for (String name : List.of(s.label(), s.labelZh(), s.emissionLabel())) {
                rowByName.putIfAbsent(key(name), d);
            }
        }
        for (Csv.Row r : Csv.resource(InventoryCatalog.class, "provinces_en.csv")) {
            RegionCode code = RegionCode.of(r.get(0));
            provinceByName.put(key(r.get(1)), code);
            for (String a : r.get(2).split(";")) {
                if (!a.isBlank()) {
                    provinceByName.put(key(a), code);
                }
            }
        }
    }

    public static InventoryCatalog get() {
        InventoryCatalog c = instance;
        if (c == null) {
            synchronized (InventoryCatalog.class) {
                c = instance;
                if (c == null) {
                    c = new InventoryCatalog();
                    instance = c;
                }
            }
        }
        return c;
    }

    /** Case, space, underscore and full-width insensitive key for names. */
    static String key(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (ch == '（') {
                ch = '(';
            } else if (ch == '）') {
                ch = ')';
            } else if (ch == '，') {
                ch = ',';
            }
            if (ch != ' ' && ch != '_' && ch != '\u3000' && ch != '\t') {
                b.append(ch);
            }
        }
        return b.toString();
    }

    public Map<String, Fuel> fuels() {
        return Collections.unmodifiableMap(fuels);
    }

    /** Fuels in the order of the inventory's columns (raw coal first, other energy last). */
    public java.util.Comparator<Fuel> fuelOrder() {
        return java.util.Comparator.comparingInt(fuelIndex::get);
    }

    public Optional<Fuel> fuel(String name) {
        return Optional.ofNullable(fuelByName.get(key(name)));
    }

    public List<Sector> sectors() {
        return Collections.unmodifiableList(sectors);
    }

    public Sector sector(int no) {
        if (no < 1 || no > sectors.size()) {
            throw new IllegalArgumentException("no CEADs sector " + no + "; sectors are 1-" + sectors.size());
        }
        return sectors.get(no - 1);
    }

    /** Every row the catalog knows, special rows first, then the 47 sectors. */
    public List<RowDef> rows() {
        return Collections.unmodifiableList(rows);
    }

    /**
     * The row named by a label: a special row (English or Chinese), a sector label, or a sector number, alone or in
     * front of the label ("39", "39 Electric Power …", "39. 电力、热力…").
     */
    public Optional<RowDef> row(String label) {
        RowDef d = rowByName.get(key(label));
        if (d != null) {
            return Optional.of(d);
        }
        java.util.regex.Matcher m = NUMBERED.matcher(label);
        if (m.matches()) {
            int no = Integer.parseInt(m.group(1));
            if (no >= 1 && no <= sectors.size()) {
                Sector s = sectors.get(no - 1);
                String rest = m.group(2);
                if (rest == null || rest.isBlank() || rowByName.get(key(rest)) == rowOf(s)) {
                    return Optional.of(rowOf(s));
                }
            }
        }
        return Optional.empty();
    }

    /** A sector number, alone or in front of a label. */
    private static final java.util.regex.Pattern NUMBERED =
            java.util.regex.Pattern.compile("^\\s*(\\d{1,2})(?:[\\s.、:．)]+(.*))?$");

    private RowDef rowOf(Sector s) {
        return rows.get(rows.size() - sectors.size() + s.no() - 1);
    }

    /** The sector covering a GB/T 4754 code: the longest listed prefix of the code wins ("3216" → 29, "2913" → 25). */
    public Optional<Sector> sectorOfIndustry(String industry) {
        Sector best = null;
        int bestLength = 0;
        for (Sector s : sectors) {
            for (String prefix : s.industries()) {
                if (industry.startsWith(prefix) && prefix.length() > bestLength) {
                    best = s;
                    bestLength = prefix.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** A province by its English name as CEADs spells it ("Guizhou", "InnerMongolia"). */
    public Optional<RegionCode> province(String name) {
        return Optional.ofNullable(provinceByName.get(key(name)));
    }

    /**
     * The factor that converts an amount stated in {@code unit} to the fuel's inventory unit, when the unit measures
     * the same thing: "10^4 ton" or 万吨 for a solid (1), "t" (0.0001), "10^4 m3" for a gas (0.0001) … Empty when the
     * unit is unknown or of another dimension.
     */
    public Optional<BigDecimal> toInventoryUnit(Fuel fuel, String unit) {
        Scaled canonical = UNITS.get(unitKey(fuel.unit()));
        Scaled given = UNITS.get(unitKey(unit));
        if (canonical == null || given == null || !canonical.dimension.equals(given.dimension)) {
            return Optional.empty();
        }
        return Optional.of(given.scale.divide(canonical.scale));
    }

    /** The units a fuel may be stated in, for error messages. */
    public List<String> unitsFor(Fuel fuel) {
        Scaled canonical = UNITS.get(unitKey(fuel.unit()));
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Scaled> e : UNIT_NAMES.entrySet()) {
            if (e.getValue().dimension.equals(canonical.dimension)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private record Scaled(String dimension, BigDecimal scale) {}

    private static final Map<String, Scaled> UNIT_NAMES = new LinkedHashMap<>();
    private static final Map<String, Scaled> UNITS = new LinkedHashMap<>();

    private static void unit(String dimension, String scale, String... names) {
        Scaled s = new Scaled(dimension, new BigDecimal(scale));
        UNIT_NAMES.put(names[0], s);
        for (String n : names) {
            UNITS.put(unitKey(n), s);
        }
    }

    static String unitKey(String unit) {
        return key(unit)
                .replace("⁴", "^4")
                .replace("⁸", "^8")
                .replace("¹⁰", "^10")
                .replace("³", "3")
                .replace("cu.m", "m3")
                .replace("tons", "t")
                .replace("ton", "t");
    }

    static {
        unit("mass", "10000", "10^4 t", "10^4 ton", "万吨", "万t");
        unit("mass", "1", "t", "吨");
        unit("mass", "1000", "10^3 t", "kt", "千吨");
        unit("volume", "100000000", "10^8 m3", "10^8 cu.m", "亿立方米", "亿m3", "10^8 Nm3", "亿Nm3");
        unit("volume", "10000", "10^4 m3", "10^4 cu.m", "万立方米", "万m3", "10^4 Nm3", "万Nm3");
        unit("volume", "1", "m3", "立方米", "Nm3");
        unit("heat", "10000000000", "10^10 kJ", "百亿千焦");
        unit("heat", "1000000", "GJ", "吉焦");
        unit("heat", "1000000000", "TJ", "太焦");
        unit("heat", "1000", "MJ", "兆焦", "百万千焦");
        unit("electricity", "100000000", "10^8 kWh", "亿千瓦时", "亿kWh");
        unit("electricity", "10000", "10^4 kWh", "万千瓦时", "万kWh");
        unit("electricity", "1", "kWh", "千瓦时");
        unit("electricity", "1000", "MWh", "兆瓦时");
        unit("coal_equivalent", "10000", "10^4 tce", "万吨标准煤", "万tce", "万吨标煤");
        unit("coal_equivalent", "1", "tce", "吨标准煤");
    }
}
