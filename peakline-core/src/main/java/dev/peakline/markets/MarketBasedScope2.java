package dev.peakline.markets;

/**
 * Market-based scope 2 of purchased electricity (GHG Protocol Scope 2 Guidance, market-based method): the MWh covered
 * by green certificates the enterprise retired for the year count at zero, the rest at the residual mix. China
 * publishes no residual mix, so the rest counts at the grid factor the location-based figure used — the Guidance's
 * fallback when no residual mix exists, which overstates nothing but double counts the certified MWh in the grid
 * average (said where the figure is shown).
 *
 * <pre>
 * consumption (MWh) = location-based tCO2 / grid factor
 * covered (MWh)     = min(certificates retired for the year, consumption)
 * market-based tCO2 = (consumption − covered) × grid factor
 * </pre>
 *
 * A certificate counts for a year when it was generated in that year or the year before (a 绿证 is valid two years
 * from its generation: 《关于做好可再生能源绿色电力证书全覆盖工作促进可再生能源电力消费的通知》，发改能源〔2023〕1044号; UNCONFIRMED in
 * this session: recalled, not checked against the text) — the Guidance's vintage criterion — and was retired by the
 * enterprise itself.
 */
public final class MarketBasedScope2 {
    private MarketBasedScope2() {}

    /** The year's figures. */
    public record Result(
            int year,
            double locationT,
            double gridFactor,
            double consumptionMwh,
            double certificatesMwh,
            double coveredMwh,
            double marketT) {}

    public static Result of(int year, double locationT, double gridFactor, double certificatesMwh) {
        if (!(gridFactor > 0)) {
            throw new IllegalArgumentException("the grid factor must be positive");
        }
        double consumption = locationT / gridFactor;
        double covered = Math.min(certificatesMwh, consumption);
        return new Result(
                year,
                locationT,
                gridFactor,
                consumption,
                certificatesMwh,
                covered,
                (consumption - covered) * gridFactor);
    }

    /** Whether a certificate generated in {@code vintage} may be claimed for {@code year}. */
    public static boolean counts(int vintage, int year) {
        return vintage == year || vintage == year - 1;
    }
}
