package dev.peakline.reference;

import dev.peakline.domain.RegionCode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Which regional grid (华北, 东北, 华东, 华中, 西北, 南方, 西南) of the MEE/NBS electricity factors a region belongs to,
 * from {@code grid_regions.csv}: by province, and by city where a province is split between grids (内蒙古: 蒙东 in 东北,
 * the rest in 华北). The longest matching code prefix wins.
 */
public final class GridRegions {
    private static final Map<String, String> AREAS = load();

    private GridRegions() {}

    private static Map<String, String> load() {
        Map<String, String> m = new HashMap<>();
        for (Csv.Row r : Registry.rows("grid_regions.csv")) {
            if (m.put(r.get(0), r.get(1)) != null) {
                throw new IllegalStateException(
                        "grid_regions.csv line " + r.line() + ": prefix " + r.get(0) + " twice");
            }
        }
        return m;
    }

    /** The factor area ({@code grid:north} …) of a region; empty outside the mainland grids (香港, 澳门, 台湾). */
    public static Optional<String> areaOf(RegionCode region) {
        String v = region.value();
        String city = AREAS.get(v.substring(0, 4));
        return Optional.ofNullable(city != null ? city : AREAS.get(v.substring(0, 2)));
    }
}
