package dev.peakline.app.server.footprint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.problems.Problem;
import dev.peakline.store.footprint.FootprintRepository;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A product footprint in the PACT (WBCSD Pathfinder) Technical Specification 3.0 data model ({@code ProductFootprint}
 * with its {@code pcf}: {@code CarbonFootprint}), for exchange along supply chains: written from a saved footprint,
 * and read back with every required field and value format of the specification checked, fossil and biogenic parts
 * apart, and the specification's rule pcfIncludingBiogenicUptake = pcfExcludingBiogenicUptake + biogenicCO2Uptake
 * enforced. The checks are Peakline's own, written from the specification's schema (its required lists, patterns and
 * enumerations); the specification's files are not shipped.
 */
public final class Pact {
    private Pact() {}

    public static final String SPEC_VERSION = "3.0.0";

    static final List<String> REQUIRED = List.of(
            "id",
            "specVersion",
            "created",
            "status",
            "companyName",
            "companyIds",
            "productDescription",
            "productIds",
            "productNameCompany",
            "pcf");
    static final List<String> PCF_REQUIRED = List.of(
            "declaredUnitOfMeasurement",
            "declaredUnitAmount",
            "productMassPerDeclaredUnit",
            "referencePeriodStart",
            "referencePeriodEnd",
            "pcfExcludingBiogenicUptake",
            "pcfIncludingBiogenicUptake",
            "fossilGhgEmissions",
            "fossilCarbonContent",
            "ipccCharacterizationFactors",
            "crossSectoralStandards",
            "exemptedEmissionsPercent");
    static final Set<String> UNITS = Set.of(
            "liter",
            "kilogram",
            "cubic meter",
            "kilowatt hour",
            "megajoule",
            "ton kilometer",
            "square meter",
            "piece",
            "hour",
            "megabit second");
    static final Pattern UUID_FORMAT =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+\\.\\d+(-\\d{8})?$");
    static final Pattern URN = Pattern.compile("^([uU][rR][nN]):.+");
    static final Pattern DECIMAL = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");
    static final Pattern AR = Pattern.compile("^AR\\d+$");
    static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
    /** Fields that are ≥ 0 and ≤ 0 decimals in the specification. */
    static final Set<String> NON_NEGATIVE = Set.of(
            "fossilGhgEmissions",
            "fossilCarbonContent",
            "biogenicCarbonContent",
            "recycledCarbonContent",
            "landUseChangeGhgEmissions",
            "biogenicNonCO2Emissions",
            "aircraftGhgEmissions",
            "packagingGhgEmissions");

    static final Set<String> NON_POSITIVE = Set.of("biogenicCO2Uptake", "landManagementBiogenicCO2Removals");

    /** ISO 3166-2 subdivisions of the provinces Peakline serves (GB/T 2260 province code → code). */
    static final Map<String, String> SUBDIVISION = Map.of("52", "CN-GZ");

    static String decimal(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    /**
     * The footprint as a PACT ProductFootprint. Peakline's declared unit is one tonne (1,000 kg) of the product; every
     * emission in the accounts is fossil (combustion, processes, purchased electricity and heat), so the biogenic
     * uptake is 0 and the two totals are equal.
     */
    public static Map<String, Object> export(
            FootprintRepository.Footprint f, String companyName, String region, String gwpReport) {
        Map<String, Object> pcf = new LinkedHashMap<>();
        pcf.put("declaredUnitOfMeasurement", "kilogram");
        pcf.put("declaredUnitAmount", "1000");
        pcf.put("productMassPerDeclaredUnit", "1000");
        pcf.put("referencePeriodStart", f.year() + "-01-01T00:00:00+08:00");
        pcf.put("referencePeriodEnd", (f.year() + 1) + "-01-01T00:00:00+08:00");
        pcf.put("geographyCountry", "CN");
        String sub = SUBDIVISION.get(region.substring(0, 2));
        if (sub != null) {
            pcf.put("geographyCountrySubdivision", sub);
        }
        pcf.put(
                "boundaryProcessesDescription",
                "Cradle to gate: the enterprise's own production (its approved scope 1 and scope 2 of the year,"
                        + " allocated) and the purchased inputs entered with their declared footprints");
        String excluding = decimal(f.kgPerUnit());
        pcf.put("pcfExcludingBiogenicUptake", excluding);
        pcf.put("biogenicCO2Uptake", "0");
        pcf.put("pcfIncludingBiogenicUptake", decimal(f.kgPerUnit() + 0.0));
        pcf.put("fossilGhgEmissions", excluding);
        pcf.put("fossilCarbonContent", "0");
        pcf.put("biogenicCarbonContent", "0");
        pcf.put("ipccCharacterizationFactors", List.of(gwpReport));
        pcf.put("crossSectoralStandards", List.of("ISO14067"));
        pcf.put("exemptedEmissionsPercent", "0");
        pcf.put(
                "exemptedEmissionsDescription",
                "Purchased inputs without a declared footprint with a source are outside the modelled system");
        pcf.put(
                "allocationRulesDescription",
                f.allocation() + " allocation, share " + decimal(f.share())
                        + (f.basis().isEmpty() ? "" : " (" + f.basis() + ")"));
        pcf.put("primaryDataShare", decimal(Math.round(f.primaryShare() * 1e6) / 1e4));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(
                "id",
                UUID.nameUUIDFromBytes(
                                ("peakline-footprint-" + f.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString());
        out.put("specVersion", SPEC_VERSION);
        out.put("created", f.createdAt().toString());
        out.put("status", "Active");
        out.put("companyName", companyName);
        out.put("companyIds", List.of("urn:pact:peakline:company:" + f.enterprise()));
        out.put("productDescription", f.product() + " (" + f.year() + ")");
        out.put("productIds", List.of("urn:pact:peakline:product:" + f.enterprise() + ":" + f.id()));
        out.put("productNameCompany", f.product());
        out.put("comment", "Exported by Peakline from approved accounts; not third-party verified");
        out.put("pcf", pcf);
        return out;
    }

    /** A checked PACT footprint: its product, kg CO2e per declared unit (excluding and including biogenic uptake). */
    public record Read(
            String product,
            String company,
            String unit,
            double declaredAmount,
            double excluding,
            double including,
            double biogenicUptake,
            double fossil) {
        /** kg CO2e per kg (or per the declared unit's base unit), excluding biogenic uptake. */
        public double perBaseUnit() {
            return excluding / declaredAmount;
        }
    }

    /** Reads a PACT ProductFootprint; the problems name each field (JSON pointer) that breaks the specification. */
    public static Read read(JsonNode pf, List<Problem> problems) {
        int before = problems.size();
        for (String k : REQUIRED) {
            if (!pf.hasNonNull(k)) {
                problems.add(field("/" + k, "the required field " + k + " is missing"));
            }
        }
        check(pf, "id", UUID_FORMAT, "a UUID", problems);
        check(pf, "specVersion", VERSION, "a version such as 3.0.0", problems);
        if (pf.hasNonNull("created")) {
            try {
                Instant.parse(pf.get("created").asText());
            } catch (java.time.format.DateTimeParseException e) {
                try {
                    java.time.OffsetDateTime.parse(pf.get("created").asText());
                } catch (java.time.format.DateTimeParseException e2) {
                    problems.add(field("/created", "created is an RFC 3339 date-time"));
                }
            }
        }
        if (pf.hasNonNull("status")
                && !Set.of("Active", "Deprecated").contains(pf.get("status").asText())) {
            problems.add(field("/status", "status is Active or Deprecated"));
        }
        for (String k : List.of("companyIds", "productIds")) {
            JsonNode a = pf.get(k);
            if (a != null && (!a.isArray() || a.isEmpty())) {
                problems.add(field("/" + k, k + " is a non-empty list of URNs"));
            } else if (a != null) {
                for (int i = 0; i < a.size(); i++) {
                    if (!URN.matcher(a.get(i).asText()).matches()) {
                        problems.add(field("/" + k + "/" + i, "'" + a.get(i).asText() + "' is not a URN (urn:…)"));
                    }
                }
            }
        }
        for (String k : List.of("companyName", "productNameCompany")) {
            if (pf.hasNonNull(k) && pf.get(k).asText().isEmpty()) {
                problems.add(field("/" + k, k + " is not empty"));
            }
        }
        JsonNode pcf = pf.get("pcf");
        if (pcf != null && pcf.isObject()) {
            for (String k : PCF_REQUIRED) {
                if (!pcf.hasNonNull(k)) {
                    problems.add(field("/pcf/" + k, "the required field pcf." + k + " is missing"));
                }
            }
            if (pcf.hasNonNull("declaredUnitOfMeasurement")
                    && !UNITS.contains(pcf.get("declaredUnitOfMeasurement").asText())) {
                problems.add(field("/pcf/declaredUnitOfMeasurement", "not a unit of the specification"));
            }
            pcf.fields().forEachRemaining(e -> {
                String k = e.getKey();
                boolean decimal = k.startsWith("pcf")
                        || NON_NEGATIVE.contains(k)
                        || NON_POSITIVE.contains(k)
                        || List.of(
                                        "declaredUnitAmount",
                                        "productMassPerDeclaredUnit",
                                        "exemptedEmissionsPercent",
                                        "primaryDataShare")
                                .contains(k);
                if (decimal
                        && !(e.getValue().isTextual()
                                && DECIMAL.matcher(e.getValue().asText()).matches())) {
                    problems.add(field("/pcf/" + k, k + " is a decimal written as a string, e.g. \"2.5\""));
                } else if (decimal
                        && NON_NEGATIVE.contains(k)
                        && new BigDecimal(e.getValue().asText()).signum() < 0) {
                    problems.add(field("/pcf/" + k, k + " is zero or more"));
                } else if (decimal
                        && NON_POSITIVE.contains(k)
                        && new BigDecimal(e.getValue().asText()).signum() > 0) {
                    problems.add(field("/pcf/" + k, k + " is zero or less (an uptake is negative)"));
                }
            });
            if (pcf.hasNonNull("declaredUnitAmount")
                    && DECIMAL.matcher(pcf.get("declaredUnitAmount").asText()).matches()
                    && new BigDecimal(pcf.get("declaredUnitAmount").asText()).signum() <= 0) {
                problems.add(field("/pcf/declaredUnitAmount", "declaredUnitAmount is above 0"));
            }
            JsonNode ar = pcf.get("ipccCharacterizationFactors");
            if (ar != null && (!ar.isArray() || ar.isEmpty())) {
                problems.add(field("/pcf/ipccCharacterizationFactors", "a non-empty list such as [\"AR6\"]"));
            } else if (ar != null) {
                ar.forEach(x -> {
                    if (!AR.matcher(x.asText()).matches()) {
                        problems.add(field("/pcf/ipccCharacterizationFactors", "'" + x.asText() + "' is not ARn"));
                    }
                });
            }
            if (pcf.hasNonNull("geographyCountry")
                    && !COUNTRY.matcher(pcf.get("geographyCountry").asText()).matches()) {
                problems.add(field("/pcf/geographyCountry", "an ISO 3166-1 alpha-2 code"));
            }
        } else if (pcf != null) {
            problems.add(field("/pcf", "pcf is an object"));
        }
        if (problems.size() > before) {
            return null;
        }
        double excluding =
                Double.parseDouble(pcf.get("pcfExcludingBiogenicUptake").asText());
        double including =
                Double.parseDouble(pcf.get("pcfIncludingBiogenicUptake").asText());
        double uptake = pcf.hasNonNull("biogenicCO2Uptake")
                ? Double.parseDouble(pcf.get("biogenicCO2Uptake").asText())
                : 0;
        // the specification's rule: including = excluding + uptake (the uptake negative)
        if (Math.abs(including - (excluding + uptake)) > 1e-9 * Math.max(1, Math.abs(excluding))) {
            problems.add(field(
                    "/pcf/pcfIncludingBiogenicUptake",
                    "pcfIncludingBiogenicUptake "
                            + pcf.get("pcfIncludingBiogenicUptake").asText()
                            + " is not pcfExcludingBiogenicUptake + biogenicCO2Uptake = "
                            + decimal(excluding + uptake)));
            return null;
        }
        return new Read(
                pf.get("productNameCompany").asText(),
                pf.get("companyName").asText(),
                pcf.get("declaredUnitOfMeasurement").asText(),
                Double.parseDouble(pcf.get("declaredUnitAmount").asText()),
                excluding,
                including,
                uptake,
                Double.parseDouble(pcf.get("fossilGhgEmissions").asText()));
    }

    private static Problem field(String pointer, String message) {
        return Problem.at("footprint.pact", "pact", 0, pointer, message);
    }

    private static void check(JsonNode pf, String key, Pattern p, String what, List<Problem> problems) {
        if (pf.hasNonNull(key) && !p.matcher(pf.get(key).asText()).matches()) {
            problems.add(field("/" + key, key + " '" + pf.get(key).asText() + "' is not " + what));
        }
    }
}
