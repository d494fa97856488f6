package dev.peakline.sinks;

/**
 * Carbon removals of land pools (forest, grassland, wetland …) by year. Every coefficient is the caller's (from the
 * inventory's own surveys or the IPCC tables it cites); nothing here is a default. Removals are negative CO2.
 *
 * <ul>
 *   <li><b>gain</b> (IPCC 2006 Vol. 4 §2.3.1.1, eq. 2.9–2.10, 2019 Refinement): ΔC_G = A × G_TOTAL × CF with G_TOTAL
 *       = I_V × BCEF_I × (1 + R), or I_V × D × BEF × (1 + R) where the conversion is given as basic wood density D and
 *       biomass expansion factor BEF; CO2 = −ΔC_G × 44/12.
 *   <li><b>provincial</b> (省级温室气体清单编制指南(试行), 2011, 土地利用变化和林业): 乔木林 uptake = 蓄积量 V × 活立木蓄积
 *       年生长率 GR × 基本木材密度 SVD × 生物量扩展因子 BEF × 含碳率 CF × 44/12, as a removal (negative); the
 *       guideline's stand-alone CF is 0.5 but it is given here like every coefficient.
 *   <li><b>stock_difference</b> (IPCC 2006 eq. 2.8): ΔC = (C_t2 − C_t1) / (t2 − t1) from the carbon stocks (tC) at two
 *       inventories; CO2 = −ΔC × 44/12.
 *   <li>losses beside the gains: wood removals (IPCC 2006 eq. 2.12) L = H × BCEF_R × (1 + R) × CF, and the provincial
 *       guideline's 活立木消耗 V × 消耗率 CR × SVD × BEF × CF; each × 44/12 as an emission that offsets the uptake.
 *   <li><b>karst</b>, carbonate weathering by the hydrochemical runoff method: the carbon the catchment's water carries
 *       away as bicarbonate, Q × [HCO₃⁻] × 12/61, of which half comes from soil or atmospheric CO2 when carbonic acid
 *       weathers carbonate (CaCO₃ + CO₂ + H₂O → Ca²⁺ + 2HCO₃⁻); CO2 = −½ × Q × [HCO₃⁻] × 12/61 × 44/12. Corrections for
 *       sulphuric- and nitric-acid weathering are not applied. GB/T 43932-2024 describes karst sink monitoring; its text
 *       was not retrieved, so this method is the common form from the literature (UNCONFIRMED against the standard).
 * </ul>
 */
public final class Sinks {
    /** CO2 per C, by molar mass (44/12). */
    public static final double CO2_PER_C = 44.0 / 12.0;

    private Sinks() {}

    /** IPCC gain with BCEF_I [t biomass per m³ of increment]: tCO2 a year, negative. */
    public static double gain(double areaHa, double incrementM3PerHaYr, double bcef, double rootShoot, double cf) {
        return -areaHa * incrementM3PerHaYr * bcef * (1 + rootShoot) * cf * CO2_PER_C;
    }

    /** IPCC gain with basic wood density D [t d.m./m³] and BEF in place of BCEF_I. */
    public static double gain(
            double areaHa, double incrementM3PerHaYr, double woodDensity, double bef, double rootShoot, double cf) {
        return gain(areaHa, incrementM3PerHaYr, woodDensity * bef, rootShoot, cf);
    }

    /** The provincial guideline's forest uptake from the growing stock and its growth rate: tCO2 a year, negative. */
    public static double provincial(double stockM3, double growthRate, double woodDensity, double bef, double cf) {
        return -stockM3 * growthRate * woodDensity * bef * cf * CO2_PER_C;
    }

    /** Wood removals (IPCC 2006 eq. 2.12): H [m³] × BCEF_R × (1 + R) × CF × 44/12, tCO2 emitted (positive). */
    public static double woodRemovals(double harvestM3, double bcefR, double rootShoot, double cf) {
        return harvestM3 * bcefR * (1 + rootShoot) * cf * CO2_PER_C;
    }

    /** The provincial guideline's 活立木消耗: V × CR × SVD × BEF × CF × 44/12, tCO2 emitted (positive). */
    public static double provincialConsumption(
            double stockM3, double consumptionRate, double woodDensity, double bef, double cf) {
        return stockM3 * consumptionRate * woodDensity * bef * cf * CO2_PER_C;
    }

    /** Karst carbonate weathering: −½ × Q [m³/yr] × [HCO₃⁻] [mg/L = g/m³] × 10⁻⁶ × 12/61 × 44/12, tCO2 a year. */
    public static double karst(double runoffM3PerYr, double hco3MgPerL) {
        return -0.5 * runoffM3PerYr * hco3MgPerL * 1e-6 * (12.0 / 61.0) * CO2_PER_C;
    }

    /** Stock difference between two inventories of the pool's carbon (tC), per year: tCO2, negative when it grew. */
    public static double stockDifference(double stockT1, double stockT2, double years) {
        return -(stockT2 - stockT1) / years * CO2_PER_C;
    }
}
