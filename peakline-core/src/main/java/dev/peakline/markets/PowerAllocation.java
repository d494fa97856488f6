package dev.peakline.markets;

import dev.peakline.reference.Csv;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Allowances of a power unit in the national ETS by the benchmark method of the year's allocation plan:
 *
 * <pre>
 * 供电配额 = 供电量 (MWh) × 供电基准值 (tCO2/MWh) × 冷却方式修正系数 × 供热量修正系数 × 负荷（出力）系数修正系数
 * 供热配额 = 供热量 (GJ) × 供热基准值 (tCO2/GJ)
 * 机组配额 = 供电配额 + 供热配额, in whole tonnes (half up)
 * </pre>
 *
 * Cooling: water 1, air {@code air_cooling} (1.05). Heat supply: coal units 1 − 0.22 × 供热比, gas units 1 − 0.6 × 供热比.
 * Load (output) of conventional coal units: F ≥ 85 %: 1; 80 % ≤ F &lt; 85 %: 1 + 0.0014 × (85 − 100F); 75 % ≤ F &lt; 80
 * %: 1.007 + 0.0016 × (80 − 100F); F &lt; 75 %: 1.015^(16 − 20F) — for pure condensing units in the 2019–2020 plan, for
 * every conventional coal unit in the 2021–2022 plan. Gas units take neither the cooling nor the load correction.
 * Benchmarks and rules are the shipped tables {@code ets_power_benchmarks.csv} and {@code ets_power_rules.csv}, with
 * their notices; both are UNCONFIRMED (recalled, not checked against the notices' tables). The 2023–2024 plan allocates
 * by generation (发电量) rather than supply and is not shipped.
 */
public final class PowerAllocation {
    private PowerAllocation() {}

    /** The unit classes the plans set benchmarks for. */
    public enum FuelClass {
        COAL_300PLUS("coal_300plus", "300MW等级以上常规燃煤机组", true),
        COAL_300MINUS("coal_300minus", "300MW等级及以下常规燃煤机组", true),
        COAL_UNCONVENTIONAL("coal_unconventional", "燃煤矸石、煤泥、水煤浆等非常规燃煤机组（含燃煤循环流化床机组）", false),
        GAS("gas", "燃气机组", false);

        private final String code;
        private final String chinese;
        private final boolean conventionalCoal;

        FuelClass(String code, String chinese, boolean conventionalCoal) {
            this.code = code;
            this.chinese = chinese;
            this.conventionalCoal = conventionalCoal;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }

        public static Optional<FuelClass> parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            for (FuelClass f : values()) {
                if (t.equals(f.code) || t.equals(f.chinese)) {
                    return Optional.of(f);
                }
            }
            return Optional.ofNullable(
                    switch (t) {
                        case "300mw以上", "300mw等级以上", "常规燃煤300mw以上" -> COAL_300PLUS;
                        case "300mw及以下", "300mw等级及以下", "常规燃煤300mw及以下" -> COAL_300MINUS;
                        case "非常规燃煤", "循环流化床" -> COAL_UNCONVENTIONAL;
                        case "燃气" -> GAS;
                        default -> null;
                    });
        }

        public static String codes() {
            StringBuilder b = new StringBuilder();
            for (FuelClass f : values()) {
                b.append(b.length() == 0 ? "" : ", ")
                        .append(f.code)
                        .append(" (")
                        .append(f.chinese)
                        .append(')');
            }
            return b.toString();
        }
    }

    /** A year's benchmarks of a class (tCO2/MWh supplied, tCO2/GJ heat), with their notice. */
    public record Benchmark(
            int year,
            FuelClass fuel,
            double electricity,
            double heat,
            String document,
            String table,
            String confidence) {
        public Benchmark(int year, FuelClass fuel, double electricity, double heat) {
            this(year, fuel, electricity, heat, "", "", "");
        }
    }

    /** A plan's corrections, caps and shares for the years it covers. */
    public record Rules(
            int from,
            int to,
            double heatCoal,
            double heatGas,
            double airCooling,
            String loadCorrection,
            double preShare,
            double gapCap,
            boolean gasExempt,
            double offsetCap,
            String document,
            String confidence) {
        public boolean covers(int year) {
            return year >= from && year <= to;
        }
    }

    /** A unit's year as filed: supply (MWh), heat supplied (GJ), cooling, heat ratio and load factor (fractions). */
    public record Unit(
            String id,
            int year,
            double supplyMwh,
            double heatGj,
            boolean airCooled,
            double heatRatio,
            double loadFactor,
            FuelClass fuel) {}

    /** The allocation and each factor of it. */
    public record Allocation(
            Unit unit,
            Benchmark benchmark,
            Rules rules,
            double coolingFactor,
            double heatFactor,
            double loadFactor,
            double electricity,
            double heat,
            long allocation) {
        /** The arithmetic, line by line, in Chinese. */
        public List<String> lines() {
            List<String> l = new ArrayList<>();
            l.add("机组类别：" + unit.fuel().chinese() + "；基准值：" + benchmark.document() + " " + benchmark.table()
                    + (benchmark.confidence().startsWith("UNCONFIRMED") ? "（数值未经原文核对）" : ""));
            l.add("冷却方式修正系数 = " + num(coolingFactor) + (unit.airCooled() ? "（空冷）" : "（水冷）"));
            l.add("供热量修正系数 = 1 − " + num(unit.fuel() == FuelClass.GAS ? rules.heatGas() : rules.heatCoal()) + " × 供热比 "
                    + num(unit.heatRatio()) + " = " + num(heatFactor));
            l.add("负荷（出力）系数修正系数 = " + num(loadFactor) + "（负荷率 " + num(100 * unit.loadFactor()) + "%）");
            l.add("供电配额 = " + num(unit.supplyMwh()) + " MWh × " + num(benchmark.electricity()) + " tCO2/MWh × "
                    + num(coolingFactor) + " × " + num(heatFactor) + " × " + num(loadFactor) + " = " + num(electricity)
                    + " tCO2");
            l.add("供热配额 = " + num(unit.heatGj()) + " GJ × " + num(benchmark.heat()) + " tCO2/GJ = " + num(heat)
                    + " tCO2");
            l.add("机组配额 = " + num(electricity) + " + " + num(heat) + " = " + num(allocation) + " tCO2（取整）");
            return l;
        }
    }

    private static final List<Benchmark> BENCHMARKS =
            Csv.resource(PowerAllocation.class, "ets_power_benchmarks.csv").stream()
                    .map(r -> new Benchmark(
                            Integer.parseInt(r.get(0)),
                            FuelClass.parse(r.get(1)).orElseThrow(),
                            Double.parseDouble(r.get(2)),
                            Double.parseDouble(r.get(3)),
                            r.get(5),
                            r.get(6),
                            r.get(7)))
                    .toList();

    private static final List<Rules> RULES = Csv.resource(PowerAllocation.class, "ets_power_rules.csv").stream()
            .map(r -> new Rules(
                    Integer.parseInt(r.get(0)),
                    Integer.parseInt(r.get(1)),
                    Double.parseDouble(r.get(2)),
                    Double.parseDouble(r.get(3)),
                    Double.parseDouble(r.get(4)),
                    r.get(5),
                    Double.parseDouble(r.get(6)),
                    Double.parseDouble(r.get(7)),
                    Boolean.parseBoolean(r.get(8)),
                    Double.parseDouble(r.get(9)),
                    r.get(10),
                    r.get(11)))
            .toList();

    /** The shipped benchmarks. */
    public static List<Benchmark> benchmarks() {
        return BENCHMARKS;
    }

    /** The shipped benchmark of a class in a year. */
    public static Optional<Benchmark> benchmark(int year, FuelClass fuel) {
        return BENCHMARKS.stream()
                .filter(b -> b.year() == year && b.fuel() == fuel)
                .findFirst();
    }

    /** The plan's rules for the year, if shipped. */
    public static Optional<Rules> rules(int year) {
        return RULES.stream().filter(r -> r.covers(year)).findFirst();
    }

    /** The years rules are shipped for, for messages. */
    public static String ruleYears() {
        return RULES.stream()
                .map(r -> r.from() + "–" + r.to())
                .reduce((a, b) -> a + ", " + b)
                .orElse("none");
    }

    /** The unit's allocation under the benchmark and the rules. */
    public static Allocation allocate(Unit u, Benchmark b, Rules r) {
        boolean gas = u.fuel() == FuelClass.GAS;
        double cooling = !gas && u.airCooled() ? r.airCooling() : 1.0;
        double heatFactor = 1 - (gas ? r.heatGas() : r.heatCoal()) * u.heatRatio();
        boolean loadApplies =
                u.fuel().conventionalCoal && (r.loadCorrection().equals("conventional_coal") || u.heatRatio() == 0);
        double load = loadApplies ? loadCorrection(u.loadFactor()) : 1.0;
        double electricity = u.supplyMwh() * b.electricity() * cooling * heatFactor * load;
        double heat = u.heatGj() * b.heat();
        return new Allocation(u, b, r, cooling, heatFactor, load, electricity, heat, Math.round(electricity + heat));
    }

    /**
     * 负荷（出力）系数修正系数 of a conventional coal unit at load factor f (a fraction): 1 at 85 % and above; 1 + 0.0014 × (85
     * − 100f) from 80 %; 1.007 + 0.0016 × (80 − 100f) from 75 %; 1.015^(16 − 20f) below — continuous at 80 % (1.007) and
     * 75 % (1.015).
     */
    public static double loadCorrection(double f) {
        if (f >= 0.85) {
            return 1.0;
        }
        if (f >= 0.80) {
            return 1 + 0.0014 * (85 - 100 * f);
        }
        if (f >= 0.75) {
            return 1.007 + 0.0016 * (80 - 100 * f);
        }
        return Math.pow(1.015, 16 - 20 * f);
    }

    /**
     * Pre-allocation: the plan's share (70 %) of the allocation the base year's output would get at this year's
     * benchmark, in whole tonnes (half up).
     */
    public static long preAllocation(Unit baseYearOutput, Benchmark b, Rules r) {
        return Math.round(r.preShare() * allocate(baseYearOutput, b, r).allocation());
    }

    /** The true-up after verification: what is still to allocate (positive) or to take back (negative). */
    public static long trueUp(long allocation, long preAllocated) {
        return allocation - preAllocated;
    }

    /**
     * The allowances due for a year, given the verified emissions and the allocation: the emissions, but a gas unit's
     * shortfall is waived (due at most its allocation) where the plan has the exemption, and a shortfall above the gap
     * cap (20 % of the verified emissions) is due only up to the allocation + 20 % × emissions; whole tonnes (half up).
     */
    public static long due(double verified, double allocated, boolean gas, Rules r) {
        return due(List.of(new UnitYear(verified, allocated, gas)), r);
    }

    /** A unit's verified emissions and allocation for the year, and whether it burns gas. */
    public record UnitYear(double verified, double allocated, boolean gas) {}

    /**
     * The allowances an enterprise (重点排放单位) must surrender for a year: each gas unit owes at most its allocation
     * (the exemption is the unit's), the others their verified emissions; then the enterprise's shortfall is capped at
     * 20 % of its verified emissions (the cap is the enterprise's): due = min(Σ unit dues, Σ allocations + 20 % × Σ
     * verified); whole tonnes, half up.
     */
    public static long due(List<UnitYear> units, Rules r) {
        double dues = 0;
        double allocated = 0;
        double verified = 0;
        for (UnitYear u : units) {
            dues += u.gas() && r.gasExempt() ? Math.min(u.verified(), u.allocated()) : u.verified();
            allocated += u.allocated();
            verified += u.verified();
        }
        if (r.gapCap() > 0) {
            dues = Math.min(dues, Math.max(allocated, allocated + r.gapCap() * verified));
        }
        return Math.round(dues);
    }

    static String num(double v) {
        String s = String.format(Locale.ROOT, "%,.4f", v);
        s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
        return s;
    }
}
