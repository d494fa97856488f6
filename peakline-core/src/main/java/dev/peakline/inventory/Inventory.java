package dev.peakline.inventory;

import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryCatalog.Sector;
import dev.peakline.reference.ResolvedFactor;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A region-year's top-down CO2 inventory: one cell per sector and fuel that burned something, each with its provenance,
 * the process CO2 computed beside it, and the totals, which are exact sums of the cells.
 */
public record Inventory(EnergyBalance balance, InventoryMethod method, List<Cell> cells, List<ProcessCell> process) {

    /**
     * CO2 of one fuel in one sector.
     *
     * @param activity the combusted amount in the fuel's inventory unit, after the method's conventions
     * @param provenance the rows taken, every adjustment, and the factor, in words
     */
    public record Cell(
            Sector sector,
            Fuel fuel,
            BigDecimal activity,
            InventoryMethod.Factor factor,
            BigDecimal co2Mt,
            String provenance) {}

    /** Process CO2 (cement clinker), reported beside the energy-related total. */
    public record ProcessCell(
            String name,
            Sector sector,
            BigDecimal amount,
            String unit,
            ResolvedFactor factor,
            BigDecimal co2Mt,
            String provenance) {}

    public Inventory {
        cells = List.copyOf(cells);
        process = List.copyOf(process);
    }

    /** Energy-related CO2: the sum of every cell. */
    public BigDecimal total() {
        BigDecimal t = BigDecimal.ZERO;
        for (Cell c : cells) {
            t = t.add(c.co2Mt());
        }
        return t;
    }

    public BigDecimal processTotal() {
        BigDecimal t = BigDecimal.ZERO;
        for (ProcessCell c : process) {
            t = t.add(c.co2Mt());
        }
        return t;
    }

    /** CO2 per fuel, in catalog fuel order. */
    public Map<Fuel, BigDecimal> byFuel() {
        Map<Fuel, BigDecimal> m = new TreeMap<>(InventoryCatalog.get().fuelOrder());
        for (Cell c : cells) {
            m.merge(c.fuel(), c.co2Mt(), BigDecimal::add);
        }
        return m;
    }

    /** CO2 per sector, in sector order. */
    public Map<Sector, BigDecimal> bySector() {
        Map<Sector, BigDecimal> m = new TreeMap<>((a, b) -> Integer.compare(a.no(), b.no()));
        for (Cell c : cells) {
            m.merge(c.sector(), c.co2Mt(), BigDecimal::add);
        }
        return m;
    }

    /** The cell of a sector and fuel, or null. */
    public Cell cell(int sector, String fuel) {
        for (Cell c : cells) {
            if (c.sector().no() == sector && c.fuel().code().equals(fuel)) {
                return c;
            }
        }
        return null;
    }
}
