package dev.peakline.markets;

/**
 * 可再生能源电力消纳责任权重 and green-power shares: a region's achieved weights against the obligation its year's notice
 * sets (《关于2024年可再生能源电力消纳责任权重及有关事项的通知》，发改办能源〔2024〕598号, and the notices of other years), and an
 * enterprise's green-power share as the notice counts the electrolytic aluminium industry's — by green certificates:
 *
 * <pre>
 * gap (percentage points) = achieved − obligation                          (met when ≥ 0)
 * green share             = covered MWh / consumption MWh                   (the market-based scope 2's figures)
 * </pre>
 */
public final class GreenPower {
    private GreenPower() {}

    /** An achieved share against its target: the gap in percentage points, and whether it is met (null unknown). */
    public record Against(Double achieved, Double target, Double gapPoints, Boolean met) {}

    public static Against against(Double achieved, Double target) {
        if (achieved == null || target == null) {
            return new Against(achieved, target, null, null);
        }
        double gap = (achieved - target) * 100;
        // shares are entered to 0.1 percentage point: a gap within rounding is met
        return new Against(achieved, target, gap, gap > -1e-9);
    }

    /** An enterprise's green-power share from its market-based scope 2 (0 when it consumed no electricity). */
    public static double share(MarketBasedScope2.Result r) {
        return r.consumptionMwh() > 0 ? r.coveredMwh() / r.consumptionMwh() : 0;
    }
}
