package dev.peakline.inclusion;

import dev.peakline.problems.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 碳普惠: reductions of participants from verified activity by a methodology held as data, points at the programme's
 * published rate, and a ledger per participant of issuance, use and expiry. No reduction is counted twice: a source
 * record (a meter's reading span, a settlement) is issued once, and one claimed in another mechanism (CCER, a green
 * certificate) is refused.
 */
public final class Inclusion {
    private Inclusion() {}

    /** An activity of a claim is below this (one rooftop's MWh in a statement period; larger is a typo). */
    public static final double MAX_ACTIVITY = 1e6;

    /**
     * A methodology: its formula's baseline factor (tCO2 per activity unit, with where it comes from), the activity's
     * unit, and the evidence a claim must carry.
     */
    public record Methodology(
            String code,
            String name,
            String activityUnit,
            double baselineFactor,
            String factorSource,
            String evidence) {}

    /**
     * Distributed PV (分布式光伏): the electricity generated displaces the grid's, ER = EG (MWh) × EF_grid (tCO2/MWh),
     * with the province's average grid factor of the year from the reference library (MEE/NBS 电力二氧化碳排放因子).
     */
    public static Methodology photovoltaic(double gridFactor, String factorSource) {
        return new Methodology("pv_distributed", "分布式光伏发电", "MWh", gridFactor, factorSource, "计量器具读数或电网结算单（起止日期、电量）");
    }

    /** A claim: participant, the source record it rests on, its activity, and whether it was claimed elsewhere. */
    public record Claim(
            String participant,
            String sourceRecord,
            LocalDate date,
            double activity,
            String evidence,
            boolean claimedElsewhere,
            int row) {}

    /** An issuance: the reduction (kg CO2) and the points. */
    public record Issue(Claim claim, BigDecimal reductionKg, long points) {}

    /** Issuances, or the claims refused with why (none is issued when any is refused). */
    public record Issued(List<Issue> issues, List<Problem> problems) {}

    /**
     * Issues the claims: reduction = activity × baseline factor (tCO2 → kg, to 0.001 kg), points = reduction (kg) ×
     * rate, rounded down to whole points (a point is never given for a reduction not made).
     *
     * @param alreadyIssued source records issued before (in Peakline)
     */
    public static Issued issue(Methodology m, List<Claim> claims, double pointsPerKg, Set<String> alreadyIssued) {
        List<Problem> problems = new ArrayList<>();
        if (!(pointsPerKg > 0 && pointsPerKg <= 1000)) {
            problems.add(Problem.at(
                    "inclusion.rate",
                    "programme",
                    0,
                    "rate",
                    "the rate is points per kg CO2, above 0 and at most 1000"));
        }
        Set<String> seen = new HashSet<>(alreadyIssued);
        List<Issue> out = new ArrayList<>();
        for (Claim c : claims) {
            String where = "claims";
            if (c.participant() == null || c.participant().isBlank()) {
                problems.add(Problem.at("inclusion.participant", where, c.row(), "participant", "no participant"));
                continue;
            }
            if (c.evidence() == null || c.evidence().isBlank()) {
                problems.add(Problem.at(
                        "inclusion.evidence", where, c.row(), "evidence", "the methodology needs " + m.evidence()));
                continue;
            }
            if (!(c.activity() >= 0 && c.activity() < MAX_ACTIVITY)) {
                problems.add(Problem.at(
                        "inclusion.activity",
                        where,
                        c.row(),
                        "activity",
                        "activity " + c.activity() + " " + m.activityUnit() + " is negative or implausible"));
                continue;
            }
            if (c.claimedElsewhere()) {
                problems.add(Problem.at(
                        "inclusion.elsewhere",
                        where,
                        c.row(),
                        "sourceRecord",
                        "record " + c.sourceRecord() + " is claimed in another mechanism: not counted again"));
                continue;
            }
            if (!seen.add(c.sourceRecord())) {
                problems.add(Problem.at(
                        "inclusion.twice",
                        where,
                        c.row(),
                        "sourceRecord",
                        "record " + c.sourceRecord() + " is issued already: a reduction is counted once"));
                continue;
            }
            BigDecimal kg = BigDecimal.valueOf(c.activity())
                    .multiply(BigDecimal.valueOf(m.baselineFactor()))
                    .multiply(BigDecimal.valueOf(1000))
                    .setScale(3, RoundingMode.HALF_UP);
            long points = kg.multiply(BigDecimal.valueOf(pointsPerKg))
                    .setScale(0, RoundingMode.DOWN)
                    .longValueExact();
            out.add(new Issue(c, kg, points));
        }
        return problems.isEmpty() ? new Issued(out, List.of()) : new Issued(List.of(), problems);
    }

    /** A ledger entry: issuance (+), use (−) or expiry (−). */
    public record Entry(String participant, LocalDate date, String kind, long points) {}

    /**
     * The ledger of a participant's issuances and uses: uses spend the oldest points first; points not used within
     * {@code validMonths} of their issuance expire on that day. The balance on {@code asOf}, with the entries.
     *
     * @throws IllegalArgumentException when a use exceeds the balance on its day
     */
    public static Ledger ledger(String participant, List<Entry> issuesAndUses, int validMonths, LocalDate asOf) {
        List<Entry> events = new ArrayList<>(issuesAndUses);
        events.sort(java.util.Comparator.comparing(Entry::date)
                .thenComparing(e -> e.kind().equals("ISSUE") ? 0 : 1));
        // lots of points, oldest first: issue date → remaining
        Map<LocalDate, long[]> lots = new LinkedHashMap<>();
        List<Entry> out = new ArrayList<>();
        for (Entry e : events) {
            expire(participant, lots, e.date(), validMonths, out);
            if (e.kind().equals("ISSUE")) {
                lots.computeIfAbsent(e.date(), d -> new long[1])[0] += e.points();
                out.add(e);
            } else {
                long need = e.points();
                long have = lots.values().stream().mapToLong(v -> v[0]).sum();
                if (need > have) {
                    throw new IllegalArgumentException(
                            participant + " uses " + need + " points on " + e.date() + " but holds " + have);
                }
                for (long[] lot : lots.values()) {
                    long take = Math.min(lot[0], need);
                    lot[0] -= take;
                    need -= take;
                }
                out.add(new Entry(participant, e.date(), "USE", -e.points()));
            }
        }
        expire(participant, lots, asOf, validMonths, out);
        long balance = lots.values().stream().mapToLong(v -> v[0]).sum();
        return new Ledger(participant, out, balance);
    }

    private static void expire(
            String participant, Map<LocalDate, long[]> lots, LocalDate day, int validMonths, List<Entry> out) {
        for (var lot : lots.entrySet()) {
            LocalDate ends = lot.getKey().plusMonths(validMonths);
            if (!ends.isAfter(day) && lot.getValue()[0] > 0) {
                out.add(new Entry(participant, ends, "EXPIRE", -lot.getValue()[0]));
                lot.getValue()[0] = 0;
            }
        }
    }

    /** A participant's entries and balance. */
    public record Ledger(String participant, List<Entry> entries, long balance) {}
}
