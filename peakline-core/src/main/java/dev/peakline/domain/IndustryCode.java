package dev.peakline.domain;

/** A GB/T 4754-2017 industry code: a section letter (A–T) or 2, 3 or 4 digits. Membership is checked by the registry. */
public record IndustryCode(String value) implements Comparable<IndustryCode> {

    public IndustryCode {
        if (value == null || !value.matches("[A-T]|[0-9]{2,4}")) {
            throw new IllegalArgumentException(
                    "a GB/T 4754 industry code is a letter A-T or 2-4 digits: '" + value + "'");
        }
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
