package dev.peakline.roadmap;

import dev.peakline.problems.Problem;
import dev.peakline.targets.RegionStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * 碳达峰路线图 of a region: its history from the region statistics, scenarios of the Kaya drivers ({@link Scenario}) set
 * from the last year of history, each scenario's path with its peak and the peak year's spread, and why emissions
 * changed over the history (LMDI over CO2 = GDP × energy/GDP × fossil/energy × CO2/fossil).
 *
 * <p>Scenario rates and shares are given in per cent (5.0 = 5 % a year), as people write them; the engine works in
 * fractions.
 */
public final class Roadmap {
    /** Latest year a scenario may run to (the carbon-neutrality horizon). */
    public static final int HORIZON = 2060;

    private Roadmap() {}

    /** One year of a region's history (region statistics: GDP in 10⁴ yuan, energy in tce, CO2 in t). */
    public record HistoryYear(int year, double gdp, double energy, double nonFossil, double co2) {
        public double carbonIntensity() {
            return co2 / gdp;
        }

        public double energyIntensity() {
            return energy / gdp;
        }

        public double nonFossilShare() {
            return nonFossil / energy;
        }

        /** CO2 per tce of fossil energy. */
        public double fossilFactor() {
            return co2 / (energy - nonFossil);
        }
    }

    /** A region's history, in year order. */
    public static List<HistoryYear> history(List<RegionStatistics> stats) {
        return stats.stream()
                .sorted(java.util.Comparator.comparingInt(RegionStatistics::year))
                .map(s -> new HistoryYear(s.year(), s.gdp10kYuan(), s.energyTce(), s.nonFossilTce(), s.co2()))
                .toList();
    }

    /** A driver from a year on (per cent, or tCO2/tce for the fossil factor). */
    public record Step(int year, double value) {}

    /**
     * A scenario as people set it: GDP growth and energy-intensity fall (% a year, each in force from its year until the
     * next step), the non-fossil share (%) and the fossil factor (tCO2/tce) to reach by given years (linearly), and the
     * standard deviations (% a year) of GDP growth and intensity fall for the Monte Carlo of the peak year.
     */
    public record Spec(
            String key,
            String name,
            List<Step> gdpGrowth,
            List<Step> intensityFall,
            List<Step> nonFossilShare,
            List<Step> fossilFactor,
            double gdpSd,
            double fallSd,
            String note) {
        public Spec(
                String key,
                String name,
                List<Step> gdpGrowth,
                List<Step> intensityFall,
                List<Step> nonFossilShare,
                List<Step> fossilFactor,
                double gdpSd,
                double fallSd) {
            this(key, name, gdpGrowth, intensityFall, nonFossilShare, fossilFactor, gdpSd, fallSd, null);
        }

        public Spec {
            gdpGrowth = gdpGrowth == null ? List.of() : List.copyOf(gdpGrowth);
            intensityFall = intensityFall == null ? List.of() : List.copyOf(intensityFall);
            nonFossilShare = nonFossilShare == null ? List.of() : List.copyOf(nonFossilShare);
            fossilFactor = fossilFactor == null ? List.of() : List.copyOf(fossilFactor);
        }
    }

    /**
     * What is wrong with scenarios set from {@code baseYear} to {@code toYear}: each problem names the scenario and
     * driver (column "scenarios[i].driver") and the step.
     */
    public static List<Problem> problems(List<Spec> specs, int baseYear, int toYear) {
        List<Problem> p = new ArrayList<>();
        if (toYear <= baseYear || toYear > HORIZON) {
            p.add(at(
                    "roadmap.horizon",
                    "toYear",
                    "the scenarios run from the last year of statistics (" + baseYear + ") to a later year up to "
                            + HORIZON + ", not " + toYear));
            return p;
        }
        if (specs == null || specs.isEmpty() || specs.size() > 6) {
            p.add(at("roadmap.scenarios", "scenarios", "a roadmap has one to six scenarios"));
            return p;
        }
        Set<String> keys = new TreeSet<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            String where = "scenarios[" + i + "]";
            if (s == null) {
                p.add(at("roadmap.scenario", where, "scenario " + (i + 1) + " is empty"));
                continue;
            }
            if (s.key() == null || !s.key().matches("[a-z][a-z0-9_]{0,31}")) {
                p.add(at(
                        "roadmap.key",
                        where + ".key",
                        "scenario " + (i + 1) + " needs a key of lower-case letters, digits and _ (e.g. baseline)"));
            } else if (!keys.add(s.key())) {
                p.add(at("roadmap.key", where + ".key", "scenario key '" + s.key() + "' is used twice"));
            }
            if (s.name() == null || s.name().isBlank() || s.name().length() > 40) {
                p.add(at("roadmap.name", where + ".name", "scenario " + (i + 1) + " needs a name of 1–40 characters"));
            }
            String label = s.name() == null || s.name().isBlank() ? "scenario " + (i + 1) : s.name();
            steps(p, where + ".gdpGrowth", label + ": GDP growth", s.gdpGrowth(), baseYear, toYear, -20, 30, true);
            steps(
                    p,
                    where + ".intensityFall",
                    label + ": fall of energy intensity",
                    s.intensityFall(),
                    baseYear,
                    toYear,
                    -20,
                    30,
                    true);
            steps(
                    p,
                    where + ".nonFossilShare",
                    label + ": non-fossil share",
                    s.nonFossilShare(),
                    baseYear,
                    toYear,
                    0,
                    100,
                    false);
            steps(
                    p,
                    where + ".fossilFactor",
                    label + ": CO2 per tce of fossil energy",
                    s.fossilFactor(),
                    baseYear,
                    toYear,
                    // coal burns about 2.7 tCO2/tce; an industry's CO2 per tce counting purchased electricity at its
                    // equivalent value (0.1229 tce/MWh) reaches the grid factor ÷ 0.1229, about 4–8
                    0.5,
                    10,
                    false);
            if (!(s.gdpSd() >= 0 && s.gdpSd() <= 10) || !(s.fallSd() >= 0 && s.fallSd() <= 10)) {
                p.add(at(
                        "roadmap.sd",
                        where + ".gdpSd",
                        label + ": the standard deviations of the rates are 0–10 % a year"));
            }
        }
        return p;
    }

    private static void steps(
            List<Problem> p,
            String column,
            String label,
            List<Step> steps,
            int baseYear,
            int toYear,
            double min,
            double max,
            boolean required) {
        if (steps.isEmpty() && required) {
            p.add(at("roadmap.step", column, label + " needs at least one step"));
        }
        int last = baseYear;
        for (Step s : steps) {
            if (s == null) {
                p.add(at("roadmap.step", column, label + " has an empty step"));
                continue;
            }
            if (s.year() <= last || s.year() > toYear) {
                p.add(at(
                        "roadmap.year",
                        column,
                        label + ": step year " + s.year() + " must come after " + last + " and not after " + toYear
                                + " (years ascending, after the base year " + baseYear + ")"));
            }
            last = Math.max(last, s.year());
            if (!(s.value() >= min && s.value() <= max)) {
                p.add(at(
                        "roadmap.value",
                        column,
                        label + " in " + s.year() + " is " + fmt(s.value()) + "; it must be between " + fmt(min)
                                + " and " + fmt(max)));
            }
        }
    }

    private static String fmt(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : String.valueOf(v);
    }

    private static Problem at(String code, String column, String message) {
        return Problem.at(code, "roadmap", 0, column, message);
    }

    /**
     * The engine's drivers of a scenario from the base year's history: rate steps take effect from the year after the
     * step's year is reached (a step of 2026 is the growth into 2026).
     */
    public static Scenario.Drivers drivers(HistoryYear base, Spec s) {
        return new Scenario.Drivers(
                base.year(),
                base.gdp(),
                base.energyIntensity(),
                base.nonFossilShare(),
                base.fossilFactor(),
                s.gdpGrowth().stream()
                        .map(x -> new Scenario.Step(x.year(), x.value() / 100))
                        .toList(),
                s.intensityFall().stream()
                        .map(x -> new Scenario.Step(x.year(), x.value() / 100))
                        .toList(),
                s.nonFossilShare().stream()
                        .map(x -> new Scenario.Step(x.year(), x.value() / 100))
                        .toList(),
                s.fossilFactor().stream()
                        .map(x -> new Scenario.Step(x.year(), x.value()))
                        .toList());
    }

    /** Seed of the Monte Carlo: fixed, so that the same scenario gives the same spread on every run. */
    public static final long SEED = 20_301_231L;

    /** Draws of the Monte Carlo. */
    public static final int DRAWS = 2_000;

    /** A scenario's projection: its path, its peak and the peak year's spread. */
    public record Projection(Spec spec, Scenario.Path path, Scenario.PeakDistribution spread) {}

    public static Projection project(HistoryYear base, Spec s, int toYear) {
        Scenario.Drivers d = drivers(base, s);
        return new Projection(
                s,
                Scenario.project(d, toYear),
                Scenario.monteCarlo(d, toYear, s.gdpSd() / 100, s.fallSd() / 100, DRAWS, SEED));
    }

    /**
     * Three scenarios proposed from the history, for the analyst to edit: 基准 continues the history (GDP growth and
     * intensity fall at their average over the history, rounded to 0.1 %; the non-fossil share rising as over the
     * history; the fossil factor held), 低碳 falls one point faster and adds five points of non-fossil share by 2030,
     * 强化 falls two points faster, adds ten points by 2030 and cuts the fossil factor 5 % by 2030 (more gas, less coal).
     * After 2030 growth eases by one point and the intensity fall by half a point in every scenario. A low-carbon
     * proposal follows its drivers: if its emissions would rise again after 2030, its non-fossil share keeps rising
     * after 2030 at its pace to 2030 (to at most 95 %), and if they still rise its intensity falls faster after 2030,
     * by the least 0.1 points (up to five more) that keeps them from rising; its note says so. One that still rises is
     * proposed as its drivers give it, with a note asking the analyst to set them (all three are always proposed). These
     * are starting points computed from the region's own statistics, not published scenarios; with a single year of
     * statistics the baseline has no growth and no fall until the analyst sets them.
     */
    public static List<Spec> proposals(List<HistoryYear> history, int toYear) {
        HistoryYear first = history.get(0);
        HistoryYear last = history.get(history.size() - 1);
        int span = last.year() - first.year();
        // one year of statistics has no trend: the baseline then stands still (no growth, no fall) for the analyst to
        // set, rather than assuming rates from elsewhere
        double growth = span == 0 ? 0 : round1(100 * (Math.pow(last.gdp() / first.gdp(), 1.0 / span) - 1));
        double fall = span == 0
                ? 0
                : round1(100 * (1 - Math.pow(last.energyIntensity() / first.energyIntensity(), 1.0 / span)));
        double share = 100 * last.nonFossilShare();
        double shareRise = span == 0 ? 0 : 100 * (last.nonFossilShare() - first.nonFossilShare()) / span;
        int y2030 = Math.min(2030, toYear);
        int next = last.year() + 1;
        List<Spec> out = new ArrayList<>();
        String[][] names = {{"baseline", "基准情景"}, {"low_carbon", "低碳情景"}, {"enhanced", "强化低碳情景"}};
        for (int k = 0; k < 3; k++) {
            List<Step> g = new ArrayList<>(List.of(new Step(next, growth)));
            List<Step> f = new ArrayList<>(List.of(new Step(next, fall + k)));
            if (toYear > 2030 && next <= 2030) {
                g.add(new Step(2031, round1(growth - 1)));
                f.add(new Step(2031, round1(fall + k - 0.5)));
            }
            List<Step> nf = new ArrayList<>();
            if (y2030 > last.year()) {
                nf.add(new Step(y2030, round1(Math.min(95, share + shareRise * (y2030 - last.year()) + 5 * k))));
            }
            List<Step> ef = new ArrayList<>();
            if (k == 2 && y2030 > last.year()) {
                ef.add(new Step(y2030, round3(last.fossilFactor() * 0.95)));
            }
            Spec spec = new Spec(names[k][0], names[k][1], g, f, nf, ef, 1.0, 1.0);
            if (k > 0 && toYear > 2030 && next <= 2030) {
                spec = notRisingAfter2030(
                        last,
                        spec,
                        (share + shareRise * (y2030 - last.year()) + 5 * k - share) / Math.max(1, y2030 - last.year()),
                        toYear);
            }
            out.add(spec);
        }
        return out;
    }

    /**
     * A low-carbon proposal whose emissions do not rise after 2030: the non-fossil share continued at {@code pace} points
     * a year after 2030, then the least faster fall of intensity after 2030 (in 0.1 points, up to five more), with a
     * note saying what was done; if neither stops the rise, the proposal as given, with a note saying that it rises.
     */
    static Spec notRisingAfter2030(HistoryYear base, Spec s, double pace, int toYear) {
        if (!risesAfter2030(base, s, toYear)) {
            return s;
        }
        double at2030 = s.nonFossilShare().isEmpty()
                ? 100 * base.nonFossilShare()
                : s.nonFossilShare().get(s.nonFossilShare().size() - 1).value();
        double end = round1(Math.min(95, at2030 + pace * (toYear - 2030)));
        List<Step> nf = new ArrayList<>(s.nonFossilShare());
        nf.add(new Step(toYear, end));
        Spec more = new Spec(s.key(), s.name(), s.gdpGrowth(), s.intensityFall(), nf, s.fossilFactor(), 1.0, 1.0);
        String note = "2030年后非化石能源占比继续按每年 " + round1(pace) + " 个百分点提高至 " + toYear + " 年的 " + end + "%";
        if (!risesAfter2030(base, more, toYear)) {
            return withNote(more, note + "，使排放在2030年后不再回升");
        }
        List<Step> f = new ArrayList<>(more.intensityFall());
        Step after = f.get(f.size() - 1);
        for (int tenths = 1; tenths <= 50; tenths++) {
            f.set(f.size() - 1, new Step(after.year(), round1(after.value() + tenths / 10.0)));
            Spec faster = new Spec(s.key(), s.name(), s.gdpGrowth(), f, nf, s.fossilFactor(), 1.0, 1.0);
            if (!risesAfter2030(base, faster, toYear)) {
                return withNote(
                        faster,
                        note + "，" + after.year() + " 年起能耗强度年降幅提高到 " + round1(after.value() + tenths / 10.0)
                                + "%，使排放在2030年后不再回升");
            }
        }
        return withNote(s, "按历史趋势推算，本情景排放在2030年后仍回升（非化石能源占比提高、能耗强度加快下降均不足以扭转），请调整驱动因素");
    }

    private static Spec withNote(Spec s, String note) {
        return new Spec(
                s.key(),
                s.name(),
                s.gdpGrowth(),
                s.intensityFall(),
                s.nonFossilShare(),
                s.fossilFactor(),
                s.gdpSd(),
                s.fallSd(),
                note);
    }

    /** Whether the scenario's emissions rise in any year after 2030 (beyond rounding). */
    static boolean risesAfter2030(HistoryYear base, Spec s, int toYear) {
        List<Scenario.Year> years = Scenario.project(drivers(base, s), toYear).years();
        for (int i = 1; i < years.size(); i++) {
            if (years.get(i).year() > 2030
                    && years.get(i).co2() > years.get(i - 1).co2() * (1 + 1e-9)) {
                return true;
            }
        }
        return false;
    }

    private static double round1(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The factors of the history's decomposition, in the identity's order. */
    public static final List<String> FACTORS = List.of("gdp", "energy_intensity", "fossil_share", "fossil_factor");

    /**
     * Why CO2 changed from each year of the history to the next (and over the whole span, chained): LMDI-I over CO2 =
     * GDP × (E/GDP) × (fossil/E) × (CO2/fossil), one category.
     */
    public static Lmdi.Result decomposition(List<HistoryYear> history) {
        List<Lmdi.Value> v = new ArrayList<>();
        int row = 0;
        for (HistoryYear h : history) {
            double fossil = h.energy() - h.nonFossil();
            v.add(new Lmdi.Value(h.year(), "region", "gdp", h.gdp(), ++row));
            v.add(new Lmdi.Value(h.year(), "region", "energy_intensity", h.energy() / h.gdp(), ++row));
            v.add(new Lmdi.Value(h.year(), "region", "fossil_share", fossil / h.energy(), ++row));
            v.add(new Lmdi.Value(h.year(), "region", "fossil_factor", h.co2() / fossil, ++row));
        }
        return Lmdi.decompose("statistics", v);
    }

    /**
     * A target compared with a projection: the value the scenario reaches in the target year (a fall as a fraction of
     * the base year's intensity, or the share or total itself) beside the target's, and whether it meets it. Null
     * figures when the base year is neither in the history nor the projection.
     */
    public record Check(String indicator, int baseYear, int targetYear, double target, Double reached, Boolean meets) {}

    public static Check check(
            String indicator, int baseYear, int targetYear, double target, List<HistoryYear> history, Scenario.Path p) {
        Double base = figure(indicator, baseYear, history, p);
        Double end = figure(indicator, targetYear, history, p);
        if (end == null || base == null && (indicator.endsWith("INTENSITY"))) {
            return new Check(indicator, baseYear, targetYear, target, null, null);
        }
        double reached;
        boolean meets;
        switch (indicator) {
            case "CARBON_INTENSITY", "ENERGY_INTENSITY" -> {
                reached = 1 - end / base;
                meets = reached >= target - 1e-9;
            }
            case "NON_FOSSIL_SHARE" -> {
                reached = end;
                meets = reached >= target - 1e-9;
            }
            default -> {
                reached = end;
                meets = reached <= target + 1e-9;
            }
        }
        return new Check(indicator, baseYear, targetYear, target, reached, meets);
    }

    /** A year's figure of an indicator: from the history when there, else from the projection. */
    static Double figure(String indicator, int year, List<HistoryYear> history, Scenario.Path p) {
        for (HistoryYear h : history) {
            if (h.year() == year) {
                return switch (indicator) {
                    case "CARBON_INTENSITY" -> h.carbonIntensity();
                    case "ENERGY_INTENSITY" -> h.energyIntensity();
                    case "NON_FOSSIL_SHARE" -> h.nonFossilShare();
                    case "CARBON_TOTAL" -> h.co2();
                    case "ENERGY_TOTAL" -> h.energy();
                    default -> null;
                };
            }
        }
        for (Scenario.Year y : p.years()) {
            if (y.year() == year) {
                return switch (indicator) {
                    case "CARBON_INTENSITY" -> y.co2() / y.gdp();
                    case "ENERGY_INTENSITY" -> y.energy() / y.gdp();
                    case "NON_FOSSIL_SHARE" -> y.nonFossilShare();
                    case "CARBON_TOTAL" -> y.co2();
                    case "ENERGY_TOTAL" -> y.energy();
                    default -> null;
                };
            }
        }
        return null;
    }

    /** The STIRPAT terms fitted on a region's history, in order. */
    public static final List<String> STIRPAT_TERMS = List.of("ln_gdp", "ln_energy_intensity", "ln_fossil_share");

    /**
     * STIRPAT fitted on the region's own history: ln CO2 = a + b ln GDP + c ln(E/GDP) + d ln(1 − NF), by ridge
     * regression with the HKB constant on centred, scaled predictors (as MASS::lm.ridge), since these drivers move
     * together; the fit, or why there is none (fewer than five years, a constant or singular driver).
     */
    public record Stirpat(Regression.Fit fit, int observations, String why) {
        public boolean ok() {
            return fit != null;
        }
    }

    public static Stirpat stirpat(List<HistoryYear> history) {
        int n = history.size();
        if (n < STIRPAT_TERMS.size() + 2) {
            return new Stirpat(
                    null,
                    n,
                    n + " year(s) of statistics: a fit of " + STIRPAT_TERMS.size() + " drivers needs at least "
                            + (STIRPAT_TERMS.size() + 2));
        }
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            HistoryYear h = history.get(i);
            x[i] = new double[] {Math.log(h.gdp()), Math.log(h.energyIntensity()), Math.log(1 - h.nonFossilShare())};
            y[i] = Math.log(h.co2());
        }
        try {
            Regression.Fit f = Regression.ridge(x, y, "hkb", 0);
            return Double.isFinite(f.intercept()) ? new Stirpat(f, n, null) : new Stirpat(null, n, "no finite fit");
        } catch (IllegalArgumentException e) {
            return new Stirpat(null, n, e.getMessage());
        }
    }

    /** A scenario's path as the fitted STIRPAT model projects it from the path's drivers: CO2 per year. */
    public static double[] stirpatPath(Regression.Fit f, Scenario.Path p) {
        double[] out = new double[p.years().size()];
        for (int i = 0; i < out.length; i++) {
            Scenario.Year y = p.years().get(i);
            double[] c = f.coefficients();
            out[i] = Math.exp(f.intercept()
                    + c[0] * Math.log(y.gdp())
                    + c[1] * Math.log(y.energy() / y.gdp())
                    + c[2] * Math.log(1 - y.nonFossilShare()));
        }
        return out;
    }
}
