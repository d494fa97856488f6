package dev.peakline.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecimalsTest {
    @Test
    void decimalsInEveryUsualSpellingAreRead() {
        assertThat(Decimals.parse("12")).isEqualTo(12.0);
        assertThat(Decimals.parse("-0.5")).isEqualTo(-0.5);
        assertThat(Decimals.parse("+.5")).isEqualTo(0.5);
        assertThat(Decimals.parse("3.")).isEqualTo(3.0);
        assertThat(Decimals.parse(" 1.2e-3 ")).isEqualTo(0.0012);
        assertThat(Decimals.parse("4E+06")).isEqualTo(4_000_000.0);
    }

    @Test
    void whatJavaTakesButNoFileMeansIsRefused() {
        for (String s : new String[] {
            "0x1p3",
            "100d",
            "100f",
            "1_0_0",
            "Infinity",
            "NaN",
            "-Infinity",
            "1e",
            "e5",
            ".",
            "-",
            "",
            "1.2.3",
            "1,5",
            "１２",
            "1e99999",
            "0x10",
            "12 3"
        }) {
            assertThat(Decimals.isDecimal(s.strip())).as(s).isFalse();
            assertThatThrownBy(() -> Decimals.parse(s)).as(s).isInstanceOf(NumberFormatException.class);
        }
    }

    @Test
    void aDecimalBeyondADoubleIsRefusedNotInfinite() {
        // 1e400 has a four-digit exponent allowed by the grammar but overflows a double
        assertThat(Decimals.isDecimal("1e400")).isTrue();
        assertThatThrownBy(() -> Decimals.parse("1e400")).hasMessageContaining("too large");
    }

    @Test
    void plainDecimalsReadToTheSameDoubleAsJavasParserBitForBit() {
        // the fast path (digits ÷ power of ten, both exact) must agree with the correctly rounded general conversion
        java.util.Random r = new java.util.Random(16);
        for (int k = 0; k < 200_000; k++) {
            int digits = 1 + r.nextInt(15);
            StringBuilder b = new StringBuilder(r.nextInt(4) == 0 ? "-" : "");
            int dot = r.nextInt(digits + 1);
            for (int d = 0; d < digits; d++) {
                if (d == dot && d > 0) {
                    b.append('.');
                }
                b.append((char) ('0' + r.nextInt(10)));
            }
            String s = b.toString();
            assertThat(Double.doubleToRawLongBits(Decimals.parse(s)))
                    .as(s)
                    .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
        }
        // 0.1 + 0.2 style figures and the sign of zero
        assertThat(Decimals.parse("0.3")).isEqualTo(0.3);
        assertThat(Double.doubleToRawLongBits(Decimals.parse("-0"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Decimals.parse("48731.27")).isEqualTo(48731.27);
        // sixteen digits leave the fast path and still read exactly
        assertThat(Decimals.parse("1234567890.123456")).isEqualTo(1234567890.123456);
    }
}
