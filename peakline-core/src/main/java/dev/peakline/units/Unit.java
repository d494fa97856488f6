package dev.peakline.units;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A unit Chinese energy data arrives in, with its exact factor to the canonical unit of its dimension.
 *
 * <p>Factors are decimal-exact ({@link BigDecimal}); {@code m³} and {@code Nm³} are both taken at standard
 * conditions (0 °C, 101.325 kPa), as the national guidelines state gas volumes and their heating values. Gas billed
 * at the trade reference conditions of 20 °C and 101.325 kPa (GB/T 19205) is written {@code m3@20C} (or
 * {@code m3(20℃)}) and converted by the ideal-gas ratio 273.15 ÷ 293.15 = 0.931775541531639… Nm³ per m³.
 */
public enum Unit {
    T(Dimension.MASS, "1", "t", "吨"),
    KG(Dimension.MASS, "0.001", "kg", "千克", "公斤"),
    TEN_THOUSAND_T(Dimension.MASS, "10000", "万t", "万吨", "10^4t", "10^4 t"),
    M3(Dimension.GAS_VOLUME, "0.0001", "m3", "m³", "立方米", "方"),
    TEN_THOUSAND_M3(Dimension.GAS_VOLUME, "1", "万m3", "万m³", "万立方米", "10^4m3", "10^4 m3"),
    NM3(Dimension.GAS_VOLUME, "0.0001", "Nm3", "Nm³", "标准立方米"),
    M3_20C(Dimension.GAS_VOLUME, "0.0000931775541531639092614702370800", "m3@20C", "m3(20℃)", "m3(20°C)", "立方米(20℃)"),
    TEN_THOUSAND_M3_20C(
            Dimension.GAS_VOLUME, "0.931775541531639092614702370800", "万m3@20C", "万m3(20℃)", "万m3(20°C)", "万立方米(20℃)"),
    TEN_THOUSAND_NM3(Dimension.GAS_VOLUME, "1", "万Nm3", "万Nm³", "万标准立方米", "10^4Nm3", "10^4 Nm3"),
    KWH(Dimension.ELECTRICITY, "0.001", "kWh", "千瓦时", "度"),
    TEN_THOUSAND_KWH(Dimension.ELECTRICITY, "10", "万kWh", "万千瓦时", "10^4kWh", "10^4 kWh"),
    MWH(Dimension.ELECTRICITY, "1", "MWh", "兆瓦时"),
    GJ(Dimension.ENERGY, "1", "GJ", "吉焦"),
    MJ(Dimension.ENERGY, "0.001", "MJ", "兆焦"),
    MILLION_KJ(Dimension.ENERGY, "1", "百万千焦", "10^6kJ", "10^6 kJ"),
    TCE(Dimension.STANDARD_COAL, "1", "tce", "吨标准煤", "吨标煤"),
    KGCE(Dimension.STANDARD_COAL, "0.001", "kgce", "千克标准煤", "千克标煤"),
    TEN_THOUSAND_TCE(Dimension.STANDARD_COAL, "10000", "万tce", "万吨标准煤", "万吨标煤"),
    TEN_THOUSAND_YUAN(Dimension.MONEY, "1", "万元", "10^4 yuan"),
    YUAN(Dimension.MONEY, "0.0001", "元", "yuan"),
    HUNDRED_MILLION_YUAN(Dimension.MONEY, "10000", "亿元", "10^8 yuan");

    private static final Map<String, Unit> BY_SYMBOL = new HashMap<>();

    static {
        for (Unit u : values()) {
            for (String s : u.symbols) {
                BY_SYMBOL.put(normalise(s), u);
            }
        }
    }

    private final Dimension dimension;
    private final BigDecimal toCanonical;
    private final double toCanonicalDouble;
    private final List<String> symbols;

    Unit(Dimension dimension, String toCanonical, String... symbols) {
        this.dimension = dimension;
        this.toCanonical = new BigDecimal(toCanonical);
        this.toCanonicalDouble = this.toCanonical.doubleValue();
        this.symbols = List.of(symbols);
    }

    /** The unit for a symbol as written in data ("万Nm3", "万Nm³", "kWh", "吨" …), case- and space-insensitive. */
    public static Optional<Unit> parse(String symbol) {
        if (symbol == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_SYMBOL.get(normalise(symbol)));
    }

    /** Like {@link #parse} but for symbols known to be valid. */
    public static Unit of(String symbol) {
        return parse(symbol).orElseThrow(() -> new IllegalArgumentException("unknown unit: " + symbol));
    }

    private static String normalise(String s) {
        return s.strip().replace(" ", "").replace("³", "3").toLowerCase(Locale.ROOT);
    }

    public Dimension dimension() {
        return dimension;
    }

    /** The symbol used when Peakline writes this unit. */
    public String symbol() {
        return symbols.get(0);
    }

    /** Exact factor: 1 of this unit = factor × the canonical unit of its dimension. */
    public BigDecimal toCanonicalFactor() {
        return toCanonical;
    }

    /**
     * Converts a value in this unit to the canonical unit. Exact decimal arithmetic, rounded once to the
     * nearest double; a factor of one returns the value unchanged.
     */
    public double toCanonical(double value) {
        if (toCanonicalDouble == 1.0) {
            return value;
        }
        return new BigDecimal(Double.toString(value)).multiply(toCanonical).doubleValue();
    }

    /**
     * Whether {@link #toCanonical(double) toCanonical(value)} exceeds {@code limit} (positive): decided by the double
     * product, whose relative error is below 10⁻¹⁵, unless the product lies within 10⁻⁹ of the limit, when the exact
     * conversion decides.
     */
    public boolean canonicalAbove(double value, double limit) {
        double approx = value * toCanonicalDouble;
        if (approx > limit * (1 + 1e-9)) {
            return true;
        }
        if (approx < limit * (1 - 1e-9)) {
            return false;
        }
        return toCanonical(value) > limit;
    }

    /** Converts a value in the canonical unit back to this unit (exact decimal arithmetic, one rounding). */
    public double fromCanonical(double canonicalValue) {
        if (toCanonicalDouble == 1.0) {
            return canonicalValue;
        }
        return new BigDecimal(Double.toString(canonicalValue))
                .divide(toCanonical, java.math.MathContext.DECIMAL64)
                .doubleValue();
    }

    @Override
    public String toString() {
        return symbol();
    }
}
