package dev.peakline.domain;

/** A GB/T 4754-2017 industry code: a section letter (A–T) or 2, 3 or 4 digits. Membership is checked by the registry. */
public record IndustryCode(String value) implements Comparable<IndustryCode> {

    public IndustryCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "a GB/T 4754 industry code is a letter A-T or 2-4 digits: '" + value + "'");
        }
    }

    /** A section letter A–T, or 2 to 4 digits (without a regular expression: it runs for every row read). */
    public static boolean isValid(String value) {
        if (value == null) {
            return false;
        }
        if (value.length() == 1) {
            return value.charAt(0) >= 'A' && value.charAt(0) <= 'T';
        }
        if (value.length() < 2 || value.length() > 4) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static IndustryCode of(String value) {
        return new IndustryCode(value);
    }

    @Override
    public int compareTo(IndustryCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
