package dev.peakline.units;

/**
 * The one grammar of numbers typed or uploaded by people and gateways: an optional sign, decimal digits with at most one
 * dot, and an optional exponent ({@code -12}, {@code 0.5}, {@code .5}, {@code 3.}, {@code 1.2e-3}, {@code 4E+06}).
 * Java's own parser takes more ({@code 0x1p3}, {@code 100d}, {@code 1f}, {@code Infinity}, {@code NaN}) and
 * underscores are not numbers in any file format; those are refused here. The check is one pass over the characters,
 * no regular expression, so it costs nothing next to the conversion.
 */
public final class Decimals {
    private Decimals() {}

    /** Whether {@code s} (already trimmed) is a decimal number in the grammar above. */
    public static boolean isDecimal(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exp = 0;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
                exp++;
            }
            if (exp == 0 || exp > 4) {
                return false;
            }
        }
        return i == n;
    }

    /**
     * The finite value of a decimal number.
     *
     * @throws NumberFormatException when {@code s} is not in the grammar or its value overflows a double
     */
    public static double parse(String s) {
        String t = s.strip();
        if (!isDecimal(t)) {
            throw new NumberFormatException("'" + s + "' is not a decimal number");
        }
        double d = Double.parseDouble(t);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("'" + s + "' is too large");
        }
        return d;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
