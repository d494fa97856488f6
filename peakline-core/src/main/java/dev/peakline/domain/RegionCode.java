package dev.peakline.domain;

/** A GB/T 2260 six-digit administrative division code, e.g. {@code 520102}. Membership is checked by the region registry. */
public record RegionCode(String value) implements Comparable<RegionCode> {

    public RegionCode {
        if (!isValid(value)) {
            throw new IllegalArgumentException(
                    "a GB/T 2260 region code has six digits, not starting with 0: '" + value + "'");
        }
    }

    /** Whether the text is a well-formed code (six digits, not starting with 0); says nothing about existence. */
    public static boolean isValid(String value) {
        if (value == null || value.length() != 6 || value.charAt(0) < '1' || value.charAt(0) > '9') {
            return false;
        }
        for (int i = 1; i < 6; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    public static RegionCode of(String value) {
        return new RegionCode(value);
    }

    /** The province code ({@code 520000}) this code belongs to. */
    public RegionCode province() {
        return new RegionCode(value.substring(0, 2) + "0000");
    }

    public boolean isProvince() {
        return value.endsWith("0000");
    }

    @Override
    public int compareTo(RegionCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
