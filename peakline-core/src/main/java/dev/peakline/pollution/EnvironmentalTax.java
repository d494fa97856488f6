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
 */
public final class EnvironmentalTax {
    /** A pollutant of the table. */
    public record Pollutant(String medium, int waterClass, String code, String nameCn, double kgPerEquivalent) {}

    /** One pollutant of an outlet in a month, as filed: its emissions in kg. */
    public record Emission(String enterprise, String period, String outlet, Pollutant pollutant, double kg) {}

    /** What the tax makes of it. */
    public record Line(Emission emission, BigDecimal equivalents, boolean taxed, BigDecimal taxYuan) {}

    /** The statutory range of the rates per equivalent (附表一). */
    public static final double AIR_MIN = 1.2;

    public static final double AIR_MAX = 12;
    public static final double WATER_MIN = 1.4;
    public static final double WATER_MAX = 14;

    private static final Set<String> ORGANIC_LOAD = Set.of("COD", "BOD5", "TOC");

    private final Map<String, Pollutant> byName = new HashMap<>();
    private final List<Pollutant> all = new ArrayList<>();

    private EnvironmentalTax() {
        for (Csv.Row r : Csv.resource(EnvironmentalTax.class, "pollution_equivalents.csv")) {
            Pollutant p = new Pollutant(
                    r.get(0),
                    r.get(1).isEmpty() ? 0 : Integer.parseInt(r.get(1)),
                    r.get(2),
                    r.get(3),
                    Double.parseDouble(r.get(5)));
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
        return new BigDecimal(Double.toString(kg))
                .divide(new BigDecimal(Double.toString(p.kgPerEquivalent())), 10, RoundingMode.HALF_UP)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The lines of the emissions, each outlet-month taxed by the rules above, in the order given. Rates are yuan per
     * equivalent.
     */
    public static List<Line> tax(List<Emission> emissions, double airRate, double waterRate) {
        Map<String, List<Integer>> outlets = new LinkedHashMap<>();
        for (int i = 0; i < emissions.size(); i++) {
            Emission e = emissions.get(i);
            outlets.computeIfAbsent(e.enterprise() + "|" + e.period() + "|" + e.outlet(), k -> new ArrayList<>())
                    .add(i);
        }
        BigDecimal[] eq = new BigDecimal[emissions.size()];
        boolean[] taxed = new boolean[emissions.size()];
        for (int i = 0; i < eq.length; i++) {
            eq[i] = equivalents(emissions.get(i).kg(), emissions.get(i).pollutant());
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
            outlet.stream()
                    .filter(i -> emissions.get(i).pollutant().waterClass() == 2)
                    .filter(i ->
                            !ORGANIC_LOAD.contains(emissions.get(i).pollutant().code()) || i.equals(organic))
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
