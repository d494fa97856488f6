package dev.peakline.domain;

import dev.peakline.units.Quantity;
import java.time.YearMonth;
import java.util.Map;

/**
 * A process-emission input that needs more than quantity × factor, e.g. clinker with its CaO and MgO
 * fractions, aluminium with its anode-effect minutes.
 *
 * @param process the process code (see {@code ProcessFormulas})
 * @param quantity the driving quantity (clinker, aluminium, lime, carbonate … in mass units)
 * @param parameters named parameters (fractions as decimals, e.g. {@code cao=0.65})
 */
public record ProcessRecord(
        CreditCode enterprise,
        YearMonth period,
        String process,
        Quantity quantity,
        Map<String, String> parameters,
        int sourceRow) {
    public ProcessRecord {
        if (enterprise == null || period == null || process == null || quantity == null) {
            throw new IllegalArgumentException("process record fields must not be null");
        }
        parameters = Map.copyOf(parameters == null ? Map.of() : parameters);
        if (quantity.value() < 0) {
            throw new IllegalArgumentException("process quantity must not be negative");
        }
    }

    /** The parameters as they are stored and archived: {@code key=value} pairs in key order, separated by semicolons. */
    public static String joined(Map<String, String> parameters) {
        return new java.util.TreeMap<>(parameters)
                .entrySet().stream()
                        .map(x -> x.getKey() + "=" + x.getValue())
                        .collect(java.util.stream.Collectors.joining(";"));
    }
}
