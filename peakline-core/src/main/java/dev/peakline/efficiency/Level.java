package dev.peakline.efficiency;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One threshold as the reference table states it. {@code value} is null when the table has no usable number
 * (blank, "—", "UNCONFIRMED", or two values for sub-cases); {@code exact} is false when a number carries a remark
 * ("12.0 (presumed)") and the remark is kept in {@code stated}.
 */
public record Level(Double value, String stated, boolean exact) {
    private static final Pattern NUMBER = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)(\\s*\\([^()]*\\))?$");

    public static Level parse(String cell) {
        String s = cell == null ? "" : cell.strip();
        Matcher m = NUMBER.matcher(s);
        if (m.matches()) {
            return new Level(Double.valueOf(m.group(1)), s, m.group(2) == null);
        }
        return new Level(null, s, false);
    }

    public boolean known() {
        return value != null;
    }

    /** Whether the table marks the value UNCONFIRMED (with or without a recalled number). */
    public boolean unconfirmed() {
        return stated.toUpperCase(java.util.Locale.ROOT).contains("UNCONFIRMED");
    }
}
