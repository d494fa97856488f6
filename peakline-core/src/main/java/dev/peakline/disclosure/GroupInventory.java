package dev.peakline.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A group's annual inventory over its organisational boundary (GHG Protocol Corporate Standard ch. 3–5): each entity's
 * approved figures × the fraction the consolidation approach gives it ({@link Consolidation}), summed. Scope 2 here is
 * location-based (the grid's average factor the accounts used); the report's market-based figure takes each entity's
 * retired green certificates off its own scope 2 (dev.peakline.markets.MarketBasedScope2) before the same fractions.
 * The base year is recalculated to the current boundary: its figures
 * are the same entities' base-year figures at today's fractions.
 */
public final class GroupInventory {
    private GroupInventory() {}

    /** An entity's approved figures of a year: tCO2, tce, 万元 of value added, and how many months are approved. */
    public record Figures(double scope1, double scope2, double energy, double valueAdded, int months) {
        public static final Figures NONE = new Figures(0, 0, 0, 0, 0);
    }

    /** An entity's line: its fraction, its own figures, and its contribution (figures × fraction). */
    public record Line(String entity, double fraction, Figures own, Figures included) {}

    /** The group's year: lines, totals, intensity (tCO2 per 万元, null without value added). */
    public record Year(int year, List<Line> lines, Figures total, Double intensity) {
        public double scope12() {
            return total.scope1() + total.scope2();
        }
    }

    public static Year year(int year, Map<String, Double> fractions, Map<String, Figures> figures) {
        List<Line> lines = new ArrayList<>();
        double s1 = 0;
        double s2 = 0;
        double e = 0;
        double va = 0;
        int months = 0;
        for (var f : fractions.entrySet()) {
            Figures own = figures.getOrDefault(f.getKey(), Figures.NONE);
            double k = f.getValue();
            Figures in = new Figures(
                    own.scope1() * k, own.scope2() * k, own.energy() * k, own.valueAdded() * k, own.months());
            lines.add(new Line(f.getKey(), k, own, in));
            s1 += in.scope1();
            s2 += in.scope2();
            e += in.energy();
            va += in.valueAdded();
            months = Math.max(months, own.months());
        }
        Figures total = new Figures(s1, s2, e, va, months);
        return new Year(year, lines, total, va > 0 ? (s1 + s2) / va : null);
    }

    /** The change of scope 1 + 2 against the base year, as a fraction (−0.1 = 10 % less); null without a base. */
    public static Double change(Year current, Year base) {
        return base.scope12() > 0 ? current.scope12() / base.scope12() - 1 : null;
    }
}
