package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.reference.Csv;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergyRightsTest {
    @Test
    void theHistoricalQuotaIsTheBaseYearsMeanLessTheDecline() {
        // (52,000 + 50,000 + 48,000) / 3 = 50,000 × (1 − 3 %) = 48,500 tce
        assertThat(EnergyRights.historical(List.of(52_000.0, 50_000.0, 48_000.0), 0.03))
                .isEqualTo(48_500);
    }

    @Test
    void theObligationIsConsumptionLessFeedstockLessCertifiedRenewables() {
        // 60,000 tce consumed, 8,000 of it feedstock, 10,000 MWh of certificates × 0.1229 = 1,229 tce:
        // 60,000 − 8,000 − 1,229 = 50,771 tce
        EnergyRights.Obligation o = EnergyRights.obligation(60_000, 8_000, 10_000);
        assertThat(o.renewableTce()).isCloseTo(1_229, within(1e-9));
        assertThat(o.dueTce()).isEqualTo(50_771);
        // deductions never make it negative
        assertThat(EnergyRights.obligation(1_000, 900, 10_000).dueTce()).isZero();
    }

    @Test
    void theCoefficientIsTheLibrarysCalorificEquivalentOfElectricity() {
        String value = Csv.resource(dev.peakline.reference.ReferenceLibrary.class, "coal_equivalents.csv").stream()
                .filter(r -> r.get(0).equals("electricity") && r.get(1).equals("calorific"))
                .findFirst()
                .orElseThrow()
                .get(2);
        assertThat(Double.parseDouble(value)).isEqualTo(EnergyRights.ELECTRICITY_TCE_PER_MWH);
    }

    @Test
    void energyRightsSettleTheirOwnObligationAndNothingElseDoes() {
        // quota 48,500 allocated, 50,771 due: 48,500 surrendered leaves 2,271 short; allowances cannot settle it
        InstrumentLedger l = new InstrumentLedger();
        LocalDate d = LocalDate.of(2025, 3, 1);
        List<InstrumentLedger.Refused> refused = l.replay(List.of(
                new Movement(d, "E", Instrument.ENERGY_RIGHT, 2024, Kind.ALLOCATE, 48_500, 0, 0, 1),
                new Movement(d, "E", Instrument.ENERGY_RIGHT, 2024, Kind.OBLIGATION, 50_771, 0, 0, 2),
                new Movement(d, "E", Instrument.CEA, 2024, Kind.ALLOCATE, 10_000, 0, 0, 3),
                new Movement(d, "E", Instrument.CEA, 2024, Kind.SURRENDER, 100, 0, 0, 4),
                new Movement(d, "E", Instrument.ENERGY_RIGHT, 2024, Kind.SURRENDER, 48_500, 0, 0, 5)));
        assertThat(refused)
                .extracting(r -> r.movement().row() + " " + r.code())
                .containsExactly("4 ledger.no_obligation");
        Compliance.Standing s =
                Compliance.standings(l, d, Compliance::defaultDeadline).get(0);
        assertThat(s.obligation().instrument()).isEqualTo(Instrument.ENERGY_RIGHT);
        assertThat(s.shortfall()).isCloseTo(2_271, within(1e-9));
        assertThat(s.status()).isEqualTo(Compliance.Status.SHORT);
    }

    @Test
    void theBenchmarkRuleHoldsEachProductsOutputToItsLevel() {
        // clinker 1,200,000 t × 117 kgce/t (基准水平 2023) = 140,400 tce; calcium carbide 50,000.5 t × 940 kgce/t =
        // 47,000.47 tce; 187,400.47 → 187,400 tce
        long q = EnergyRights.benchmark(java.util.List.of(
                new EnergyRights.ProductQuota("水泥熟料", 1_200_000, "t", 117, "kgce/t"),
                new EnergyRights.ProductQuota("电石", 50_000.5, "t", 940, "kgce/t")));
        org.assertj.core.api.Assertions.assertThat(q).isEqualTo(187_400L);
        org.assertj.core.api.Assertions.assertThat(EnergyRights.unsuited("kgce/t", "t"))
                .isNull();
        org.assertj.core.api.Assertions.assertThat(EnergyRights.unsuited("kWh/t", "t"))
                .contains("kWh/t");
        org.assertj.core.api.Assertions.assertThat(EnergyRights.unsuited("kgce/重量箱", "t"))
                .contains("重量箱");
    }
}
