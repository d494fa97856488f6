package dev.peakline.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {
    @ParameterizedTest
    @CsvSource({
        "1,万t,10000,t",
        "2500,kg,2.5,t",
        "10000,Nm3,1,万Nm3",
        "1,万kWh,10,MWh",
        "1000,kWh,1,MWh",
        "1000,MJ,1,GJ",
        "3,百万千焦,3,GJ",
        "1229,kgce,1.229,tce",
        "20000000,元,2000,万元",
        "5,m³,0.0005,万m3"
    })
    void convertsExactly(double value, String from, double expected, String to) {
        assertThat(Quantity.of(value, Unit.of(from)).to(Unit.of(to)).value()).isEqualTo(expected);
    }

    @Test
    void parsesChineseAndEnglishSymbols() {
        assertThat(Unit.parse("吨")).contains(Unit.T);
        assertThat(Unit.parse(" 万 Nm³ ")).contains(Unit.TEN_THOUSAND_NM3);
        assertThat(Unit.parse("KWH")).contains(Unit.KWH);
        assertThat(Unit.parse("furlong")).isEmpty();
    }

    @Test
    void gasBilledAt20DegreesIsConvertedToStandardCubicMetres() {
        // ideal gas at 101.325 kPa: V(0 °C) = V(20 °C) × 273.15 ÷ 293.15; 10,000 m³ billed = 9,317.755415 Nm³
        assertThat(Quantity.of(10_000, Unit.of("m3@20C")).to(Unit.NM3).value())
                .isCloseTo(10_000 * 273.15 / 293.15, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(Quantity.of(1, Unit.of("万m3(20℃)")).to(Unit.TEN_THOUSAND_NM3).value())
                .isCloseTo(0.931775541531639, org.assertj.core.api.Assertions.within(1e-15));
        // plain m³ stays standard, as the guidelines state gas volumes
        assertThat(Quantity.of(10_000, Unit.of("m3")).to(Unit.NM3).value()).isEqualTo(10_000.0);
    }

    @Test
    void refusesToConvertAcrossDimensions() {
        assertThatThrownBy(() -> Quantity.of(1, Unit.T).to(Unit.MWH))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t")
                .hasMessageContaining("MWh");
    }

    @Test
    void conversionsRoundTrip() {
        SplittableRandom r = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            double v = Math.round(r.nextDouble() * 1e8) / 100.0; // values with two decimals, as filed
            for (Unit u : Unit.values()) {
                for (Unit w : Unit.values()) {
                    if (u.dimension() == w.dimension()) {
                        double back = Quantity.of(v, u).to(w).to(u).value();
                        if (inexact(u) || inexact(w)) {
                            // 273.15 ÷ 293.15 has no finite decimal: equal to 1e-12 relative, not to the last bit
                            assertThat(back)
                                    .as("%s %s via %s", v, u, w)
                                    .isCloseTo(v, org.assertj.core.api.Assertions.within(Math.abs(v) * 1e-12 + 1e-12));
                        } else {
                            assertThat(back).as("%s %s via %s", v, u, w).isEqualTo(v);
                        }
                    }
                }
            }
        }
    }

    private static boolean inexact(Unit u) {
        return u == Unit.M3_20C || u == Unit.TEN_THOUSAND_M3_20C;
    }

    @Test
    void everyDimensionHasItsCanonicalUnitWithFactorOne() {
        for (Dimension d : Dimension.values()) {
            assertThat(d.canonicalUnit().toCanonicalFactor()).isEqualByComparingTo("1");
        }
    }

    @Test
    void theQuickAbsurdityCheckDecidesAsTheExactConversion() {
        // 1e9 canonical units is the readers' limit: 10⁸ 万kWh is 10⁹ MWh exactly (not above), one ulp more is above
        assertThat(Unit.TEN_THOUSAND_KWH.canonicalAbove(1e8, 1e9)).isFalse();
        assertThat(Unit.TEN_THOUSAND_KWH.canonicalAbove(Math.nextUp(1e8), 1e9)).isTrue();
        assertThat(Unit.KWH.canonicalAbove(1e12, 1e9)).isFalse();
        assertThat(Unit.KWH.canonicalAbove(1.000000001e12, 1e9)).isTrue();
        SplittableRandom r = new SplittableRandom(9);
        for (Unit u : Unit.values()) {
            for (int i = 0; i < 2_000; i++) {
                double v = Math.pow(10, r.nextDouble(3, 14)) * (i % 2 == 0 ? 1 : 1 + r.nextInt(-3, 4) * 1e-16);
                assertThat(u.canonicalAbove(v, 1e9)).as("%s %s", v, u).isEqualTo(u.toCanonical(v) > 1e9);
            }
        }
    }
}
