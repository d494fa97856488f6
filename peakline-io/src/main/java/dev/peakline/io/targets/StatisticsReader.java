package dev.peakline.io.targets;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.FactorTable;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.io.report.Report;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.reference.EnergyCarrier;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.reference.Registry;
import dev.peakline.targets.RegionStatistics;
import dev.peakline.units.Decimals;
import dev.peakline.units.Dimension;
import dev.peakline.units.Unit;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The region statistics template (区域统计数据) and its reader: one long table of region, year, item, amount, unit and
 * price base year. Items are {@code gdp} (GDP at constant prices of the price base year, money), {@code non_fossil}
 * (non-fossil energy in standard coal, as the statistics bureau converts it), {@code feedstock} (原料用能 in standard
 * coal: the part of the carriers' energy used as raw material, left out of energy-consumption control by
 * 发改环资〔2022〕803号; it is not added to the energy) and any energy carrier of the reference
 * library (fuels as consumed, electricity as net inflow, which may be negative for an exporting region). Standard coal
 * and CO2 of each carrier line come from the same factors as enterprise accounting (GB/T 2589 coefficients, the
 * guideline's NCV × carbon content × oxidation × 44/12, the grid factor for electricity).
 */
public final class StatisticsReader {
    public static final List<String> HEADER = List.of("region", "year", "item", "amount", "unit", "price_base_year");
    private static final double ABSURD = 1e12;

    private StatisticsReader() {}

    /** The sheet "统计数据" (or "statistics") of a workbook, or a UTF-8 CSV, by the file's name. */
    public static Table table(String name, byte[] bytes) {
        return name.toLowerCase(Locale.ROOT).endsWith(".xlsx")
                ? Table.pick(Table.excel(name, bytes), List.of("统计数据", "statistics"), true)
                        .orElseThrow()
                : Table.csv(name, Table.utf8(name, bytes));
    }

    /** The template with the columns explained and an example region-year. */
    public static Report template() {
        return new Report(
                "区域统计数据导入模板",
                List.of(
                        "每行一个区划、年份、项目。item: gdp（不变价地区生产总值，单位 亿元 或 万元，须填 price_base_year）、"
                                + "non_fossil（非化石能源消费量，tce 或 万tce，按统计部门折算）、feedstock（原料用能，tce 或 万tce，"
                                + "已含在各品种中，能耗双控时扣除）、或能源品种代码/名称（bituminous、"
                                + "natural_gas、electricity 调入净电量可为负……），单位须与品种相符。",
                        "One row per region, year and item; the whole file is checked and nothing is stored if any row is"
                                + " wrong."),
                List.of(new Report.Section(
                        "统计数据",
                        List.of(),
                        HEADER,
                        List.of(
                                List.of("520100", 2020, "gdp", 4311.65, "亿元", 2020),
                                List.of("520100", 2020, "bituminous", 1250, "万t", ""),
                                List.of("520100", 2020, "natural_gas", 95000, "万Nm3", ""),
                                List.of("520100", 2020, "electricity", 1200000, "MWh", ""),
                                List.of("520100", 2020, "non_fossil", 320, "万tce", "")))));
    }

    /** The checked region-years of a table, or every problem with its row and column. */
    public record Parsed(List<RegionStatistics> stats, List<Problem> problems) {}

    /**
     * Reads the statistics table: every row checked (region registered, year, item, unit of the right dimension,
     * plausible amount, one price base per region, no duplicates), each carrier line converted to standard coal and
     * CO2 with the same factors as enterprise accounting.
     *
     * @param priceBases the price base year already kept per region; the reader adds the file's
     */
    public static Parsed read(
            Table t,
            Registry registry,
            ReferenceLibrary library,
            AccountingOptions options,
            Map<String, Integer> priceBases) {
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> col = new HashMap<>();
        List<Table.Line> lines = t.lines();
        if (lines.isEmpty()) {
            return new Parsed(List.of(), List.of(Problem.at("stats.empty", t.source(), 0, "", "the file is empty")));
        }
        Table.Line head = lines.get(0);
        for (int i = 0; i < head.cells().size(); i++) {
            col.put(head.cell(i).strip().toLowerCase(Locale.ROOT), i);
        }
        for (String h : HEADER) {
            if (!col.containsKey(h)) {
                problems.add(Problem.at("stats.header", t.source(), head.number(), h, "column '" + h + "' is missing"));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(List.of(), problems);
        }
        FactorTable factors = new FactorTable(library, options);
        Map<String, Acc> acc = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> priceBase = new HashMap<>(priceBases);
        for (Table.Line l : lines.subList(1, lines.size())) {
            if (l.blank()) {
                continue;
            }
            int n = l.number();
            String src = t.source();
            String region = l.cell(col.get("region")).strip();
            String item = l.cell(col.get("item")).strip();
            String unitText = l.cell(col.get("unit")).strip();
            int before = problems.size();
            if (!RegionCode.isValid(region)) {
                problems.add(Problem.at(
                        "stats.region", src, n, "region", "'" + region + "' is not a 6-digit GB/T 2260 code"));
            } else if (registry.region(region).isEmpty()) {
                problems.add(Problem.at("stats.region", src, n, "region", "region " + region + " is not registered"));
            }
            Integer year = integer(l.cell(col.get("year")));
            if (year == null || year < 1990 || year > 2100) {
                problems.add(Problem.at("stats.year", src, n, "year", "year must be a whole number 1990–2100"));
            }
            Double amount = number(l.cell(col.get("amount")));
            Optional<Unit> unit = Unit.parse(unitText);
            Optional<EnergyCarrier> carrier =
                    item.equals("gdp") || item.equals("non_fossil") || item.equals("feedstock")
                            ? Optional.empty()
                            : library.carrier(item);
            Dimension want = item.equals("gdp")
                    ? Dimension.MONEY
                    : item.equals("non_fossil") || item.equals("feedstock")
                            ? Dimension.STANDARD_COAL
                            : carrier.map(EnergyCarrier::dimension).orElse(null);
            if (want == null) {
                problems.add(Problem.at(
                        "stats.item",
                        src,
                        n,
                        "item",
                        "unknown item '" + item
                                + "': gdp, non_fossil, feedstock or an energy carrier of the reference library"));
            }
            if (unit.isEmpty()) {
                problems.add(Problem.at("stats.unit", src, n, "unit", "unknown unit '" + unitText + "'"));
            } else if (want != null && unit.get().dimension() != want) {
                problems.add(Problem.at(
                        "stats.unit",
                        src,
                        n,
                        "unit",
                        "'" + unitText + "' is " + unit.get().dimension() + ", " + item + " needs " + want));
            }
            boolean mayBeNegative = carrier.map(EnergyCarrier::isElectricity).orElse(false);
            if (amount == null) {
                problems.add(Problem.at("stats.amount", src, n, "amount", "amount must be a number"));
            } else if (amount < 0 && !mayBeNegative) {
                problems.add(Problem.at(
                        "stats.amount",
                        src,
                        n,
                        "amount",
                        "amount must not be negative (only electricity" + " net inflow may be)"));
            } else if (Math.abs(amount) > ABSURD || item.equals("gdp") && amount == 0) {
                problems.add(Problem.at("stats.amount", src, n, "amount", "amount " + amount + " is not plausible"));
            }
            Integer base = null;
            if (item.equals("gdp")) {
                base = integer(l.cell(col.get("price_base_year")));
                if (base == null || base < 1990 || base > 2100) {
                    problems.add(Problem.at(
                            "stats.price_base",
                            src,
                            n,
                            "price_base_year",
                            "GDP needs the year of its constant prices (1990–2100)"));
                } else if (priceBase.containsKey(region)
                        && !priceBase.get(region).equals(base)) {
                    problems.add(Problem.at(
                            "stats.price_base",
                            src,
                            n,
                            "price_base_year",
                            "region " + region + " is kept at " + priceBase.get(region)
                                    + " prices; intensities need one" + " price base, not " + base));
                } else {
                    priceBase.put(region, base);
                }
            }
            if (problems.size() > before) {
                continue;
            }
            String key =
                    region + "|" + year + "|" + carrier.map(EnergyCarrier::code).orElse(item);
            Integer first = seen.putIfAbsent(key, n);
            if (first != null) {
                problems.add(Problem.at(
                        "stats.duplicate",
                        src,
                        n,
                        "item",
                        item + " of " + region + " " + year + " is already on row " + first));
                continue;
            }
            Acc a = acc.computeIfAbsent(region + "|" + year, k -> new Acc(region, year, n));
            double canonical = unit.get().toCanonical(amount);
            if (item.equals("gdp")) {
                a.gdp = canonical;
                a.priceBase = base;
            } else if (item.equals("feedstock")) {
                // already inside the carriers' energy: recorded, not added
                a.lines.add(new RegionStatistics.EnergyLine("feedstock", amount, unitText, canonical, 0));
                a.feedstockRow = n;
            } else if (item.equals("non_fossil")) {
                a.nonFossil = canonical;
                a.energy += canonical;
                a.lines.add(new RegionStatistics.EnergyLine("non_fossil", amount, unitText, canonical, 0));
            } else {
                EnergyCarrier c = carrier.get();
                Use use = c.isFuel() ? Use.COMBUSTION : Use.PURCHASED;
                FactorTable.Lookup row = factors.row(
                        c.code(), use, RegionCode.of(region), YearMonth.of(year, 12), Double.NaN, Double.NaN);
                if (!row.ok()) {
                    problems.add(Problem.at("stats.factor", src, n, "item", row.problem()));
                    continue;
                }
                double perUnit = c.activityUnit().toCanonical(1);
                double activity = canonical / perUnit;
                double co2 =
                        activity * factors.co2(factors.derivation(row.row()).slot(), row.row());
                double tce = activity * factors.tce(row.row());
                a.energy += tce;
                a.co2 += co2;
                a.lines.add(new RegionStatistics.EnergyLine(c.code(), amount, unitText, tce, co2));
            }
        }
        List<RegionStatistics> out = new ArrayList<>();
        for (Acc a : acc.values()) {
            if (a.gdp == null) {
                problems.add(Problem.at(
                        "stats.gdp", t.source(), a.firstRow, "item", "no gdp row for " + a.region + " " + a.year));
                continue;
            }
            double feedstock = a.lines.stream()
                    .filter(x -> x.carrier().equals("feedstock"))
                    .mapToDouble(RegionStatistics.EnergyLine::tce)
                    .sum();
            if (feedstock > a.energy) {
                problems.add(Problem.at(
                        "stats.feedstock",
                        t.source(),
                        a.feedstockRow,
                        "amount",
                        "feedstock energy " + feedstock + " tce of " + a.region + " " + a.year
                                + " is more than its energy " + a.energy + " tce"));
                continue;
            }
            if (a.lines.isEmpty()) {
                problems.add(Problem.at(
                        "stats.energy",
                        t.source(),
                        a.firstRow,
                        "item",
                        "no energy rows for " + a.region + " " + a.year));
                continue;
            }
            out.add(new RegionStatistics(
                    a.region, a.year, a.gdp, a.priceBase, a.energy, a.co2, a.nonFossil, List.copyOf(a.lines)));
        }
        return new Parsed(problems.isEmpty() ? out : List.of(), problems);
    }

    private static final class Acc {
        final String region;
        final int year;
        final int firstRow;
        Double gdp;
        Integer priceBase;
        double energy;
        double co2;
        double nonFossil;
        int feedstockRow;
        final List<RegionStatistics.EnergyLine> lines = new ArrayList<>();

        Acc(String region, int year, int firstRow) {
            this.region = region;
            this.year = year;
            this.firstRow = firstRow;
        }
    }

    static Integer integer(String s) {
        Double d = number(s);
        return d == null || d != Math.rint(d) ? null : d.intValue();
    }

    static Double number(String s) {
        try {
            return Decimals.parse(s.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
