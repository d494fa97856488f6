package dev.peakline.datacentre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peakline.datacentre.Pue.Position;
import dev.peakline.markets.MarketBasedScope2;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.monitoring.MeterDays;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.monitoring.MeterSpec;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PueTest {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final LocalDate FROM = LocalDate.of(2025, 6, 1);
    private static final LocalDate TO = LocalDate.of(2025, 6, 30);
    private static final double MAX = 1_000_000;

    /** Hourly register readings of a constant load from {@code start} to {@code end} (Beijing), register mod 10⁶. */
    private static List<DayFigure> meter(
            double kw,
            double first,
            ZonedDateTime start,
            ZonedDateTime end,
            Instant installed,
            Instant removed,
            ZonedDateTime skipFrom,
            ZonedDateTime skipTo) {
        List<Long> ts = new ArrayList<>();
        List<Double> vs = new ArrayList<>();
        int h = 0;
        for (ZonedDateTime t = start; !t.isAfter(end); t = t.plusHours(1), h++) {
            if (skipFrom != null && t.isAfter(skipFrom) && t.isBefore(skipTo)) {
                continue;
            }
            ts.add(t.toInstant().toEpochMilli());
            vs.add((first + kw * h) % MAX);
        }
        MeterSpec spec = new MeterSpec(MeterKind.REGISTER, 1, 3600, MAX, installed, removed);
        return MeterDays.compute(
                spec,
                BEIJING,
                ts.stream().mapToLong(Long::longValue).toArray(),
                vs.stream().mapToDouble(Double::doubleValue).toArray(),
                FROM,
                TO);
    }

    private static ZonedDateTime at(int month, int day, int hour) {
        return ZonedDateTime.of(2025, month, day, hour, 0, 0, 0, BEIJING);
    }

    private static Map<Position, Map<LocalDate, Pue.PositionDay>> june(boolean gap) {
        ZonedDateTime start = at(5, 31, 23);
        ZonedDateTime end = at(7, 1, 1);
        // the facility meter: 1,500 kW from 990,000 kWh, so it rolls over 1,000,000 within the first seven hours
        Instant installed = at(1, 1, 0).toInstant();
        List<DayFigure> total = meter(1_500, 990_000, start, end, installed, null, null, null);
        // the IT meter: 1,200 kW; the first replaced on 15 June at noon by a new one reading from 0
        Instant swap = at(6, 15, 12).toInstant();
        List<DayFigure> itOld = meter(
                1_200,
                500_000,
                start,
                at(6, 15, 12),
                installed,
                swap,
                gap ? at(6, 10, 1) : null,
                gap ? at(6, 10, 8) : null);
        List<DayFigure> itNew = meter(1_200, 0, at(6, 15, 12), end, swap, null, null, null);
        Map<Position, Map<LocalDate, Pue.PositionDay>> m = new HashMap<>();
        m.put(Position.TOTAL, Pue.position(List.of(total)));
        m.put(Position.IT, Pue.position(List.of(itOld, itNew)));
        return m;
    }

    @Test
    void aMonthsPueComesFromTheDaysOfItsMetersThroughARolloverAndAReplacement() {
        // facility 1,500 kW × 24 h × 30 days = 1,080,000 kWh; IT 1,200 × 24 × 30 = 864,000 kWh (the old meter to noon
        // on the 15th, the new one after); PUE = 1,080,000 / 864,000 = 1.25 → grade 2 (≤ 1.30)
        Pue.Period p = Pue.of(FROM, TO, june(false));
        assertThat(p.complete()).isTrue();
        assertThat(p.totalKwh()).isCloseTo(1_080_000, within(1e-6));
        assertThat(p.itKwh()).isCloseTo(864_000, within(1e-6));
        assertThat(p.pue()).isCloseTo(1.25, within(1e-12));
        assertThat(Pue.grade(p.pue())).isEqualTo(2);
    }

    @Test
    void aGapInTheItMeterLeavesTheMonthWithoutAPueAndSaysWhichDay() {
        // six hours missing on 10 June (a step of seven intervals): the day is estimated, the month incomplete
        Pue.Period p = Pue.of(FROM, TO, june(true));
        assertThat(p.pue()).isNull();
        assertThat(p.incompleteDays()).containsExactly(LocalDate.of(2025, 6, 10));
        assertThat(p.finding()).isEqualTo("incomplete");
        // the month without that day is whole again
        assertThat(Pue.of(LocalDate.of(2025, 6, 11), TO, june(true)).pue()).isCloseTo(1.25, within(1e-12));
    }

    @Test
    void itAboveTheFacilityIsAFindingNeverAPueBelowOne() {
        Map<Position, Map<LocalDate, Pue.PositionDay>> swapped = new HashMap<>();
        Map<Position, Map<LocalDate, Pue.PositionDay>> m = june(false);
        swapped.put(Position.TOTAL, m.get(Position.IT));
        swapped.put(Position.IT, m.get(Position.TOTAL));
        Pue.Period p = Pue.of(FROM, TO, swapped);
        assertThat(p.pue()).isNull();
        assertThat(p.finding()).isEqualTo("it.above_total");
    }

    @Test
    void gradesAtTheStandardsBoundariesAndTheTargets() {
        // GB 40879-2021 (as shipped, UNCONFIRMED): ≤ 1.20 grade 1, ≤ 1.30 grade 2, ≤ 1.50 grade 3, above: 0
        assertThat(Pue.grade(1.20)).isEqualTo(1);
        assertThat(Pue.grade(1.2001)).isEqualTo(2);
        assertThat(Pue.grade(1.30)).isEqualTo(2);
        assertThat(Pue.grade(1.50)).isEqualTo(3);
        assertThat(Pue.grade(1.51)).isZero();
        assertThat(Pue.target("hub_west", 2025).orElseThrow().maxPue()).isEqualTo(1.20);
        assertThat(Pue.target("new_large", 2024)).isEmpty();
        assertThat(Pue.targets()).allMatch(t -> t.confidence().startsWith("UNCONFIRMED"));
    }

    @Test
    void cueAndTheRenewableShareWithACertificateRetired() {
        // the month's 1,080 MWh at 0.5 t/MWh = 540 t location-based; 200 MWh of certificates retired: (1,080 − 200) ×
        // 0.5 = 440 t market-based; CUE = 440,000 kg / 864,000 kWh = 0.509259… kg/kWh (location 0.625)
        MarketBasedScope2.Result r = MarketBasedScope2.of(2025, 540, 0.5, 200);
        assertThat(Pue.cue(r.marketT(), 864_000)).isCloseTo(440_000.0 / 864_000, within(1e-12));
        assertThat(Pue.cue(r.locationT(), 864_000)).isCloseTo(0.625, within(1e-12));
        // renewable share = 200,000 / 1,080,000 = 18.5 %
        assertThat(Pue.renewableShare(0, 0, 200_000, 1_080_000)).isCloseTo(200_000.0 / 1_080_000, within(1e-12));
    }

    @Test
    void theTenThousandTceRuleOnARollingTwelveMonths() {
        // 6.7 GWh a month: 6,700,000 × 0.1229 / 1000 = 823.43 tce; × 12 = 9,881.16 < 10,000 — never
        Map<YearMonth, Double> below = new HashMap<>();
        for (int i = 0; i < 24; i++) {
            below.put(YearMonth.of(2024, 1).plusMonths(i), 6_700_000.0);
        }
        assertThat(Pue.crossed(below)).isEmpty();
        // one month of 8.2 GWh (1,007.78 tce): 11 × 823.43 + 1,007.78 = 10,065.51 — the twelve months to it cross
        Map<YearMonth, Double> once = new HashMap<>(below);
        once.put(YearMonth.of(2025, 3), 8_200_000.0);
        assertThat(Pue.crossed(once)).contains(YearMonth.of(2025, 3));
        // fewer than twelve months are never a year
        assertThat(Pue.crossed(Map.of(YearMonth.of(2025, 1), 1e9))).isEmpty();
    }
}
