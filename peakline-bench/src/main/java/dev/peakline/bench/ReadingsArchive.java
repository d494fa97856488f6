package dev.peakline.bench;

import dev.peakline.domain.ChinaTime;
import dev.peakline.io.archive.ArchiveTable;
import dev.peakline.io.archive.ParquetArchive;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * An archive of meter readings for the Spark re-roll's load test (docs/scale.md): METERS quarter-hour meters (half
 * registers with a 99,999 rollover, half interval meters) over DAYS days from 2024-01-01 Beijing time, a reading
 * missing now and then (gaps).
 *
 * <p>{@code DIR METERS DAYS}
 */
public final class ReadingsArchive {
    private ReadingsArchive() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        int meters = Integer.parseInt(args[1]);
        int days = Integer.parseInt(args[2]);
        LocalDate first = LocalDate.of(2024, 1, 1);
        LocalDate last = first.plusDays(days - 1);
        long t0 = System.nanoTime();
        long start = first.atStartOfDay(ChinaTime.ZONE).toInstant().toEpochMilli();
        long installed = start - 86_400_000L;
        long n = 0;
        try (ParquetArchive.Writer w =
                ParquetArchive.writer(dir, YearMonth.from(first), YearMonth.from(last), Clock.systemUTC())) {
            ParquetArchive.Rows m = w.rows(ArchiveTable.METERS);
            ParquetArchive.Rows r = w.rows(ArchiveTable.READINGS);
            w.rows(ArchiveTable.METER_DAYS);
            for (int i = 0; i < meters; i++) {
                boolean register = i % 2 == 0;
                m.add(
                        null,
                        (long) i + 1,
                        "91520000000000000X",
                        String.format(Locale.ROOT, "L-%06d", i),
                        "electricity",
                        "kWh",
                        register ? "REGISTER" : "INTERVAL",
                        1.0,
                        900,
                        register ? 99_999.0 : 0.0,
                        installed,
                        null,
                        null);
                SplittableRandom rnd = new SplittableRandom(i);
                double v = rnd.nextDouble() * 99_999;
                for (long q = 0; q < days * 96L; q++) {
                    double step = 5 + rnd.nextDouble() * 20;
                    v = (v + step) % 99_999;
                    if (rnd.nextInt(500) == 0) {
                        continue; // a lost reading
                    }
                    long ts = start + (q + 1) * 900_000L;
                    YearMonth month =
                            YearMonth.from(java.time.Instant.ofEpochMilli(ts).atZone(ChinaTime.ZONE));
                    if (month.isAfter(YearMonth.from(last))) {
                        continue;
                    }
                    r.add(month, (long) i + 1, ts, register ? v : step);
                    n++;
                }
            }
            w.commit();
        }
        System.out.printf(
                Locale.ROOT,
                "archived %d meters, %d readings over %d days in %s (%.1f s)%n",
                meters,
                n,
                days,
                dir,
                (System.nanoTime() - t0) / 1e9);
    }
}
