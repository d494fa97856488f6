package dev.peakline.roadmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A peak-roadmap scenario (baseline, low-carbon, enhanced …): the drivers of emissions year by year from a base year,
 * and the path they give. Emissions are built by the Kaya identity the roadmaps use:
 *
 * <p>CO2(t) = GDP(t) × EI(t) × (1 − NF(t)) × EF(t)
 *
 * <p>with GDP growing by g(t), energy per unit of GDP falling by d(t), NF the non-fossil share of energy and EF the CO2
 * per unit of fossil energy (the fuel mix). Each driver is a path of yearly rates or levels given for periods ("from
 * 2026 the GDP grows 5.0 %, from 2031 4.5 % …"); the path's peak is its largest year. {@link #monteCarlo} draws the
 * rates around their central values (normal, the given standard deviations, a fixed seed: the same draws every run) and
 * counts in which year each drawn path peaks.
 */
public final class Scenario {
    /** A driver from a year on: its value until the next change (rates as fractions, 0.05 = 5 % a year). */
    public record Step(int fromYear, double value) {}

    /**
     * The drivers: base-year GDP (10⁴ yuan), energy intensity (tce per 10⁴ yuan), non-fossil share and fossil emission
     * factor (tCO2 per tce); yearly GDP growth and yearly fall of energy intensity; the non-fossil share and fossil
     * factor by period (levels, reached linearly from the previous period's level).
     */
    public record Drivers(
            int baseYear,
            double gdp,
            double energyIntensity,
            double nonFossilShare,
            double fossilFactor,
            List<Step> gdpGrowth,
            List<Step> intensityFall,
            List<Step> nonFossilTargets,
            List<Step> fossilFactorTargets) {}

    /** One projected year. */
    public record Year(int year, double gdp, double energy, double nonFossilShare, double co2) {}

    /** The projected path with its peak. */
    public record Path(List<Year> years, int peakYear, double peakCo2) {}

    /** The peak year's distribution over the draws: counts by year, median and the 5th–95th percentile. */
    public record PeakDistribution(int draws, int[] years, int[] counts, int median, int p5, int p95) {}

    private Scenario() {}

    /** The path from the base year to {@code toYear}. */
    public static Path project(Drivers d, int toYear) {
        return project(d, toYear, 0, 0);
    }

    private static Path project(Drivers d, int toYear, double gdpShift, double fallShift) {
        List<Year> out = new ArrayList<>();
        double gdp = d.gdp();
        double ei = d.energyIntensity();
        int peakYear = d.baseYear();
        double peak = Double.NEGATIVE_INFINITY;
        for (int y = d.baseYear(); y <= toYear; y++) {
            if (y > d.baseYear()) {
                gdp *= 1 + rate(d.gdpGrowth(), y) + gdpShift;
                ei *= 1 - (rate(d.intensityFall(), y) + fallShift);
            }
            double nf = level(d.nonFossilTargets(), d.baseYear(), d.nonFossilShare(), y);
            double ef = level(d.fossilFactorTargets(), d.baseYear(), d.fossilFactor(), y);
            double energy = gdp * ei;
            double co2 = energy * (1 - nf) * ef;
            out.add(new Year(y, gdp, energy, nf, co2));
            if (co2 > peak) {
                peak = co2;
                peakYear = y;
            }
        }
        return new Path(List.copyOf(out), peakYear, peak);
    }

    /** The rate in force in a year: the last step starting at or before it (0 before the first). */
    static double rate(List<Step> steps, int year) {
        double r = 0;
        for (Step s : steps) {
            if (s.fromYear() <= year) {
                r = s.value();
            }
        }
        return r;
    }

    /**
     * A level reached linearly: from the base year's value to each step's value in its year, flat after the last step.
     */
    static double level(List<Step> steps, int baseYear, double baseValue, int year) {
        int y0 = baseYear;
        double v0 = baseValue;
        for (Step s : steps) {
            if (year <= s.fromYear()) {
                return s.fromYear() == y0 ? s.value() : v0 + (s.value() - v0) * (year - y0) / (s.fromYear() - y0);
            }
            y0 = s.fromYear();
            v0 = s.value();
        }
        return v0;
    }

    /**
     * The peak year over {@code draws} paths whose GDP growth and intensity fall are shifted, for the whole path, by
     * normal draws of standard deviations {@code gdpSd} and {@code fallSd} (fractions a year), from {@code seed}.
     */
    public static PeakDistribution monteCarlo(
            Drivers d, int toYear, double gdpSd, double fallSd, int draws, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int span = toYear - d.baseYear() + 1;
        int[] counts = new int[span];
        int[] peaks = new int[draws];
        for (int i = 0; i < draws; i++) {
            double g = gaussian(random) * gdpSd;
            double f = gaussian(random) * fallSd;
            int peak = project(d, toYear, g, f).peakYear();
            peaks[i] = peak;
            counts[peak - d.baseYear()]++;
        }
        Arrays.sort(peaks);
        int[] years = new int[span];
        for (int k = 0; k < span; k++) {
            years[k] = d.baseYear() + k;
        }
        return new PeakDistribution(
                draws,
                years,
                counts,
                peaks[(draws - 1) / 2],
                peaks[(int) Math.floor(0.05 * (draws - 1))],
                peaks[(int) Math.ceil(0.95 * (draws - 1))]);
    }

    /** A standard normal draw (Box–Muller), from the generator alone so that a seed gives the same draws. */
    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
