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
        double fast = plain(s);
        if (fast == fast) {
            return fast;
        }
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

    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22
    };

    /**
     * The value of a plain decimal ({@code -?digits[.digits]}, at most 15 digits, no exponent), NaN for anything else:
     * most figures people file are such decimals, and {@link #plain(byte[], int, int)} reads them exactly without the
     * general conversion. (A character outside Latin-1 becomes '?' in the bytes, which is not a digit.)
     */
    private static double plain(String s) {
        if (s.isEmpty() || s.length() > 17) {
            return Double.NaN;
        }
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean negative = b[0] == '-';
        double d = plain(b, negative ? 1 : 0, b.length);
        return negative ? -d : d;
    }

    /**
     * The value of the bytes [from, to) when they are an unsigned plain decimal ({@code digits[.digits]}, at most 15
     * digits, ASCII), NaN for anything else (which the caller then reads as text, with {@link #parse(String)}). Both
     * the digits as an integer (below 10¹⁵ < 2⁵³) and the power of ten (at most 10¹⁵) are exact doubles, so their
     * quotient is the correctly rounded value, the double {@link Double#parseDouble} gives (Clinger's fast path).
     */
    public static double plain(byte[] b, int from, int to) {
        long m = 0;
        int digits = 0;
        int fraction = -1;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                m = m * 10 + (c - '0');
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (c == '.' && fraction < 0) {
                fraction = 0;
            } else {
                return Double.NaN;
            }
        }
        if (digits == 0 || digits > 15) {
            return Double.NaN;
        }
        return fraction > 0 ? m / POW10[fraction] : m;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
