package dev.peakline.app.server.setup;

import dev.peakline.app.server.security.Accounts;
import dev.peakline.domain.ChinaTime;
import dev.peakline.domain.CreditCode;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.monitoring.Tolerance;
import dev.peakline.store.monitoring.MeterRepository;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.store.monitoring.Readings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo province's metered enterprises: an electricity register (kWh, every 15 minutes) and a natural-gas register
 * (Nm³, hourly) at each of a few enterprises, with readings from the 1st of the month 14 days back up to the start time and a stated
 * figure per day. One enterprise has a three-day outage (its completeness fails), one has gone silent six hours ago,
 * one stamps its daily figures late. The demo enterprise user's enterprise gets the data
 * directory's random demo gateway token ({@link DemoGatewayToken}) so that {@code ./peakline gateway} can stream to it.
 */
public final class DemoMeters {
    public static final String DEMO_GATEWAY = "demo-gateway";
    static final int DAYS = 14;

    private DemoMeters() {}

    /** Registers the meters and writes their history; returns the number of readings written. */
    public static long load(
            List<String> enterprises,
            String tokenEnterprise,
            String token,
            MeterRepository meters,
            Readings readings,
            Monitoring monitoring,
            Clock clock) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        // from the 1st of the month 14 days ago, so that the running month is covered from its start
        Instant start = LocalDate.ofInstant(now, ChinaTime.ZONE)
                .minusDays(DAYS)
                .withDayOfMonth(1)
                .atStartOfDay(ChinaTime.ZONE)
                .toInstant();
        long written = 0;
        for (int k = 0; k < enterprises.size(); k++) {
            String e = enterprises.get(k);
            SplittableRandom random = new SplittableRandom(e.hashCode());
            Meter power = meters.register(
                    "system",
                    new Meter(
                            0,
                            CreditCode.of(e),
                            null,
                            "E-01",
                            "总进线电能表",
                            "electricity",
                            "kWh",
                            MeterKind.REGISTER,
                            40,
                            900,
                            1_000_000,
                            start.minus(365, ChronoUnit.DAYS),
                            null,
                            null));
            Meter gas = meters.register(
                    "system",
                    new Meter(
                            0,
                            CreditCode.of(e),
                            null,
                            "G-01",
                            "天然气总表",
                            "natural_gas",
                            "Nm3",
                            MeterKind.REGISTER,
                            1,
                            3600,
                            0,
                            start.minus(365, ChronoUnit.DAYS),
                            null,
                            null));
            double kw = 800 + random.nextDouble() * 4000;
            double gasPerHour = 50 + random.nextDouble() * 400;
            Instant silentFrom = k == 1 ? now.minus(6, ChronoUnit.HOURS) : now;
            Instant outageFrom = k == 2 ? start.plus(5, ChronoUnit.DAYS) : null;
            Readings.Batch batch = new Readings.Batch();
            List<Readings.Statistic> stated = new ArrayList<>();
            double register = random.nextDouble() * 20_000;
            int item = 0;
            for (Instant t = start; !t.isAfter(silentFrom); t = t.plus(15, ChronoUnit.MINUTES)) {
                double hour = t.atZone(ChinaTime.ZONE).getHour()
                        + t.atZone(ChinaTime.ZONE).getMinute() / 60.0;
                double load = kw
                        * (0.75 + 0.25 * Math.sin((hour - 6) / 24 * 2 * Math.PI))
                        * (0.95 + 0.1 * random.nextDouble());
                register = (register + load * 0.25 / power.multiplier()) % power.registerMax();
                boolean lost = outageFrom != null
                        && !t.isBefore(outageFrom)
                        && t.isBefore(outageFrom.plus(3, ChronoUnit.DAYS));
                if (!lost) {
                    batch.add(power.id(), power.code(), t.toEpochMilli(), Math.round(register * 100) / 100.0, item++);
                }
            }
            double gasRegister = random.nextDouble() * 50_000;
            for (Instant t = start; !t.isAfter(silentFrom); t = t.plus(1, ChronoUnit.HOURS)) {
                gasRegister += gasPerHour * (0.9 + 0.2 * random.nextDouble());
                batch.add(gas.id(), gas.code(), t.toEpochMilli(), Math.round(gasRegister * 10) / 10.0, item++);
            }
            long days = Duration.between(start, now).toDays();
            for (int d = 0; d < days; d++) {
                // the figure of day d, stamped at the day's 00:00 (5 minutes late at one enterprise)
                Instant stamp = start.plus(d, ChronoUnit.DAYS).plusSeconds(k == 3 ? 300 : 20);
                Tolerance.Placement p = Tolerance.place(Tolerance.Granularity.DAY, stamp, ChinaTime.ZONE);
                stated.add(new Readings.Statistic(
                        gas.id(),
                        "DAY",
                        p.periodStart(),
                        gasPerHour * 24,
                        stamp,
                        p.offset().toSeconds(),
                        p.onTime()));
            }
            written += readings.write(e, "HTTP", "demo", now, batch, stated, List.of())
                    .accepted();
            if (e.equals(tokenEnterprise)) {
                monitoring.addGatewayToken("system", null, CreditCode.of(e), DEMO_GATEWAY, Accounts.hash(token));
            }
        }
        return written;
    }
}
