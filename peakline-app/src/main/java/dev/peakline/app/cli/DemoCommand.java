package dev.peakline.app.cli;

import dev.peakline.demo.DemoProvince;
import dev.peakline.io.demo.DemoFiles;
import java.nio.file.Path;
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
            description = "Enterprises per profile relative to the default (1 gives about 600 enterprises).")
    double scale = 1;

    @Option(names = "--seed", description = "Random seed; the same seed and scale give the same province.")
    long seed = 2026;

    @Option(names = "--from-year", description = "First year (default 2024).")
    int fromYear = 2024;

    @Option(names = "--to-year", description = "Last year (default: the first year).")
    Integer toYear;

    @Override
    public Integer call() {
        if (!(scale > 0)) {
            System.err.println("--scale must be positive");
            return 2;
        }
        int to = toYear == null ? fromYear : toYear;
        if (to < fromYear) {
            System.err.println("--to-year is before --from-year");
            return 2;
        }
        DemoFiles.Written w = DemoFiles.write(new DemoProvince(seed, scale, fromYear, to), out);
        System.out.printf(
                "wrote %d enterprises, %d activity, %d process, %d production and %d output records to %s%n",
                w.enterprises(), w.activity(), w.process(), w.production(), w.output(), out);
        return 0;
    }
}
