package dev.peakline.efficiency;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Classification of facilities, capacity shares against the policy targets, and efficiency leaders (领跑者). */
public final class Efficiency {
    private Efficiency() {}

    /** A classified facility; {@code leader} marks the best facility at 标杆 of its product (领跑者). */
    public record Assessed(
            FacilityValue facility,
            ProductLevels levels,
            Edition edition,
            EfficiencyClass level,
            Integer gbGrade,
            boolean leader) {}

    /**
     * How a product's capacity stands, and whether each applicable target is met (null: cannot be said). The shares are
     * of the classified capacity (NaN when none could be classified).
     */
    public record Share(
            String product,
            String indicator,
            String unit,
            Edition edition,
            int facilities,
            double capacity,
            double advanced,
            double between,
            double laggard,
            double unclassified,
            double shareAdvanced,
            double shareLaggard,
            List<TargetCheck> targets) {}

    /** One policy target against the share: met true/false, or null with the reason. */
    public record TargetCheck(EfficiencyCatalog.PolicyTarget target, Boolean met, String reason) {}

    /** Classifies every facility; facilities whose product the catalog does not compute are skipped. */
    public static List<Assessed> assess(List<FacilityValue> facilities, EfficiencyCatalog catalog, Edition edition) {
        List<Assessed> out = new ArrayList<>();
        Map<String, FacilityValue> best = new LinkedHashMap<>();
        for (FacilityValue f : facilities) {
            ProductLevels l = catalog.product(f.product()).orElse(null);
            if (l == null) {
                continue;
            }
            if (l.classify(f.value(), edition) == EfficiencyClass.ADVANCED) {
                best.merge(l.product(), f, (a, b) -> b.value() < a.value() ? b : a);
            }
        }
        for (FacilityValue f : facilities) {
            ProductLevels l = catalog.product(f.product()).orElse(null);
            if (l == null) {
                continue;
            }
            out.add(new Assessed(
                    f, l, edition, l.classify(f.value(), edition), l.gbGrade(f.value()), best.get(l.product()) == f));
        }
        out.sort(Comparator.comparing((Assessed a) -> a.levels().product())
                .thenComparing(a -> Double.isNaN(a.facility().value())
                        ? Double.MAX_VALUE
                        : a.facility().value())
                .thenComparing(a -> a.facility().facilityId()));
        return out;
    }

    /** Capacity per class for each product, checked against the catalog's targets for {@code year}. */
    public static List<Share> shares(List<Assessed> assessed, EfficiencyCatalog catalog, int year) {
        Map<ProductLevels, List<Assessed>> by = new LinkedHashMap<>();
        for (Assessed a : assessed) {
            by.computeIfAbsent(a.levels(), k -> new ArrayList<>()).add(a);
        }
        List<Share> out = new ArrayList<>();
        for (Map.Entry<ProductLevels, List<Assessed>> e : by.entrySet()) {
            double total = 0;
            double[] per = new double[EfficiencyClass.values().length];
            Edition edition = null;
            for (Assessed a : e.getValue()) {
                total += a.facility().capacity();
                per[a.level().ordinal()] += a.facility().capacity();
                edition = a.edition();
            }
            double classified = total - per[EfficiencyClass.UNCLASSIFIED.ordinal()];
            double adv = per[EfficiencyClass.ADVANCED.ordinal()];
            double lag = per[EfficiencyClass.LAGGARD.ordinal()];
            Share s = new Share(
                    e.getKey().product(),
                    e.getKey().indicator(),
                    e.getKey().unit(),
                    edition,
                    e.getValue().size(),
                    total,
                    adv,
                    per[EfficiencyClass.BETWEEN.ordinal()],
                    lag,
                    per[EfficiencyClass.UNCLASSIFIED.ordinal()],
                    classified > 0 ? adv / classified : Double.NaN,
                    classified > 0 ? lag / classified : Double.NaN,
                    List.of());
            List<TargetCheck> checks = new ArrayList<>();
            for (EfficiencyCatalog.PolicyTarget t :
                    catalog.targetsFor(e.getKey().product())) {
                checks.add(check(s, t, year));
            }
            out.add(new Share(
                    s.product(),
                    s.indicator(),
                    s.unit(),
                    s.edition(),
                    s.facilities(),
                    s.capacity(),
                    s.advanced(),
                    s.between(),
                    s.laggard(),
                    s.unclassified(),
                    s.shareAdvanced(),
                    s.shareLaggard(),
                    List.copyOf(checks)));
        }
        return out;
    }

    /**
     * A target is met when the share at 标杆 is at least its minimum and, where it sets one, the share below 基准 is at
     * most its maximum (both inclusive). Before the target year an unmet target is still open, not failed.
     */
    static TargetCheck check(Share s, EfficiencyCatalog.PolicyTarget t, int year) {
        if (Double.isNaN(s.shareAdvanced())) {
            return new TargetCheck(t, null, "该版本的标杆/基准水平尚未确认，无法判定");
        }
        boolean ok = s.shareAdvanced() >= t.minAtBenchmark()
                && (t.maxBelowBaseline() == null || s.shareLaggard() <= t.maxBelowBaseline());
        if (ok) {
            return new TargetCheck(t, true, "已达到");
        }
        return new TargetCheck(t, false, year < t.year() ? "尚未达到（目标年 " + t.year() + "）" : "未达到（目标年 " + t.year() + "）");
    }
}
