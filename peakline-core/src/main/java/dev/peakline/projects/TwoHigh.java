package dev.peakline.projects;

import dev.peakline.reference.Csv;
import dev.peakline.reference.ReferenceLibrary;
import java.util.List;
import java.util.Optional;

/** Which GB/T 4754 industries are 两高 (high energy, high emission) sectors ({@code two_high_sectors.csv}). */
public final class TwoHigh {
    public record Sector(String industryPrefix, String sector, String document) {}

    private static List<Sector> sectors;

    private TwoHigh() {}

    public static synchronized List<Sector> sectors() {
        if (sectors == null) {
            sectors = Csv.resource(ReferenceLibrary.class, "two_high_sectors.csv").stream()
                    .map(r -> new Sector(r.get(0), r.get(1), r.get(2)))
                    .toList();
        }
        return sectors;
    }

    /**
     * The 两高 sector of an industry code, by the longest matching prefix; a prefix listed with an empty sector (rolling,
     * 313 and 325) excludes its industries from the sector of a shorter prefix.
     */
    public static Optional<Sector> sectorOf(String industry) {
        Sector best = null;
        for (Sector s : sectors()) {
            if (industry != null
                    && industry.startsWith(s.industryPrefix())
                    && (best == null
                            || s.industryPrefix().length()
                                    > best.industryPrefix().length())) {
                best = s;
            }
        }
        return best == null || best.sector().isEmpty() ? Optional.empty() : Optional.of(best);
    }

    /** The kinds of a substitution ledger line (减量替代), with the unit each is kept in. */
    public enum Substitution {
        CAPACITY("产能", "t/a"),
        COAL("煤炭消费", "t"),
        ENERGY("能耗", "tce"),
        CARBON("碳排放", "tCO2"),
        POLLUTANT("污染物", "t");

        private final String nameCn;
        private final String unit;

        Substitution(String nameCn, String unit) {
            this.nameCn = nameCn;
            this.unit = unit;
        }

        public String nameCn() {
            return nameCn;
        }

        public String unit() {
            return unit;
        }
    }
}
