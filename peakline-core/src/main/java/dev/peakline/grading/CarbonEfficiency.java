package dev.peakline.grading;

import dev.peakline.reference.Csv;
import dev.peakline.reference.ReferenceLibrary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 碳效码: carbon-efficiency level and grade of enterprises (METHODOLOGY §9.2, {@code carbon_efficiency_grading.csv}).
 *
 * <p>L = CO2 [t] ÷ value added [万元]. Level: L ≤ 0.6 低碳, 0.6 < L ≤ 2.0 中碳, L > 2.0 高碳. Grade: K = L ÷ the industry's
 * L over the same period and scope, with K ≤ 0.6 grade 1, ≤ 0.8 grade 2, ≤ 1.2 grade 3, ≤ 2.0 grade 4, above grade 5.
 * Upper bounds are inclusive. The industry's L is Σ CO2 ÷ Σ value added of the enterprises graded with it, taken at
 * the finest GB/T 4754 level that holds at least {@link #MIN_PEERS} graded enterprises (class, then group, then
 * division, then all industries): an industry of one firm would make it its own average (K = 1, grade 3 whatever it
 * emits). CO2 is the energy-related part (combustion + purchased electricity and heat), as the method counts it.
 */
public final class CarbonEfficiency {
    /** A band of the table: values in (lower, upper] get {@code level}; null bounds are open. */
    public record Band(String scheme, String level, Double lowerExclusive, Double upperInclusive, String labelCn) {
        boolean contains(double v) {
            return (lowerExclusive == null || v > lowerExclusive) && (upperInclusive == null || v <= upperInclusive);
        }
    }

    /** An enterprise's year: CO2 [t] and value added [万元]. */
    public record Input(
            String enterprise, String name, String region, String industry, double co2, double valueAdded) {}

    /**
     * A graded enterprise. {@code intensity} (L), {@code ratio} (K), {@code level} and {@code grade} are NaN / null
     * with the reason in {@code note} when value added is missing, zero or negative.
     */
    public record Graded(
            Input input,
            double intensity,
            double industryIntensity,
            double ratio,
            String level,
            String levelCn,
            Integer grade,
            String note,
            String peerGroup,
            int peers) {}

    /** The fewest graded enterprises an industry average is taken over (Peakline's rule, see the class comment). */
    public static final int MIN_PEERS = 3;

    public static final String VERSION = "2026.11.1";

    private final List<Band> levels;
    private final List<Band> grades;

    private CarbonEfficiency(List<Band> levels, List<Band> grades) {
        this.levels = List.copyOf(levels);
        this.grades = List.copyOf(grades);
    }

    private static CarbonEfficiency shipped;

    public static synchronized CarbonEfficiency shipped() {
        if (shipped == null) {
            List<Band> l = new ArrayList<>();
            List<Band> g = new ArrayList<>();
            for (Csv.Row r : Csv.resource(ReferenceLibrary.class, "carbon_efficiency_grading.csv")) {
                Band b = new Band(
                        r.get(0),
                        r.get(2),
                        r.get(3).isEmpty() ? null : Double.valueOf(r.get(3)),
                        r.get(4).isEmpty() ? null : Double.valueOf(r.get(4)),
                        r.get(5));
                (r.get(0).startsWith("碳效水平") ? l : g).add(b);
            }
            shipped = new CarbonEfficiency(l, g);
        }
        return shipped;
    }

    public List<Band> levels() {
        return levels;
    }

    public List<Band> grades() {
        return grades;
    }

    /** The band of L: low, mid or high. */
    public Band level(double intensity) {
        return find(levels, intensity);
    }

    /** The grade 1–5 of K. */
    public int grade(double ratio) {
        return Integer.parseInt(find(grades, ratio).level());
    }

    private static Band find(List<Band> bands, double v) {
        for (Band b : bands) {
            if (b.contains(v)) {
                return b;
            }
        }
        throw new IllegalArgumentException("no band contains " + v);
    }

    /** The peer groups of an industry code, finest first: class, group, division, all industries ("*"). */
    static List<String> peerKeys(String industry) {
        List<String> keys = new ArrayList<>();
        for (int n = Math.min(4, industry.length()); n >= 2; n--) {
            keys.add(industry.substring(0, n));
        }
        keys.add("*");
        return keys;
    }

    /** Grades every enterprise against the average of its peer group among the inputs. */
    public List<Graded> grade(List<Input> inputs) {
        // Σ CO2, Σ value added and the count of graded enterprises per peer key
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (Input i : inputs) {
            if (i.valueAdded() > 0) {
                for (String key : peerKeys(i.industry())) {
                    double[] s = sums.computeIfAbsent(key, k -> new double[3]);
                    s[0] += i.co2();
                    s[1] += i.valueAdded();
                    s[2]++;
                }
            }
        }
        List<Graded> out = new ArrayList<>();
        for (Input i : inputs) {
            if (!(i.valueAdded() > 0)) {
                out.add(new Graded(i, Double.NaN, Double.NaN, Double.NaN, null, null, null, "增加值缺失或不为正，无法计算碳效", "", 0));
                continue;
            }
            double l = i.co2() / i.valueAdded();
            String key = "*";
            for (String k : peerKeys(i.industry())) {
                if (sums.get(k)[2] >= MIN_PEERS) {
                    key = k;
                    break;
                }
            }
            double[] s = sums.get(key);
            double avg = s[0] / s[1];
            Band lv = level(l);
            if (!(avg > 0)) {
                out.add(new Graded(
                        i, l, avg, Double.NaN, lv.level(), lv.labelCn(), null, "行业平均为零，无法分级", key, (int) s[2]));
                continue;
            }
            double k = l / avg;
            out.add(new Graded(i, l, avg, k, lv.level(), lv.labelCn(), grade(k), "", key, (int) s[2]));
        }
        return out;
    }
}
