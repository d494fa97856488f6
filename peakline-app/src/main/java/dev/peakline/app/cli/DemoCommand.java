package dev.peakline.app.cli;

import dev.peakline.demo.DemoProvince;
import dev.peakline.demo.NationalPopulation;
import dev.peakline.io.archive.FilingArchive;
import dev.peakline.io.archive.ParquetArchive;
import dev.peakline.io.demo.DemoFiles;
import dev.peakline.io.filing.FilingReader;
import dev.peakline.reference.ReferenceLibrary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code peakline demo}: writes a generated demo province as filing files. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Generate the demo province (Guizhou) as filing files.")
final class DemoCommand implements Callable<Integer> {
    @Option(
            names = "--out",
            required = true,
            description = "Folder for enterprises.csv, activity.csv, process.csv, production.csv, output.csv.")
    Path out;

    @Option(
            names = "--scale",
            description = "Enterprises per profile relative to the default (1 gives about 600 enterprises); with"
                    + " --national, N for 1/N of the nation's 470,000 enterprises (default 100).")
    Double scale;

    @Option(
            names = "--national",
            description = "A national population for load tests: the 31 provinces with their real counties, the demo's"
                    + " industries in the demo's shares (docs/scale.md).")
    boolean national;

    @Option(
            names = "--archive",
            description = "Also write the files' lines as a Parquet archive (for ./peakline spark account).")
    Path archive;

    @Option(names = "--seed", description = "Random seed; the same seed and scale give the same province.")
    long seed = 2026;

    @Option(names = "--from-year", description = "First year (default 2024).")
    int fromYear = 2024;

    @Option(names = "--to-year", description = "Last year (default: the first year).")
    Integer toYear;

    @Override
    public Integer call() {
        double k = scale == null ? (national ? 100 : 1) : scale;
        if (!(k > 0) || (national && (k < 1 || k != Math.rint(k)))) {
            System.err.println(
                    national
                            ? "--scale with --national is N in 1/N of the nation: a whole number ≥ 1 (e.g. 100)"
                            : "--scale must be positive");
            return 2;
        }
        int to = toYear == null ? fromYear : toYear;
        if (to < fromYear) {
            System.err.println("--to-year is before --from-year");
            return 2;
        }
        DemoFiles.Written w = national
                ? DemoFiles.write(
                        new NationalPopulation(
                                seed,
                                (int) k,
                                fromYear,
                                to,
                                ReferenceLibrary.shipped().registry())::generate,
                        out)
                : DemoFiles.write(new DemoProvince(seed, k, fromYear, to), out);
        System.out.printf(
                "wrote %d enterprises, %d activity, %d process, %d production and %d output records to %s%n",
                w.enterprises(), w.activity(), w.process(), w.production(), w.output(), out);
        if (archive != null) {
            // the lines as the CLI reads them back, so both engines see the same numbers
            FilingReader.Read read = FilingReader.read(
                    out.resolve("activity.csv"),
                    out.resolve("process.csv"),
                    out.resolve("production.csv"),
                    out.resolve("output.csv"));
            if (!read.ok()) {
                MethodOptions.printProblems(System.err, read.problems());
                return 1;
            }
            YearMonth[] months = FilingArchive.months(read.input());
            try (ParquetArchive.Writer a = ParquetArchive.writer(archive, months[0], months[1], Clock.systemUTC())) {
                long n = FilingArchive.add(read.input(), a);
                a.commit();
                System.out.printf("archived %d lines of %s..%s in %s%n", n, months[0], months[1], archive);
            }
        }
        return 0;
    }
}
