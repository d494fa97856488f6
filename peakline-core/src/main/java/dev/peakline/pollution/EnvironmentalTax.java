package dev.peakline.pollution;

import dev.peakline.reference.Csv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 污染当量 and 环境保护税 of air and water pollutants (环境保护税法, 主席令第六十一号, 2016; its 附表二 the pollution
 * equivalent values shipped in {@code pollution_equivalents.csv}). Per pollutant: equivalents = emissions (kg) ÷ the
 * pollutant's equivalent value, rounded to 0.01. Per outlet and month (law art. 9 and the table's notes): air — the
 * three pollutants with the most equivalents are taxed; water — of the first class the five with the most, of the other
 * class the three with the most, and of COD, BOD5 and TOC only the one with the most. Tax of a taxed pollutant =
 * equivalents × the province's rate per equivalent (within 附表一's 1.2–12 yuan for air, 1.4–14 for water), rounded to
 * 0.01 yuan (a fen).
 *
 * <p>The water special items of 附表二 三 are taxed on the sewage discharged (t): pH — t ÷ the value of the pH's band
 * ({@code ph_equivalents.csv}; none from 6 to 9); 色度 — t × the colour's exceedance multiple ÷ 5; 大肠菌群数 (when
 * above the standard) and 余氯量 — t ÷ 3.3, and of those two only the larger is taxed (说明 1). They are water
 * pollutants of the other class (law art. 9: 第一类 and 其他类), so they compete for the other class's three places.
 * An outlet is an enterprise's numbered outlet of a medium (DA001, DW001 as in its 排污许可证); without a number, one
 * outlet per medium.
 */
public final class EnvironmentalTax {
    /**
     * A pollutant of the table. {@code basis} is what its quantity measures: {@code kg} of the pollutant, {@code t} of
     * sewage (pH, 大肠菌群数, 余氯量) or {@code t·multiple} (色度: t of sewage at a colour exceedance multiple); the
     * equivalent value is per that unit (pH's depends on its band and is NaN here).
     */
    public record Pollutant(
            String medium, int waterClass, String code, String nameCn, double kgPerEquivalent, String basis) {
        public Pollutant(String medium, int waterClass, String code, String nameCn, double kgPerEquivalent) {
            this(medium, waterClass, code, nameCn, kgPerEquivalent, "kg");
        }

        /** A water special item of 附表二 三, taxed on the sewage discharged rather than on a mass. */
        public boolean onSewage() {
            return !basis.equals("kg");
        }
    }

    /**
     * One pollutant of an outlet in a month, as filed. {@code outlet} is the medium (air or water), {@code outletId}
     * the outlet's number ("" when the enterprise files one outlet per medium); {@code kg} the emissions in kg, or for
     * a special item the sewage discharged in t; {@code level} the pH, or the colour's exceedance multiple (measured ÷
     * standard − 1), NaN for the others.
     */
    public record Emission(
            String enterprise,
            String period,
            String outlet,
            String outletId,
            Pollutant pollutant,
            double kg,
            double level) {
        public Emission {
            outletId = outletId == null ? "" : outletId;
        }

        public Emission(String enterprise, String period, String outlet, Pollutant pollutant, double kg) {
            this(enterprise, period, outlet, "", pollutant, kg, Double.NaN);
        }
    }

    /** What the tax makes of it. */
    public record Line(Emission emission, BigDecimal equivalents, boolean taxed, BigDecimal taxYuan) {}

    /** The statutory range of the rates per equivalent (附表一). */
    public static final double AIR_MIN = 1.2;

    public static final double AIR_MAX = 12;
    public static final double WATER_MIN = 1.4;
    public static final double WATER_MAX = 14;

    private static final Set<String> ORGANIC_LOAD = Set.of("COD", "BOD5", "TOC");
    /** 大肠菌群数 and 余氯量: only one of the two is taxed (附表二 三, 说明 1). */
    private static final Set<String> COLIFORM_OR_CHLORINE = Set.of("coliform", "chlorine");

    /** pH bands of 附表二 三: from, to, t of sewage per equivalent. */
    private static final double[][] PH = Csv.resource(EnvironmentalTax.class, "ph_equivalents.csv").stream()
            .map(r -> new double[] {
                Double.parseDouble(r.get(0)), Double.parseDouble(r.get(1)), Double.parseDouble(r.get(2))
            })
            .toArray(double[][]::new);

    private final Map<String, Pollutant> byName = new HashMap<>();
    private final List<Pollutant> all = new ArrayList<>();

    private EnvironmentalTax() {
        for (Csv.Row r : Csv.resource(EnvironmentalTax.class, "pollution_equivalents.csv")) {
            Pollutant p = new Pollutant(
                    r.get(0),
                    r.get(1).isEmpty() ? 0 : Integer.parseInt(r.get(1)),
                    r.get(2),
                    r.get(3),
                    r.get(5).isEmpty() ? Double.NaN : Double.parseDouble(r.get(5)),
                    r.get(8));
            all.add(p);
            List<String> names = new ArrayList<>(List.of(p.code(), p.nameCn()));
            if (!r.get(4).isEmpty()) {
                names.addAll(List.of(r.get(4).split("\\|")));
            }
            for (String n : names) {
                byName.putIfAbsent(p.medium() + "|" + key(n), p);
            }
        }
    }

    private static final EnvironmentalTax SHIPPED = new EnvironmentalTax();

    public static EnvironmentalTax shipped() {
        return SHIPPED;
    }

    public List<Pollutant> pollutants() {
        return List.copyOf(all);
    }

    private static String key(String name) {
        return name.strip()
                .toUpperCase(Locale.ROOT)
                .replace("（", "(")
                .replace("）", ")")
                .replace(" ", "");
    }

    /**
     * The pollutant of a medium ("air" or "water") by its Chinese name or formula (二氧化硫, SO2, 氨氮, NH3-N …); for
     * water, 氟化物 and 甲醛 are the water pollutants of those names.
     */
    public Optional<Pollutant> find(String medium, String name) {
        Pollutant p = byName.get(medium + "|" + key(name));
        if (p == null && medium.equals("water")) {
            p = byName.get("water|" + key(name + "（水）"));
        }
        return Optional.ofNullable(p);
    }

    /** Equivalents of emissions: kg ÷ the equivalent value, rounded half up to 0.01. */
    public static BigDecimal equivalents(double kg, Pollutant p) {
        return ratio(kg, p.kgPerEquivalent());
    }

    private static BigDecimal ratio(double quantity, double perEquivalent) {
        return new BigDecimal(Double.toString(quantity))
                .divide(new BigDecimal(Double.toString(perEquivalent)), 10, RoundingMode.HALF_UP)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Equivalents of one filed emission: a mass ÷ its equivalent value; pH: sewage (t) ÷ its band's value, none from 6
     * to 9; 色度: sewage × exceedance multiple ÷ 5; 大肠菌群数 and 余氯量: sewage ÷ 3.3. Rounded half up to 0.01.
     */
    public static BigDecimal equivalents(Emission e) {
        Pollutant p = e.pollutant();
        switch (p.code()) {
            case "pH":
                double value = phValue(e.level());
                return Double.isNaN(value) ? BigDecimal.ZERO.setScale(2) : ratio(e.kg(), value);
            case "colour":
                return Double.isNaN(e.level()) || e.level() <= 0
                        ? BigDecimal.ZERO.setScale(2)
                        : new BigDecimal(Double.toString(e.kg()))
                                .multiply(new BigDecimal(Double.toString(e.level())))
                                .divide(new BigDecimal(Double.toString(p.kgPerEquivalent())), 10, RoundingMode.HALF_UP)
                                .setScale(2, RoundingMode.HALF_UP);
            default:
                return ratio(e.kg(), p.kgPerEquivalent());
        }
    }

    /**
     * t of sewage per equivalent at a pH (附表二 三 第1项): below 6 the band [n, n+1), above 9 the band (n, n+1]; NaN
     * from 6 to 9 (not taxed) and outside 0–14.
     */
    public static double phValue(double ph) {
        for (double[] b : PH) {
            boolean in = ph < 6 ? ph >= b[0] && ph < b[1] : ph > 9 && ph > b[0] && ph <= b[1];
            if (in && (b[1] <= 6 || b[0] >= 9)) {
                return b[2];
            }
        }
        return Double.NaN;
    }

    /**
     * The lines of the emissions, each outlet-month taxed by the rules above, in the order given. Rates are yuan per
     * equivalent.
     */
    public static List<Line> tax(List<Emission> emissions, double airRate, double waterRate) {
        Map<String, List<Integer>> outlets = new LinkedHashMap<>();
        for (int i = 0; i < emissions.size(); i++) {
            Emission e = emissions.get(i);
            outlets.computeIfAbsent(
                            e.enterprise() + "|" + e.period() + "|" + e.outlet() + "|" + e.outletId(),
                            k -> new ArrayList<>())
                    .add(i);
        }
        BigDecimal[] eq = new BigDecimal[emissions.size()];
        boolean[] taxed = new boolean[emissions.size()];
        for (int i = 0; i < eq.length; i++) {
            eq[i] = equivalents(emissions.get(i));
        }
        Comparator<Integer> most = Comparator.<Integer, BigDecimal>comparing(i -> eq[i])
                .reversed()
                .thenComparing(i -> emissions.get(i).pollutant().code());
        for (List<Integer> outlet : outlets.values()) {
            String medium = emissions.get(outlet.get(0)).outlet();
            if (medium.equals("air")) {
                outlet.stream().sorted(most).limit(3).forEach(i -> taxed[i] = true);
                continue;
            }
            outlet.stream()
                    .filter(i -> emissions.get(i).pollutant().waterClass() == 1)
                    .sorted(most)
                    .limit(5)
                    .forEach(i -> taxed[i] = true);
            // of COD, BOD5 and TOC only the largest competes for the other class's three places
            Integer organic = outlet.stream()
                    .filter(i ->
                            ORGANIC_LOAD.contains(emissions.get(i).pollutant().code()))
                    .sorted(most)
                    .findFirst()
                    .orElse(null);
            // of 大肠菌群数 and 余氯量 only the larger
            Integer coliform = outlet.stream()
                    .filter(i -> COLIFORM_OR_CHLORINE.contains(
                            emissions.get(i).pollutant().code()))
                    .sorted(most)
                    .findFirst()
                    .orElse(null);
            outlet.stream()
                    .filter(i -> emissions.get(i).pollutant().waterClass() == 2)
                    .filter(i ->
                            !ORGANIC_LOAD.contains(emissions.get(i).pollutant().code()) || i.equals(organic))
                    .filter(i -> !COLIFORM_OR_CHLORINE.contains(
                                    emissions.get(i).pollutant().code())
                            || i.equals(coliform))
                    .filter(i -> eq[i].signum() > 0)
                    .sorted(most)
                    .limit(3)
                    .forEach(i -> taxed[i] = true);
        }
        List<Line> out = new ArrayList<>();
        for (int i = 0; i < eq.length; i++) {
            Emission e = emissions.get(i);
            double rate = e.outlet().equals("air") ? airRate : waterRate;
            BigDecimal tax = taxed[i]
                    ? eq[i].multiply(new BigDecimal(Double.toString(rate))).setScale(2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            out.add(new Line(e, eq[i], taxed[i], tax));
        }
        return out;
    }
}
