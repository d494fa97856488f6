package dev.peakline.markets;

import dev.peakline.reference.Csv;
import java.util.List;
import java.util.Optional;

/**
 * Which enterprises the national ETS covers in a year: those of its sectors (by GB/T 4754 class, from the year each
 * sector joined) whose year's emissions reached 26,000 tCO2e (《碳排放权交易管理办法（试行）》，生态环境部令第19号，第八条). The
 * sectors are the shipped table {@code ets_sectors.csv}, every row UNCONFIRMED (recalled, not checked against the
 * notices). The emissions compared are the enterprise's accounted total of the year (direct and purchased energy), as
 * the screening of key emitters does; the register of covered units then decides what is allocated.
 */
public final class EtsCoverage {
    private EtsCoverage() {}

    /** The threshold, tCO2e a year. */
    public static final double THRESHOLD_T = 26_000;

    /** A covered sector: the industry classes it takes in and the first year it is covered. */
    public record Sector(String industryPrefix, String sector, int fromYear, String document, String confidence) {}

    private static final List<Sector> SECTORS = Csv.resource(EtsCoverage.class, "ets_sectors.csv").stream()
            .map(r -> new Sector(r.get(0), r.get(1), Integer.parseInt(r.get(2)), r.get(3), r.get(4)))
            .toList();

    public static List<Sector> sectors() {
        return SECTORS;
    }

    /** The covered sector an industry class belongs to in a year (the longest prefix), if any. */
    public static Optional<Sector> sector(String industry, int year) {
        Sector best = null;
        for (Sector s : SECTORS) {
            if (industry != null
                    && industry.startsWith(s.industryPrefix())
                    && year >= s.fromYear()
                    && (best == null
                            || s.industryPrefix().length()
                                    > best.industryPrefix().length())) {
                best = s;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether an enterprise of the class with the year's emissions is covered. */
    public static boolean covered(String industry, int year, double emissionsT) {
        return sector(industry, year).isPresent() && emissionsT >= THRESHOLD_T;
    }
}
