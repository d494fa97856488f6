package dev.peakline.domain;

import java.util.Optional;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from the 31-character set {@code 0-9 A-H J-N P-R T-U W-Y}
 * (no I, O, Z, S, V); the last is a check character, weights 3^i mod 31, check = 31 − (Σ mod 31).
 */
public record CreditCode(String value) implements Comparable<CreditCode> {
    static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        Optional<String> why = problemWith(value);
        if (why.isPresent()) {
            throw new IllegalArgumentException(why.get());
        }
    }

    /** Validates user input: empty when the code is valid, otherwise why it is not. */
    public static Optional<String> problemWith(String value) {
        if (value == null || value.length() != 18) {
            return Optional.of("a unified social credit code has 18 characters, this has "
                    + (value == null ? 0 : value.length()) + " ('" + value + "')");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARSET.indexOf(value.charAt(i)) < 0) {
                return Optional.of(
                        "character " + (i + 1) + " ('" + value.charAt(i)
                                + "') is not allowed in a unified social credit code (GB 32100: digits and capitals other than I, O, Z, S, V)");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(value.charAt(i))) {
                return Optional.of(
                        "characters 3-8 of a unified social credit code are the registering region code and must be digits");
            }
        }
        char expected = checkCharacter(value.substring(0, 17));
        if (value.charAt(17) != expected) {
            return Optional.of("check character of '" + value + "' is wrong: GB 32100 gives '" + expected
                    + "' for the first 17 characters");
        }
        return Optional.empty();
    }

    public static CreditCode of(String value) {
        return new CreditCode(value);
    }

    /** The GB 32100 check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CHARSET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("invalid character " + first17.charAt(i));
            }
            sum += v * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARSET.charAt(check == 31 ? 0 : check);
    }

    @Override
    public int compareTo(CreditCode o) {
        return value.compareTo(o.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
