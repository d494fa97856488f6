package dev.peakline.reference;

import dev.peakline.problems.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads factor tables into governed {@link FactorSet}s. Every problem (unknown carrier, bad number, wrong unit,
 * overlapping validity for one key) is reported with its row and column; a set with problems is not built.
 */
public final class FactorSetLoader {
    /** Shipped set id; results record it with the version. */
    public static final String SHIPPED_ID = "peakline-reference";

    public static final String SHIPPED_VERSION = "2026.11.3";

    /** Columns of a user factor file. */
    public static final List<String> USER_HEADER = List.of(
            "kind",
            "item",
            "qualifier",
            "value",
            "unit",
            "valid_from",
            "valid_to",
            "publication",
            "source_id",
            "confidence",
            "notes");

    private static final Map<FactorKind, Set<String>> UNITS = Map.of(
            FactorKind.NCV, Set.of("GJ/t", "GJ/万Nm3"),
            FactorKind.CARBON_CONTENT, Set.of("tC/TJ"),
            FactorKind.OXIDATION, Set.of("fraction"),
            FactorKind.COAL_EQUIVALENT, Set.of("tce/t", "tce/万Nm3", "tce/MWh", "tce/GJ"),
            FactorKind.ELECTRICITY, Set.of("tCO2/MWh"),
            FactorKind.HEAT, Set.of("tCO2/GJ"),
            FactorKind.GWP, Set.of("1"));

    public record Result(FactorSet set, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private FactorSetLoader() {}

    /** The factor set shipped in the jar (built from ../shared/reference by tools/build_reference.py). */
    static FactorSet loadShipped(Map<String, EnergyCarrier> carriers) {
        List<EmissionFactor> f = new ArrayList<>();
        for (Csv.Row r : Registry.rows("combustion_factors.csv")) {
            String variant = r.get(0);
            String carrier = r.get(1);
            String pub = r.get(8);
            f.add(factor(FactorKind.NCV, carrier, variant, r.get(2), r.get(3), r, 6, pub, 9, 10, 11));
            f.add(factor(FactorKind.CARBON_CONTENT, carrier, variant, r.get(4), "tC/TJ", r, 6, pub, 9, 10, 11));
            f.add(factor(FactorKind.OXIDATION, carrier, variant, r.get(5), "fraction", r, 6, pub, 9, 10, 11));
        }
        for (Csv.Row r : Registry.rows("coal_equivalents.csv")) {
            EnergyCarrier c = carriers.get(r.get(0));
            if (c == null) {
                throw new IllegalStateException(
                        "coal_equivalents.csv line " + r.line() + ": unknown carrier " + r.get(0));
            }
            f.add(factor(
                    FactorKind.COAL_EQUIVALENT,
                    r.get(0),
                    r.get(1),
                    r.get(2),
                    "tce/" + c.activityUnit().symbol(),
                    r,
                    4,
                    r.get(6),
                    7,
                    8,
                    9));
        }
        for (Csv.Row r : Registry.rows("electricity_factors.csv")) {
            String pub = r.get(7)
                    + (r.get(8).isEmpty() ? "" : " (published " + r.get(8) + ")")
                    + (r.get(6).isEmpty() ? "" : "; data year " + r.get(6));
            f.add(factor(FactorKind.ELECTRICITY, r.get(0), r.get(2), r.get(3), "tCO2/MWh", r, 4, pub, 9, 10, 11));
        }
        for (Csv.Row r : Registry.rows("process_factors.csv")) {
            String key = r.get(0);
            if (key.startsWith("heat.")) {
                f.add(factor(FactorKind.HEAT, "heat", "default", r.get(2), r.get(3), r, 4, r.get(6), 7, 8, 9));
            } else {
                f.add(factor(FactorKind.PROCESS, key, "", r.get(2), r.get(3), r, 4, r.get(6), 7, 8, 9));
            }
        }
        for (Csv.Row r : Registry.rows("gwp.csv")) {
            f.add(new EmissionFactor(
                    FactorKey.of(FactorKind.GWP, r.get(0), r.get(1)),
                    Double.parseDouble(r.get(2)),
                    "1",
                    null,
                    null,
                    "IPCC " + r.get(1) + " GWP100",
                    "IPCC-" + r.get(1),
                    r.get(3),
                    r.get(4),
                    r.line()));
        }
        return new FactorSet(
                SHIPPED_ID,
                SHIPPED_VERSION,
                "China statutory defaults: NDRC guideline fuel tables, GB/T 2589 coefficients, MEE/NBS electricity factors, "
                        + "process parameters and IPCC GWP sets, as graded in shared/reference/METHODOLOGY.md",
                f);
    }

    private static EmissionFactor factor(
            FactorKind kind,
            String item,
            String qualifier,
            String value,
            String unit,
            Csv.Row r,
            int validFromCol,
            String publication,
            int sourceCol,
            int confidenceCol,
            int notesCol) {
        String from = r.get(validFromCol);
        String to = r.get(validFromCol + 1);
        return new EmissionFactor(
                FactorKey.of(kind, item, qualifier),
                Double.parseDouble(value),
                unit,
                from.isEmpty() ? null : LocalDate.parse(from),
                to.isEmpty() ? null : LocalDate.parse(to),
                publication,
                r.get(sourceCol),
                r.get(confidenceCol),
                r.get(notesCol),
                r.line());
    }

    /** A library with a user's factor file on top, or the problems of the file. */
    public record Overlay(ReferenceLibrary library, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The library with the factor file {@code fileName} (its text, a leading BOM allowed) on top; the set's id is the
     * file's name without its extension. The CLI and the Spark job read factor files through this.
     */
    public static Overlay overlay(ReferenceLibrary library, String fileName, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String id = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        Result r = readUserSet(id, fileName, text, library);
        return r.ok() ? new Overlay(library.withOverride(r.set()), List.of()) : new Overlay(null, r.problems());
    }

    /**
     * Reads a user factor file (columns {@link #USER_HEADER}) into a set whose id is {@code id} and whose version is
     * the first 12 hex digits of the SHA-256 of the text, so results name exactly the factors they used.
     */
    public static Result readUserSet(String id, String sourceName, String text, ReferenceLibrary library) {
        List<Problem> problems = new ArrayList<>();
        List<Csv.Row> rows = Csv.read(new java.io.StringReader(text));
        if (rows.isEmpty()) {
            problems.add(Problem.at("factors.empty", sourceName, 0, "", "the factor file is empty"));
            return new Result(null, problems);
        }
        Csv.Row header = rows.get(0);
        for (int i = 0; i < USER_HEADER.size(); i++) {
            if (!USER_HEADER.get(i).equalsIgnoreCase(header.get(i))) {
                problems.add(Problem.at(
                        "factors.header",
                        sourceName,
                        header.line(),
                        USER_HEADER.get(i),
                        "expected column " + (i + 1) + " to be '" + USER_HEADER.get(i) + "', found '" + header.get(i)
                                + "'; the header is " + String.join(",", USER_HEADER)));
                return new Result(null, problems);
            }
        }
        List<EmissionFactor> factors = new ArrayList<>();
        for (Csv.Row r : rows.subList(1, rows.size())) {
            EmissionFactor f = parseUserRow(sourceName, r, library, problems);
            if (f != null) {
                factors.add(f);
            }
        }
        problems.addAll(overlaps(sourceName, factors));
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        return new Result(new FactorSet(id, sha12(text), "user factor set from " + sourceName, factors), problems);
    }

    private static EmissionFactor parseUserRow(String src, Csv.Row r, ReferenceLibrary lib, List<Problem> problems) {
        int before = problems.size();
        var kind = FactorKind.parse(r.get(0));
        if (kind.isEmpty()) {
            problems.add(
                    Problem.at(
                            "factors.kind",
                            src,
                            r.line(),
                            "kind",
                            "unknown factor kind '" + r.get(0)
                                    + "'; use one of combustion.ncv, combustion.carbon_content, combustion.oxidation, coal_equivalent, electricity, heat, process, gwp"));
            return null;
        }
        String item = r.get(1);
        String qualifier = r.get(2);
        if (item.isEmpty()) {
            problems.add(Problem.at("factors.item", src, r.line(), "item", "item is empty"));
        }
        FactorKind k = kind.get();
        if (k == FactorKind.NCV
                || k == FactorKind.CARBON_CONTENT
                || k == FactorKind.OXIDATION
                || k == FactorKind.COAL_EQUIVALENT) {
            var carrier = lib.carrier(item);
            if (carrier.isEmpty()) {
                problems.add(
                        Problem.at("factors.carrier", src, r.line(), "item", "unknown energy carrier '" + item + "'"));
            } else {
                item = carrier.get().code();
            }
        }
        if (k == FactorKind.ELECTRICITY
                && !item.equals("CN")
                && !item.startsWith("grid:")
                && lib.registry().region(item).isEmpty()) {
            problems.add(Problem.at(
                    "factors.area",
                    src,
                    r.line(),
                    "item",
                    "electricity area '" + item + "' is neither CN, grid:<name> nor a GB/T 2260 code"));
        }
        if (k == FactorKind.PROCESS
                && lib.set(SHIPPED_ID).factors(FactorKey.of(k, item, "")).isEmpty()) {
            problems.add(
                    Problem.at("factors.process", src, r.line(), "item", "unknown process parameter '" + item + "'"));
        }
        double value = Double.NaN;
        try {
            value = Double.parseDouble(r.get(3));
        } catch (NumberFormatException e) {
            problems.add(Problem.at(
                    "factors.value",
                    src,
                    r.line(),
                    "value",
                    "'" + r.get(3) + "' is not a number (use a dot as decimal separator)"));
        }
        if (!Double.isNaN(value) && (!(value > 0) || !Double.isFinite(value))) {
            problems.add(Problem.at(
                    "factors.value", src, r.line(), "value", "a factor must be a positive number, not " + r.get(3)));
        }
        if (k == FactorKind.OXIDATION && value > 1) {
            problems.add(Problem.at(
                    "factors.value",
                    src,
                    r.line(),
                    "value",
                    "an oxidation rate is a fraction at most 1, not " + r.get(3)));
        }
        String unit = r.get(4);
        Set<String> units = UNITS.get(k);
        if (units != null && !units.contains(unit)) {
            problems.add(Problem.at(
                    "factors.unit",
                    src,
                    r.line(),
                    "unit",
                    "unit '" + unit + "' does not fit " + k.code() + "; expected " + units));
        }
        LocalDate from = date(src, r, 5, "valid_from", problems);
        LocalDate to = date(src, r, 6, "valid_to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(Problem.at(
                    "factors.validity", src, r.line(), "valid_to", "valid_to " + to + " is before valid_from " + from));
        }
        if (r.get(7).isEmpty()) {
            problems.add(Problem.at(
                    "factors.publication",
                    src,
                    r.line(),
                    "publication",
                    "every factor needs the publication it comes from"));
        }
        if (problems.size() > before) {
            return null;
        }
        return new EmissionFactor(
                FactorKey.of(k, item, qualifier),
                value,
                unit,
                from,
                to,
                r.get(7),
                r.get(8),
                r.get(9),
                r.get(10),
                r.line());
    }

    private static LocalDate date(String src, Csv.Row r, int col, String name, List<Problem> problems) {
        String s = r.get(col);
        if (s.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            problems.add(Problem.at("factors.date", src, r.line(), name, "'" + s + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    /** Problems for every pair of factors with the same key and overlapping validity. */
    static List<Problem> overlaps(String src, List<EmissionFactor> factors) {
        Map<FactorKey, List<EmissionFactor>> byKey = new HashMap<>();
        factors.forEach(
                f -> byKey.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f));
        List<Problem> out = new ArrayList<>();
        Set<Integer> reported = new HashSet<>();
        for (List<EmissionFactor> l : byKey.values()) {
            l.sort(Comparator.comparingInt(EmissionFactor::sourceRow));
            for (int i = 0; i < l.size(); i++) {
                for (int j = i + 1; j < l.size(); j++) {
                    if (l.get(i).overlaps(l.get(j)) && reported.add(l.get(j).sourceRow())) {
                        out.add(Problem.at(
                                "factors.overlap",
                                src,
                                l.get(j).sourceRow(),
                                "valid_from",
                                "factor " + l.get(j).key() + " (valid "
                                        + l.get(j).validity() + ") overlaps the one on line "
                                        + l.get(i).sourceRow() + " (valid "
                                        + l.get(i).validity() + "); a key may have one factor per day"));
                    }
                }
            }
        }
        out.sort(Comparator.comparingInt(Problem::row));
        return out;
    }

    static String sha12(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                sb.append(String.format(java.util.Locale.ROOT, "%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
