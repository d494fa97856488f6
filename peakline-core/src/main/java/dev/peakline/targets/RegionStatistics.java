package dev.peakline.targets;

import java.util.List;

/**
 * One region-year of statistics (区域统计数据), as imported: GDP at constant prices, total energy in standard coal, CO2
 * from energy, non-fossil energy, and the energy lines they were computed from.
 *
 * @param region GB/T 2260 code
 * @param gdp10kYuan GDP at the constant prices of {@code priceBaseYear} [10⁴ yuan]
 * @param energyTce total energy consumption [tce], the carriers' lines plus non-fossil energy
 * @param co2 CO2 from energy [tCO2]
 * @param nonFossilTce non-fossil energy as the statistics bureau converts it [tce]
 */
public record RegionStatistics(
        String region,
        int year,
        double gdp10kYuan,
        int priceBaseYear,
        double energyTce,
        double co2,
        double nonFossilTce,
        List<EnergyLine> energy) {

    public RegionStatistics {
        energy = List.copyOf(energy);
    }

    /** 原料用能 [tce]: the part of {@link #energyTce} used as raw material, as the statistics state it (0 if not). */
    public double feedstockTce() {
        return energy.stream()
                .filter(l -> l.carrier().equals("feedstock"))
                .mapToDouble(EnergyLine::tce)
                .sum();
    }

    /** Energy as energy-consumption control counts it: without feedstock (发改环资〔2022〕803号). */
    public double energyExcludingFeedstockTce() {
        return energyTce - feedstockTce();
    }

    /**
     * One energy line: a carrier (or {@code non_fossil}) with its amount as given and what it counts for.
     *
     * @param tce [tce]
     * @param co2 [tCO2]
     */
    public record EnergyLine(String carrier, double amount, String unit, double tce, double co2) {}
}
