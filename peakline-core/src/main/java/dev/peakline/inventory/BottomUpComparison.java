package dev.peakline.inventory;

import dev.peakline.domain.RegionCode;
import dev.peakline.inventory.InventoryCatalog.Sector;
import dev.peakline.reference.Region;
import dev.peakline.reference.Registry;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The top-down inventory of a region-year beside the sum of its accounted enterprises (bottom-up), sector by sector: an
 * enterprise's GB/T 4754 industry maps to one of the 47 sectors ({@link InventoryCatalog#sectorOfIndustry}); its
 * scope-1 combustion CO2 is compared with the sector's energy CO2, its process CO2 with the process cells. Coverage is
 * the share of the top-down figure that the enterprises explain.
 */
public record BottomUpComparison(
        Inventory inventory,
        RegionCode region,
        List<Line> lines,
        BigDecimal unmappedMt,
        Set<String> unmappedIndustries,
        int enterprises) {

    /** One accounted enterprise-month (or year) of the bottom-up sum, in t CO2. */
    public record Account(
            String enterprise, RegionCode region, String industry, int year, double combustionT, double processT) {}

    /**
     * One sector (or the process line, sector 27 with {@code process} set).
     *
     * @param gapMt top-down minus bottom-up: what the filed enterprises do not explain
     */
    public record Line(Sector sector, boolean process, BigDecimal topDownMt, BigDecimal bottomUpMt, int enterprises) {
        public BigDecimal gapMt() {
            return topDownMt.subtract(bottomUpMt);
        }

        /** bottom-up ÷ top-down, or null when the top-down figure is zero. */
        public BigDecimal coverage() {
            return topDownMt.signum() == 0 ? null : bottomUpMt.divide(topDownMt, MathContext.DECIMAL64);
        }
    }

    private static final BigDecimal T_PER_MT = new BigDecimal(1_000_000);

    /**
     * Compares; accounts outside the inventory's year or outside {@code region}'s subtree are ignored.
     *
     * @param region the inventory's region (a province, city or county code)
     */
    public static BottomUpComparison of(
            Inventory inventory, RegionCode region, Registry registry, Iterable<Account> accounts) {
        InventoryCatalog catalog = InventoryCatalog.get();
        int year = inventory.balance().year();
        Map<Sector, BigDecimal> combustion = new TreeMap<>(Comparator.comparingInt(Sector::no));
        Map<Sector, Set<String>> who = new LinkedHashMap<>();
        BigDecimal process = BigDecimal.ZERO;
        Set<String> processWho = new HashSet<>();
        BigDecimal unmapped = BigDecimal.ZERO;
        Set<String> unmappedIndustries = new java.util.TreeSet<>();
        Set<String> all = new HashSet<>();
        Map<RegionCode, Boolean> inside = new LinkedHashMap<>();
        for (Account a : accounts) {
            if (a.year() != year || !inside.computeIfAbsent(a.region(), r -> within(registry, r, region))) {
                continue;
            }
            all.add(a.enterprise());
            BigDecimal c = BigDecimal.valueOf(a.combustionT()).divide(T_PER_MT);
            var sector = catalog.sectorOfIndustry(a.industry());
            if (sector.isEmpty()) {
                unmapped = unmapped.add(c);
                unmappedIndustries.add(a.industry());
            } else {
                combustion.merge(sector.get(), c, BigDecimal::add);
                who.computeIfAbsent(sector.get(), k -> new HashSet<>()).add(a.enterprise());
            }
            if (a.processT() != 0) {
                process = process.add(BigDecimal.valueOf(a.processT()).divide(T_PER_MT));
                processWho.add(a.enterprise());
            }
        }
        Map<Sector, BigDecimal> top = inventory.bySector();
        Set<Sector> sectors = new java.util.TreeSet<>(Comparator.comparingInt(Sector::no));
        sectors.addAll(top.keySet());
        sectors.addAll(combustion.keySet());
        List<Line> lines = new ArrayList<>();
        for (Sector s : sectors) {
            lines.add(new Line(
                    s,
                    false,
                    top.getOrDefault(s, BigDecimal.ZERO),
                    combustion.getOrDefault(s, BigDecimal.ZERO),
                    who.getOrDefault(s, Set.of()).size()));
        }
        if (!inventory.process().isEmpty() || process.signum() != 0) {
            lines.add(new Line(catalog.sector(27), true, inventory.processTotal(), process, processWho.size()));
        }
        return new BottomUpComparison(inventory, region, lines, unmapped, unmappedIndustries, all.size());
    }

    private static boolean within(Registry registry, RegionCode code, RegionCode region) {
        if (code.equals(region)) {
            return true;
        }
        for (Region r : registry.lineage(code)) {
            if (r.code().equals(region)) {
                return true;
            }
        }
        return false;
    }

    /** Energy-related top-down total. */
    public BigDecimal topDownMt() {
        return inventory.total();
    }

    /** Bottom-up scope-1 combustion of the region's enterprises, mapped or not. */
    public BigDecimal bottomUpMt() {
        BigDecimal t = unmappedMt;
        for (Line l : lines) {
            if (!l.process()) {
                t = t.add(l.bottomUpMt());
            }
        }
        return t;
    }

    /** Share of the energy-related top-down total that the enterprises explain. */
    public BigDecimal coverage() {
        BigDecimal top = topDownMt();
        return top.signum() == 0 ? null : bottomUpMt().divide(top, MathContext.DECIMAL64);
    }

    /** The sectors whose top-down CO2 the enterprises explain least, largest gap first. */
    public List<Line> largestGaps(int n) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(Comparator.comparing(Line::gapMt).reversed());
        return sorted.subList(0, Math.min(n, sorted.size()));
    }
}
