package dev.peakline.markets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * 排污权 against the approved pollutant months: for each medium and pollutant, the quantity the enterprise's open
 * outlets are permitted a year (their 排污许可证, summed over outlets) against what its approved months emitted so far.
 *
 * <pre>
 * used     = emitted (t) / permitted (t)
 * pace     = emitted / (permitted × approved months / 12)          (above 1: on course to exceed the year's quantity)
 * status   = exceeded (emitted &gt; permitted) | ahead (pace &gt; 1) | within | unpermitted (emitted with no quantity set)
 * </pre>
 */
public final class PollutionRights {
    private PollutionRights() {}

    /** One medium's pollutant: permitted t a year (null when no outlet's permit sets one), emitted t, and the status. */
    public record Standing(
            String medium,
            String pollutant,
            Double permittedT,
            double emittedT,
            int months,
            Double used,
            Double pace,
            String status) {}

    /**
     * @param permittedT t a year by "medium|pollutant" (summed over the open outlets; null values where a permit names
     *     the pollutant without a quantity)
     * @param emittedKg kg by "medium|pollutant" over the approved months of the year
     * @param months how many months of the year are approved
     */
    public static List<Standing> standings(Map<String, Double> permittedT, Map<String, Double> emittedKg, int months) {
        TreeSet<String> keys = new TreeSet<>(permittedT.keySet());
        keys.addAll(emittedKg.keySet());
        List<Standing> out = new ArrayList<>();
        for (String k : keys) {
            String[] mp = k.split("\\|", 2);
            Double permitted = permittedT.get(k);
            double emitted = emittedKg.getOrDefault(k, 0.0) / 1000;
            Double used = permitted == null || permitted <= 0 ? null : emitted / permitted;
            Double pace = used == null || months == 0 ? null : used * 12 / months;
            String status;
            if (permitted == null) {
                status = emitted > 0 ? "unpermitted" : "within";
            } else if (emitted > permitted) {
                status = "exceeded";
            } else if (pace != null && pace > 1) {
                status = "ahead";
            } else {
                status = "within";
            }
            out.add(new Standing(mp[0], mp[1], permitted, emitted, months, used, pace, status));
        }
        return out;
    }
}
