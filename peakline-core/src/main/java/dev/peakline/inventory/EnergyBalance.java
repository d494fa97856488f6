package dev.peakline.inventory;

import dev.peakline.domain.RegionCode;
import dev.peakline.inventory.InventoryCatalog.Fuel;
import dev.peakline.inventory.InventoryCatalog.RowDef;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One region's energy inventory for one year: fuel × row amounts in the fuels' inventory units (10⁴ t, 10⁸ m³, 10¹⁰
 * kJ, 10⁸ kWh, 10⁴ tce). Built by the readers, which have already validated codes and units; an amount absent from the
 * balance is zero.
 *
 * @param region the region's name as the input gives it ("Guizhou")
 * @param code its GB/T 2260 code when known
 */
public record EnergyBalance(String region, RegionCode code, int year, List<Entry> entries) {

    /**
     * One amount, with where it came from ("file.csv row 12", "sheet Guizhou2017 cell D40") for provenance.
     *
     * @param asStated the amount and unit as the input stated them, when a unit conversion was applied
     */
    public record Entry(RowDef row, Fuel fuel, BigDecimal value, String where, String asStated) {}

    public EnergyBalance {
        entries = List.copyOf(entries);
    }

    /** Entries per row, in input order. */
    public Map<RowDef, List<Entry>> byRow() {
        Map<RowDef, List<Entry>> m = new LinkedHashMap<>();
        for (Entry e : entries) {
            m.computeIfAbsent(e.row(), r -> new ArrayList<>()).add(e);
        }
        return Collections.unmodifiableMap(m);
    }

    public String label() {
        return region + " " + year;
    }
}
