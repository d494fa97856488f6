package dev.peakline.rollup;

import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.reference.Industry;
import dev.peakline.reference.Region;
import dev.peakline.reference.Registry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roll-ups of enterprise-month accounts by region (GB/T 2260: county → city → province), industry (GB/T 4754: class →
 * group → division → section) and enterprise, per month and per year.
 *
 * <p>Each enterprise-month figure is rounded once to 10⁻⁶ (1 g CO2, 1 gce) and summed as an exact integer, so every
 * whole equals the sum of its parts to the last digit, whatever the order of summation.
 */
public final class Rollup {
    /** The dimension a line rolls up along. */
    public enum Axis {
        ENTERPRISE,
        REGION,
        INDUSTRY
    }

    /**
     * One roll-up line. Figures are in micro-units: divide by 10⁶ for tCO2e or tce ({@link #tonnes(long)}).
     *
     * @param period {@code YYYY} for a year or {@code YYYY-MM} for a month
     * @param level province/city/county, 门类/大类/中类/小类 or enterprise
     */
    public record Line(
            Axis axis,
            String code,
            String name,
            String level,
            String period,
            long scope1Micro,
            long scope2Micro,
            long energyMicro,
            int enterprises) {
        public long totalMicro() {
            return scope1Micro + scope2Micro;
        }
    }

    private Rollup() {}

    public static double tonnes(long micro) {
        return micro / 1e6;
    }

    public static long micro(double v) {
        return Math.round(v * 1e6);
    }

    /** All roll-up lines, ordered by axis, code and period. */
    public static List<Line> of(List<EnterpriseMonth> months, Registry registry) {
        Map<String, long[]> acc = new HashMap<>();
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, String[]> meta = new HashMap<>();
        for (EnterpriseMonth m : months) {
            long s1 = micro(m.scope1());
            long s2 = micro(m.scope2());
            long e = micro(m.energy());
            String month = m.period().toString();
            String year = Integer.toString(m.period().getYear());
            String ent = m.enterprise().value();
            List<String[]> targets = new ArrayList<>();
            targets.add(new String[] {Axis.ENTERPRISE.name(), ent, ent, "enterprise"});
            for (Region r : registry.lineage(m.region())) {
                targets.add(new String[] {
                    Axis.REGION.name(),
                    r.code().value(),
                    r.name(),
                    r.level().name().toLowerCase(java.util.Locale.ROOT)
                });
            }
            for (Industry i : registry.lineage(m.industry())) {
                targets.add(new String[] {Axis.INDUSTRY.name(), i.code().value(), i.name(), i.level()});
            }
            for (String[] t : targets) {
                for (String period : new String[] {month, year}) {
                    String key = t[0] + "|" + t[1] + "|" + period;
                    long[] a = acc.computeIfAbsent(key, k -> new long[3]);
                    a[0] += s1;
                    a[1] += s2;
                    a[2] += e;
                    members.computeIfAbsent(key, k -> new HashSet<>()).add(ent);
                    meta.putIfAbsent(key, new String[] {t[0], t[1], t[2], t[3], period});
                }
            }
        }
        List<Line> out = new ArrayList<>();
        acc.forEach((k, a) -> {
            String[] md = meta.get(k);
            out.add(new Line(
                    Axis.valueOf(md[0]),
                    md[1],
                    md[2],
                    md[3],
                    md[4],
                    a[0],
                    a[1],
                    a[2],
                    members.get(k).size()));
        });
        out.sort(Comparator.comparing(Line::axis).thenComparing(Line::code).thenComparing(Line::period));
        return out;
    }
}
