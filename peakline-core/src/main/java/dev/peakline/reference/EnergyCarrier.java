package dev.peakline.reference;

import dev.peakline.units.Dimension;
import dev.peakline.units.Unit;
import java.util.List;

/**
 * 能源品种: an energy carrier of the reference library.
 *
 * @param code stable code, e.g. {@code bituminous}
 * @param nameCn the Chinese name used in the national tables, e.g. 烟煤
 * @param nameEn English name
 * @param category solid, liquid, gas, electricity or heat
 * @param activityUnit the unit the guideline factors are stated per (t, 万Nm3, MWh, GJ)
 * @param aliases other Chinese spellings accepted in input
 */
public record EnergyCarrier(
        String code, String nameCn, String nameEn, String category, Unit activityUnit, List<String> aliases) {
    public EnergyCarrier {
        if (code == null || code.isBlank() || nameCn == null || activityUnit == null) {
            throw new IllegalArgumentException("carrier needs code, name and unit");
        }
        aliases = List.copyOf(aliases);
    }

    public Dimension dimension() {
        return activityUnit.dimension();
    }

    public boolean isElectricity() {
        return "electricity".equals(category);
    }

    public boolean isHeat() {
        return "heat".equals(category);
    }

    /** Whether the carrier is a fuel (not electricity or heat). */
    public boolean isFuel() {
        return !isElectricity() && !isHeat();
    }
}
