package dev.peakline.app.cli;

import dev.peakline.io.archive.ArchiveTable;
import dev.peakline.io.archive.ParquetArchive;
import dev.peakline.store.Database;
import dev.peakline.store.archive.ArchiveExport;
import dev.peakline.store.archive.ReadingArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline archive}: the server's filings, results, meters, readings and roll-ups as a Parquet archive
 * (docs/scale.md), read back with {@code --verify}; with {@code --readings --before M --drop} older months of readings
 * leave PostgreSQL once their archive verifies.
 */
@Command(
        name = "archive",
        mixinStandardHelpOptions = true,
        description = "Write the platform's data as a Parquet archive (year/month partitions, zstd, manifest.json),"
                + " verify one, or move old months of readings out of the database into one.")
final class ArchiveCommand implements Callable<Integer> {
    static final class Target {
        @Option(names = "--out", required = true, description = "The archive directory to write (created if missing).")
        Path out;

        @Option(names = "--verify", required = true, description = "Check an archive against its manifest.json.")
        Path verify;
    }

    @ArgGroup(multiplicity = "1")
    Target target;

    @Option(names = "--from", description = "First month (YYYY-MM, or YYYY for its January; default: the first).")
    String from;

    @Option(names = "--to", description = "Last month (YYYY-MM, or YYYY for its December; default: the last).")
    String to;

    @Option(
            names = "--readings",
            description = "Only the monitoring tables (meters, readings, day roll-ups), not the filings.")
    boolean readingsOnly;

    @Option(names = "--before", description = "With --readings: the months before this one (YYYY-MM).")
    String before;

    @Option(
            names = "--drop",
            description = "With --readings --before: drop those months' readings from PostgreSQL once their archive"
                    + " verifies (the day roll-ups stay; the readings are read from the archive).")
    boolean drop;

    @Option(names = "--data-dir", description = "The embedded database's data directory (default ./data).")
    Path dataDir = Path.of("./data");

    @Option(
            names = "--db-url",
            description = "JDBC URL of the PostgreSQL the server uses, instead of the embedded one.")
    String dbUrl;

    @Option(names = "--db-user", description = "Database user (with --db-url).")
    String dbUser = "postgres";

    @Option(names = "--db-password", description = "Database password (with --db-url); or set PEAKLINE_DB_PASSWORD.")
    String dbPassword = System.getenv().getOrDefault("PEAKLINE_DB_PASSWORD", "");

    @Override
    public Integer call() {
        if (target.verify != null) {
            List<String> problems = ParquetArchive.verify(target.verify);
            if (!problems.isEmpty()) {
                System.err.println(problems.size() + " problem(s) in " + target.verify + ":");
                problems.forEach(p -> System.err.println("  " + p));
                return 1;
            }
            long rows = 0;
            int partitions = 0;
            for (ArchiveTable t : ArchiveTable.ALL) {
                Map<String, Long> p = Files.exists(target.verify.resolve(ParquetArchive.MANIFEST))
                        ? ParquetArchive.partitions(target.verify, t)
                        : Map.of();
                partitions += p.size();
                rows += p.values().stream().mapToLong(Long::longValue).sum();
            }
            System.out.printf(
                    "%s verifies: %d partitions, %d rows, every checksum and count as its manifest states%n",
                    target.verify, partitions, rows);
            return 0;
        }
        YearMonth first;
        YearMonth last;
        YearMonth until;
        try {
            first = month(from, "--from", false);
            last = month(to, "--to", true);
            until = month(before, "--before", false);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        if ((before != null || drop) && !readingsOnly) {
            System.err.println("--before and --drop go with --readings: ./peakline archive --readings --before 2024-01"
                    + " --drop --out DIR");
            return 2;
        }
        if (drop && before == null) {
            System.err.println("--drop needs --before YYYY-MM: the months before it leave the database");
            return 2;
        }
        if (until != null) {
            if (last != null && !last.isBefore(until)) {
                System.err.println("--to " + last + " is not before --before " + until);
                return 2;
            }
            last = until.minusMonths(1);
        }
        Clock clock = Clock.systemUTC();
        try (Database db = dbUrl != null ? Database.connect(dbUrl, dbUser, dbPassword) : Database.shared(dataDir)) {
            ArchiveExport export = new ArchiveExport(db);
            if (!readingsOnly) {
                YearMonth[] span = export.filingMonths();
                if (span != null) {
                    YearMonth a = first != null ? first : span[0];
                    YearMonth b = last != null ? last : span[1];
                    if (!b.isBefore(a)) {
                        write(target.out, a, b, clock, ArchiveTable.FILINGS, sink -> export.filings(a, b, sink));
                    }
                } else {
                    System.out.println("no approved filings to archive");
                }
            }
            List<YearMonth> months = export.readingMonths();
            YearMonth a = first != null ? first : months.isEmpty() ? null : months.get(0);
            YearMonth b = last != null ? last : months.isEmpty() ? null : months.get(months.size() - 1);
            if (a != null && !b.isBefore(a)) {
                write(target.out, a, b, clock, ArchiveTable.MONITORING, sink -> {
                    export.meters(sink);
                    return export.readings(a, b, sink);
                });
                if (drop) {
                    ReadingArchive ra = new ReadingArchive(db, clock);
                    for (YearMonth m : months) {
                        if (m.isBefore(a) || m.isAfter(b)) {
                            continue;
                        }
                        List<String> problems = ParquetArchive.verify(target.out, ArchiveTable.READINGS, m);
                        if (!problems.isEmpty()) {
                            System.err.println("kept " + m + " in the database: its archive does not verify:");
                            problems.forEach(p -> System.err.println("  " + p));
                            return 1;
                        }
                        long rows = ParquetArchive.partitions(target.out, ArchiveTable.READINGS)
                                .getOrDefault(ArchiveTable.partition(m.getYear(), m.getMonthValue()), 0L);
                        long dropped = ra.drop(m, target.out.toAbsolutePath().normalize(), rows, "cli");
                        System.out.printf(
                                "dropped %d readings of %s from the database (archived in %s)%n",
                                dropped, m, target.out);
                    }
                }
            } else {
                System.out.println("no readings to archive");
            }
        } catch (IllegalStateException | IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        return 0;
    }

    /** Streams rows into the sink; returns how many. */
    interface Fill {
        long fill(ArchiveExport.Sink sink);
    }

    private static void write(Path out, YearMonth a, YearMonth b, Clock clock, List<ArchiveTable> tables, Fill fill) {
        long t0 = System.nanoTime();
        try (ParquetArchive.Writer w = ParquetArchive.writer(out, a, b, clock)) {
            tables.forEach(w::rows); // every table's months are replaced, emptied where nothing is left
            long n = fill.fill(
                    (table, month, values) -> w.rows(ArchiveTable.named(table)).add(month, values));
            ParquetArchive.Written written = w.commit();
            System.out.printf(
                    "archived %s..%s: %d rows in %d partitions %s (%d ms)%n",
                    a, b, n, written.partitions(), written.rows(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** A month as a user writes it: 2024-03, 2024-3 or 2024 (its first or last month). */
    static YearMonth month(String text, String option, boolean end) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{4}")) {
                return YearMonth.of(Integer.parseInt(t), end ? 12 : 1);
            }
            if (t.matches("\\d{4}-\\d{1,2}")) {
                String[] p = t.split("-");
                return YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            }
            return YearMonth.parse(t);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException(
                    option + " '" + text + "' is not a month: write YYYY-MM (e.g. 2024-03) or a year (2024)");
        }
    }
}
