package dev.peakline.app.server.setup;

import dev.peakline.app.server.security.Accounts;
import dev.peakline.datacentre.DataCentre;
import dev.peakline.datacentre.LoadCurve;
import dev.peakline.datacentre.Pue;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.CreditCode;
import dev.peakline.monitoring.DayFigure;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.datacentre.DataCentres;
import dev.peakline.store.monitoring.MeterRepository;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.store.monitoring.Readings;
import dev.peakline.store.monitoring.Rollups;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;

/**
 * The demo's six data centres of the Gui'an cluster (贵安数据中心集群), one at each of the demo province's first six
 * data-centre enterprises (GB/T 4754 6550): total, IT, cooling and lighting registers (kWh, every 15 minutes), PV at
 * one; a year of day roll-ups before the last 14 days and those 14 days as readings (rolled up by the worker). PUE about
 * 1.15–1.46 by {@link LoadCurve}; GA-02 (a hub data centre of 2022, target 1.20) runs above its target; GA-05's IT
 * meter is silent for three hours four days ago, so that day, and its month, have no PUE.
 */
@Component
public class DemoDataCentres {
    static final int READING_DAYS = 14;

    /** code, name, status, cooling, IT kW, racks, in service, base PUE, utilisation, PV kW. */
    private record Spec(
            String code,
            String name,
            DataCentre.Cooling cooling,
            double itKw,
            int racks,
            int commissioned,
            double basePue,
            double utilisation,
            double pvKw) {}

    private static final List<Spec> SPECS = List.of(
            new Spec("GA-01", "贵安一号数据中心", DataCentre.Cooling.EVAPORATIVE, 15_000, 3_600, 2023, 1.16, 0.62, 0),
            new Spec("GA-02", "贵安二号数据中心", DataCentre.Cooling.WATER, 9_000, 2_200, 2022, 1.27, 0.58, 0),
            new Spec("GA-03", "贵安三号数据中心", DataCentre.Cooling.WATER, 6_000, 1_500, 2018, 1.36, 0.66, 800),
            new Spec("GA-04", "贵安四号数据中心", DataCentre.Cooling.AIR, 3_500, 900, 2016, 1.46, 0.55, 0),
            new Spec("GA-05", "贵安五号数据中心", DataCentre.Cooling.FREE, 5_000, 1_200, 2019, 1.31, 0.60, 0),
            new Spec("GA-06", "贵安六号数据中心", DataCentre.Cooling.WATER, 4_000, 1_000, 2020, 1.42, 0.52, 0));

    private static final Pue.Position[] METERED = {
        Pue.Position.TOTAL, Pue.Position.IT, Pue.Position.COOLING, Pue.Position.OTHER
    };

    private final Database db;
    private final DataCentres centres;
    private final MeterRepository meters;
    private final Readings readings;
    private final Rollups rollups;
    private final Monitoring monitoring;
    private final Clock clock;

    public DemoDataCentres(
            Database db,
            DataCentres centres,
            MeterRepository meters,
            Readings readings,
            Rollups rollups,
            Monitoring monitoring,
            Clock clock) {
        this.db = db;
        this.centres = centres;
        this.meters = meters;
        this.readings = readings;
        this.rollups = rollups;
        this.monitoring = monitoring;
        this.clock = clock;
    }

    /**
     * Registers the data centres with their meters, history and readings, and gives GA-01's enterprise the gateway
     * token {@code token} (so that {@code ./peakline gateway} streams its PUE live); returns how many were registered.
     */
    public int load(String token) {
        List<String> enterprises = Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select credit_code from enterprise where industry = '6550' order by credit_code limit ?",
                        rs -> rs.getString(1),
                        SPECS.size()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
        LocalDate readingsFrom = today.minusDays(READING_DAYS);
        LocalDate historyFrom = readingsFrom.minusDays(365);
        Instant installed =
                historyFrom.minusDays(30).atStartOfDay(ChinaTime.ZONE).toInstant();
        for (int k = 0; k < enterprises.size(); k++) {
            Spec s = SPECS.get(k);
            String e = enterprises.get(k);
            DataCentre d = DataCentre.of(
                    0,
                    e,
                    new DataCentre.Form(
                            s.code(),
                            s.name(),
                            "guian",
                            "operating",
                            s.cooling().code(),
                            s.itKw(),
                            s.racks(),
                            s.commissioned(),
                            null));
            long id = centres.register("system", d).orElseThrow();
            DataCentre placed = centres.find(id).orElseThrow().centre();
            LoadCurve curve = new LoadCurve(s.itKw(), s.utilisation(), s.basePue(), s.pvKw());
            List<Pue.Position> positions = new ArrayList<>(List.of(METERED));
            if (s.pvKw() > 0) {
                positions.add(Pue.Position.ONSITE_RENEWABLE);
            }
            Map<Pue.Position, Meter> byPosition = new EnumMap<>(Pue.Position.class);
            for (Pue.Position p : positions) {
                String code = s.code() + "-" + p.code().toUpperCase(java.util.Locale.ROOT);
                Meter m = meters.register(
                        "system",
                        new Meter(
                                0,
                                CreditCode.of(e),
                                null,
                                code,
                                s.name() + p.chinese() + "电能表",
                                "electricity",
                                "kWh",
                                MeterKind.REGISTER,
                                1,
                                900,
                                0,
                                installed,
                                null,
                                null));
                byPosition.put(p, m);
                centres.place("system", placed, code, p);
            }
            SplittableRandom random = new SplittableRandom(s.code().hashCode());
            // the year before the readings as day roll-ups: the curve's quarter hours summed, each day whole
            for (Pue.Position p : positions) {
                List<DayFigure> history = new ArrayList<>();
                for (LocalDate day = historyFrom; day.isBefore(readingsFrom); day = day.plusDays(1)) {
                    double kwh = 0;
                    ZonedDateTime t = day.atStartOfDay(ChinaTime.ZONE);
                    for (int q = 0; q < 96; q++, t = t.plusMinutes(15)) {
                        kwh += curve.kw(p, t) * 0.25;
                    }
                    history.add(new DayFigure(day, Math.round(kwh * 10) / 10.0, 96, 96, 86_400, 0, 0, 0));
                }
                rollups.putDays(byPosition.get(p).id(), history);
            }
            // the last 14 days as 15-minute register readings; GA-05's IT meter silent 02:00–05:00 four days ago
            Readings.Batch batch = new Readings.Batch();
            Instant from = readingsFrom.atStartOfDay(ChinaTime.ZONE).toInstant();
            Instant gapFrom =
                    today.minusDays(4).atStartOfDay(ChinaTime.ZONE).plusHours(2).toInstant();
            Instant gapTo = gapFrom.plus(3, ChronoUnit.HOURS);
            int item = 0;
            for (Pue.Position p : positions) {
                Meter m = byPosition.get(p);
                double register = 100_000 + random.nextDouble() * 1_000_000;
                for (Instant t = from; !t.isAfter(now); t = t.plus(15, ChronoUnit.MINUTES)) {
                    boolean lost =
                            s.code().equals("GA-05") && p == Pue.Position.IT && t.isAfter(gapFrom) && t.isBefore(gapTo);
                    if (!lost) {
                        batch.add(m.id(), m.code(), t.toEpochMilli(), Math.round(register * 100) / 100.0, item++);
                    }
                    register += curve.kw(p, t.atZone(ChinaTime.ZONE)) * 0.25;
                }
            }
            readings.write(e, "HTTP", "demo", now, batch, List.of(), List.of());
            if (k == 0) {
                monitoring.addGatewayToken(
                        "system", null, CreditCode.of(e), DemoMeters.DEMO_GATEWAY, Accounts.hash(token));
            }
        }
        return enterprises.size();
    }
}
