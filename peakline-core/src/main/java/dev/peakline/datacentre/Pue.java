package dev.peakline.datacentre;

import dev.peakline.efficiency.EfficiencyCatalog;
import dev.peakline.efficiency.ProductLevels;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.reference.Csv;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A data centre's power usage effectiveness over calendar intervals, from the monitored day figures of its meters
 * (never from an instant): PUE = total facility energy ÷ IT equipment energy over the same days (GB 40879-2021 数据中心能效
 * 限定值及能效等级), with the cooling and power load factors CLF = cooling ÷ IT and PLF = (lighting and others) ÷ IT where
 * those meters exist. A position's day is complete when its meters together cover all 24 hours with no gap (a meter
 * replaced that day: the old and the new each cover their part); a period with any incomplete day of the facility or
 * IT meters has no PUE, only the days that made it incomplete. An IT energy above the facility's is a data-quality
 * finding, never a PUE below 1. Grades are the standard's levels as shipped in the efficiency catalogue (1.20 / 1.30 /
 * 1.50, UNCONFIRMED); targets are {@code pue_targets.csv} (UNCONFIRMED).
 */
public final class Pue {
    private Pue() {}

    /** Where a meter measures, with its Chinese name. */
    public enum Position implements dev.peakline.domain.Coded {
        TOTAL("total", "总输入"),
        IT("it", "IT 设备（UPS 输出或 PDU）"),
        COOLING("cooling", "制冷"),
        OTHER("other", "照明及其他"),
        ONSITE_RENEWABLE("onsite_renewable", "自建可再生能源发电"),
        GREEN_PURCHASED("green_purchased", "购入绿色电力");

        private final String code;
        private final String chinese;

        Position(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }

        public static Optional<Position> parse(String text) {
            Optional<Position> p = dev.peakline.domain.Coded.parse(Position.class, text);
            if (p.isPresent()) {
                return p;
            }
            String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
            return Optional.ofNullable(
                    switch (t) {
                        case "总输入电量", "facility", "总用电" -> TOTAL;
                        case "it", "it负载", "ups输出", "pdu" -> IT;
                        case "空调", "制冷系统" -> COOLING;
                        case "照明" -> OTHER;
                        default -> null;
                    });
        }
    }

    /** A position's day: its energy (kWh) summed over its meters, and whether the meters covered it whole. */
    public record PositionDay(LocalDate day, double kwh, boolean complete) {}

    /** Sums the day figures of one position's meters (a replaced meter and its successor, parallel feeds). */
    public static Map<LocalDate, PositionDay> position(List<List<DayFigure>> meters) {
        Map<LocalDate, double[]> sum = new TreeMap<>();
        for (List<DayFigure> meter : meters) {
            for (DayFigure d : meter) {
                double[] v = sum.computeIfAbsent(d.day(), k -> new double[3]);
                v[0] += d.consumption();
                v[1] += d.coveredSeconds();
                v[2] += d.gapSeconds();
            }
        }
        Map<LocalDate, PositionDay> out = new TreeMap<>();
        sum.forEach((day, v) -> out.put(day, new PositionDay(day, v[0], v[1] >= 86_400 && v[2] == 0)));
        return out;
    }

    /** A period's figures: PUE (null when incomplete or inconsistent), the energies, and why it has none. */
    public record Period(
            LocalDate from,
            LocalDate to,
            Double pue,
            Double clf,
            Double plf,
            double totalKwh,
            double itKwh,
            List<LocalDate> incompleteDays,
            String finding) {
        public boolean complete() {
            return incompleteDays.isEmpty();
        }
    }

    /** The PUE of the days {@code from..to} from each position's days (TOTAL and IT needed; the others optional). */
    public static Period of(LocalDate from, LocalDate to, Map<Position, Map<LocalDate, PositionDay>> days) {
        Map<Position, Double> kwh = new EnumMap<>(Position.class);
        List<LocalDate> incomplete = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean ok = true;
            for (Position p : Position.values()) {
                Map<LocalDate, PositionDay> m = days.get(p);
                if (m == null) {
                    continue;
                }
                PositionDay pd = m.get(d);
                if (pd == null || !pd.complete()) {
                    ok &= p != Position.TOTAL && p != Position.IT;
                }
                if (pd != null) {
                    kwh.merge(p, pd.kwh(), Double::sum);
                }
            }
            if (!days.containsKey(Position.TOTAL) || !days.containsKey(Position.IT)) {
                ok = false;
            }
            if (!ok) {
                incomplete.add(d);
            }
        }
        double total = kwh.getOrDefault(Position.TOTAL, 0.0);
        double it = kwh.getOrDefault(Position.IT, 0.0);
        if (!incomplete.isEmpty()) {
            return new Period(from, to, null, null, null, total, it, incomplete, "incomplete");
        }
        if (!(it > 0)) {
            return new Period(from, to, null, null, null, total, it, incomplete, "it.zero");
        }
        if (it > total) {
            // a PUE below 1 is physically impossible: the meters or their positions are wrong
            return new Period(from, to, null, null, null, total, it, incomplete, "it.above_total");
        }
        Double clf = days.containsKey(Position.COOLING) ? kwh.getOrDefault(Position.COOLING, 0.0) / it : null;
        Double plf = days.containsKey(Position.OTHER) ? kwh.getOrDefault(Position.OTHER, 0.0) / it : null;
        return new Period(from, to, total / it, clf, plf, total, it, incomplete, null);
    }

    private static final ProductLevels LEVELS =
            EfficiencyCatalog.shipped().levelsOf("数据中心").orElseThrow();

    /** The energy-efficiency grade of a PUE by GB 40879-2021 (1, 2, 3; 0 beyond the limit value). */
    public static Integer grade(double pue) {
        return LEVELS.gbGrade(pue);
    }

    /** A policy target of PUE. */
    public record Target(String scope, double maxPue, int fromYear, String document, String confidence) {}

    private static final List<Target> TARGETS = Csv.resource(Pue.class, "pue_targets.csv").stream()
            .map(r ->
                    new Target(r.get(0), Double.parseDouble(r.get(1)), Integer.parseInt(r.get(2)), r.get(3), r.get(4)))
            .toList();

    public static List<Target> targets() {
        return TARGETS;
    }

    public static Optional<Target> target(String scope, int year) {
        return TARGETS.stream()
                .filter(t -> t.scope().equals(scope) && year >= t.fromYear())
                .findFirst();
    }

    /**
     * Carbon usage effectiveness: kg CO2 per kWh of IT energy, CUE = emissions (tCO2) × 1000 ÷ IT kWh, for the
     * location- or market-based emissions of the same period.
     */
    public static double cue(double emissionsT, double itKwh) {
        if (!(itKwh > 0)) {
            throw new IllegalArgumentException("CUE needs IT energy above zero");
        }
        return emissionsT * 1000 / itKwh;
    }

    /**
     * The renewable share of the facility's energy: (on-site renewable + green power contracted + certificates retired,
     * all kWh) ÷ total facility kWh, at most 1.
     */
    public static double renewableShare(double onsiteKwh, double greenKwh, double certificatesKwh, double totalKwh) {
        if (!(totalKwh > 0)) {
            return 0;
        }
        return Math.min(1, (onsiteKwh + greenKwh + certificatesKwh) / totalKwh);
    }

    /** Comprehensive energy of electricity in tce at its calorific equivalent (当量值, GB/T 2589-2020: 0.1229 kgce/kWh). */
    public static double tce(double kwh) {
        return kwh * 0.1229 / 1000;
    }

    /** The 1万 tce rule: a data centre whose last twelve months' comprehensive energy reached 10,000 tce. */
    public static final double MONITORING_THRESHOLD_TCE = 10_000;

    /**
     * The months (yyyy-MM → kWh of the facility) at whose end the trailing twelve months first reached the threshold:
     * the month it joins the online monitoring worklist, if any.
     */
    public static Optional<java.time.YearMonth> crossed(Map<java.time.YearMonth, Double> monthlyKwh) {
        TreeMap<java.time.YearMonth, Double> m = new TreeMap<>(monthlyKwh);
        for (java.time.YearMonth end : m.keySet()) {
            double sum = 0;
            int months = 0;
            for (java.time.YearMonth k = end.minusMonths(11); !k.isAfter(end); k = k.plusMonths(1)) {
                Double v = m.get(k);
                if (v != null) {
                    sum += v;
                    months++;
                }
            }
            if (months == 12 && tce(sum) >= MONITORING_THRESHOLD_TCE) {
                return Optional.of(end);
            }
        }
        return Optional.empty();
    }
}
