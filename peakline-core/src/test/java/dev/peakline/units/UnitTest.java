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
                        assertThat(Quantity.of(v, u).to(w).to(u).value())
                                .as("%s %s via %s", v, u, w)
                                .isEqualTo(v);
                    }
                }
            }
        }
    }

    @Test
    void everyDimensionHasItsCanonicalUnitWithFactorOne() {
        for (Dimension d : Dimension.values()) {
            assertThat(d.canonicalUnit().toCanonicalFactor()).isEqualByComparingTo("1");
        }
    }
}
