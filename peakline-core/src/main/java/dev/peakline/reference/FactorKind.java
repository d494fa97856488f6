package dev.peakline.reference;

import java.util.Locale;
import java.util.Optional;

/** The kinds of factor the library holds; the key's item and qualifier mean different things per kind. */
public enum FactorKind {
    /** Low calorific value; item = carrier, qualifier = guideline variant. [GJ per activity unit] */
    NCV("combustion.ncv"),
    /** Carbon content per unit heat; item = carrier, qualifier = guideline variant. [tC/TJ] */
    CARBON_CONTENT("combustion.carbon_content"),
    /** Carbon oxidation rate; item = carrier, qualifier = guideline variant. [fraction] */
    OXIDATION("combustion.oxidation"),
    /** GB/T 2589 standard-coal coefficient; item = carrier, qualifier = calorific | equivalent. [tce per activity unit] */
    COAL_EQUIVALENT("coal_equivalent"),
    /** Electricity CO2 factor; item = area (CN, grid:south, 520000 …), qualifier = basis. [tCO2/MWh] */
    ELECTRICITY("electricity"),
    /** Heat CO2 factor; item = heat, qualifier = default. [tCO2/GJ] */
    HEAT("heat"),
    /** Process parameter; item = key such as carbonate.CaCO3, qualifier empty. [unit as stated] */
    PROCESS("process"),
    /** Global warming potential; item = gas formula, qualifier = AR2 | AR4 | AR5 | AR6. [dimensionless] */
    GWP("gwp");

    private final String code;

    FactorKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<FactorKind> parse(String s) {
        String t = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (FactorKind k : values()) {
            if (k.code.equals(t)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
