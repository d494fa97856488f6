package dev.peakline.datacentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.domain.ChinaTime;
import dev.peakline.problems.Problem;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class DataCentreTest {
    @Test
    void everyFieldIsCheckedAtOnceAndChineseNamesAreTaken() {
        var bad =
                DataCentre.check(new DataCentre.Form("a b", "", "火星", "running", "fan", 2_000_000.0, 0, 1980, "best"));
        assertThat(bad.stream().map(Problem::column))
                .containsExactly(
                        "code",
                        "name",
                        "cluster",
                        "status",
                        "cooling",
                        "itCapacityKw",
                        "racks",
                        "commissioned",
                        "targetScope");
        DataCentre.Form ok = new DataCentre.Form("GA-9", "九号", "贵安数据中心集群", "运行", "间接蒸发冷却", 8000.0, 2000, 2023, null);
        assertThat(DataCentre.check(ok)).isEmpty();
        DataCentre d = DataCentre.of(0, "91520000000000000X", ok);
        assertThat(d.cluster()).isEqualTo("guian");
        assertThat(d.status()).isEqualTo(DataCentre.Status.OPERATING);
        assertThat(d.cooling()).isEqualTo(DataCentre.Cooling.EVAPORATIVE);
        // a western hub cluster's data centre in service from 2022 answers to 1.20; an older one to the limit, 1.50
        assertThat(d.targetScope()).isEqualTo("hub_west");
        assertThat(DataCentre.defaultScope("guian", 2019)).isEqualTo("limit");
        assertThat(DataCentre.defaultScope("wuhu", 2024)).isEqualTo("hub_east");
        assertThat(Pue.target("limit", 2025).orElseThrow().maxPue()).isEqualTo(1.50);
        // the ten national clusters of 东数西算
        assertThat(DataCentre.clusters()).hasSize(10);
    }

    @Test
    void theLoadCurvesYearComesOutNearItsBasePue() {
        // at 15 °C the overhead is (1.30 − 1) × (0.75 + 0.25) = 0.30; the year's temperatures average 15 °C, so the
        // year's PUE is 1.30 within a few thousandths
        LoadCurve c = new LoadCurve(1000, 0.6, 1.30, 0);
        double total = 0;
        double it = 0;
        ZonedDateTime t = LocalDate.of(2025, 1, 1).atStartOfDay(ChinaTime.ZONE);
        for (int q = 0; q < 365 * 96; q++, t = t.plusMinutes(15)) {
            total += c.kw(Pue.Position.TOTAL, t) * 0.25;
            it += c.kw(Pue.Position.IT, t) * 0.25;
        }
        assertThat(total / it).isCloseTo(1.30, within(0.005));
        // IT averages 1000 kW × 0.6 × 0.92 … the daily sine averages out: 552 kW → 4.84 GWh a year
        assertThat(it / 8760).isCloseTo(552, within(1.0));
        // colder in January than in July: January's PUE below the year's, July's above
        ZonedDateTime jan = LocalDate.of(2025, 1, 15).atTime(12, 0).atZone(ChinaTime.ZONE);
        ZonedDateTime jul = LocalDate.of(2025, 7, 15).atTime(12, 0).atZone(ChinaTime.ZONE);
        assertThat(c.kw(Pue.Position.TOTAL, jan) / c.kw(Pue.Position.IT, jan)).isLessThan(1.30);
        assertThat(c.kw(Pue.Position.TOTAL, jul) / c.kw(Pue.Position.IT, jul)).isGreaterThan(1.30);
    }
}
