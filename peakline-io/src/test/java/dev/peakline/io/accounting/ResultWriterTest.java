package dev.peakline.io.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The result files' figures: the fast formatter prints exactly what {@code %.6f} prints, for any double. */
class ResultWriterTest {
    static String formatter(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    @Test
    void figuresReadAsPercentSixFWould() {
        // the cases rounding turns on: halves at the seventh place, negative zero, tiny negatives, large values
        double[] known = {
            0,
            -0.0,
            1,
            -1,
            0.0000005,
            0.0000015,
            0.0000025,
            -0.0000005,
            1.0000005,
            2.675,
            1e-7,
            -1e-7,
            -1e-12,
            123456789.123456789,
            9.999999e9,
            1e15,
            1.0005,
            0.1 + 0.2,
            17470.8827,
            63628.617377,
            Double.MIN_VALUE,
            -Double.MIN_VALUE,
            1e300,
            -1e300,
            0.015625,
            999999999.5,
            4.0
        };
        for (double v : known) {
            assertThat(ResultWriter.num(v)).as("%s", v).isEqualTo(formatter(v));
        }
        assertThat(ResultWriter.num(Double.NaN)).isEmpty();
        // and 300,000 random figures of every magnitude a result holds
        SplittableRandom r = new SplittableRandom(2026);
        for (int i = 0; i < 300_000; i++) {
            double v = switch (i % 6) {
                case 0 -> r.nextDouble() * 1e6;
                case 1 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(-9, 13));
                case 2 -> Math.round(r.nextDouble() * 1e9) / 1e7 + 5e-7;
                // whole numbers and binary fractions whose every digit fits in six decimals (the exact path)
                case 3 -> (double) r.nextLong(0, 1L << 40) / 64;
                case 4 -> (double) r.nextInt(-1_000_000, 1_000_000);
                default -> Double.longBitsToDouble(r.nextLong() & 0x7fefffffffffffffL) * (r.nextBoolean() ? 1 : -1);
            };
            String fast = ResultWriter.num(v);
            if (!fast.equals(formatter(v))) {
                assertThat(fast)
                        .as("%s (bits %x)", v, Double.doubleToRawLongBits(v))
                        .isEqualTo(formatter(v));
            }
        }
    }
}
