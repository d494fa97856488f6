package dev.peakline.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One rule of a top-down method, as its method table states it: which rule, its parameters, why, and the source. The
 * engine applies exactly the conventions its method lists; removing one from the table removes its effect.
 */
public record Convention(Rule rule, Map<String, String> parameters, String reason, String source) {

    /** The rules a method can be made of. */
    public enum Rule {
        /** Each sector's own Total Final Consumption row is its activity; {@code negative=zero} drops negative entries. */
        FINAL_CONSUMPTION,
        /** Positive entries of the listed transformation {@code rows} are burned by {@code sector}. */
        TRANSFORMATION_INPUTS,
        /** The Non-Energy Use row is subtracted fuel by fuel from {@code sectors}, pro rata, floored at 0. */
        NON_ENERGY_PRO_RATA,
        /** The listed {@code rows} burn nothing; a row neither taken nor listed is an error. */
        NOT_COMBUSTED,
        /** The listed {@code fuels} emit only as transformation inputs, never from final consumption. */
        TRANSFORMATION_ONLY,
        /** The listed {@code fuels} carry no scope-1 CO2. */
        NO_SCOPE1,
        /** The listed {@code fuels} take the factor of the sector's coal group; others one factor. */
        SECTOR_GROUP_FACTORS,
        /** Cement process CO2 = clinker × the process {@code factor} of the reference library. */
        CEMENT_CLINKER
    }

    public Convention {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses "sectors=1-47;negative=zero". */
    static Map<String, String> parseParameters(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("parameter without '=': " + part);
            }
            m.put(
                    part.substring(0, eq).strip().toLowerCase(Locale.ROOT),
                    part.substring(eq + 1).strip());
        }
        return m;
    }

    public String parameter(String name) {
        String v = parameters.get(name);
        if (v == null) {
            throw new IllegalStateException(rule + " needs the parameter '" + name + "'");
        }
        return v;
    }

    /** A '|'-separated list parameter. */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String s : parameter(name).split("\\|")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** A range parameter "22-26" or a single number. */
    public int[] range(String name) {
        String v = parameter(name);
        int dash = v.indexOf('-');
        return dash < 0
                ? new int[] {Integer.parseInt(v), Integer.parseInt(v)}
                : new int[] {
                    Integer.parseInt(v.substring(0, dash).strip()),
                    Integer.parseInt(v.substring(dash + 1).strip())
                };
    }

    @Override
    public String toString() {
        return rule.name().toLowerCase(Locale.ROOT) + " " + parameters;
    }
}
