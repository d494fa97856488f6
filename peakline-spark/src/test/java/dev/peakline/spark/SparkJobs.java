package dev.peakline.spark;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.AccountingResult;
import dev.peakline.demo.DemoProvince;
import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.accounting.RollupWriter;
import dev.peakline.io.archive.FilingArchive;
import dev.peakline.io.archive.ParquetArchive;
import dev.peakline.io.demo.DemoFiles;
import dev.peakline.io.filing.FilingReader;
import dev.peakline.reference.ReferenceLibrary;
import dev.peakline.rollup.Rollup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/** One local Spark for the module's tests, and the single-node path the Spark results are held against. */
final class SparkJobs {
    private static SparkSession spark;

    private SparkJobs() {}

    static synchronized SparkSession spark() {
        if (spark == null) {
            spark = SparkMain.session("local[2]");
            spark.sparkContext().setLogLevel("WARN");
        }
        return spark;
    }

    /** What {@code ./peakline account --out --rollup} made of a set of files. */
    record Single(AccountingResult result, Path accounts, Path rollup) {}

    /**
     * Writes a generated population as filing files, accounts them as {@code ./peakline account} does (the same reader,
     * engine and writers) and archives the lines the reader returned as {@code ./peakline demo --archive} does.
     */
    static Single filesAndArchive(Consumer<DemoProvince.Sink> generator, Path dir, Path archive) {
        DemoFiles.write(generator, dir);
        FilingReader.Read read = FilingReader.read(
                dir.resolve("activity.csv"),
                dir.resolve("process.csv"),
                dir.resolve("production.csv"),
                dir.resolve("output.csv"));
        if (!read.ok()) {
            throw new AssertionError(read.problems());
        }
        AccountingEngine.Run run =
                new AccountingEngine(ReferenceLibrary.shipped(), AccountingOptions.defaults(), 2).account(read.input());
        if (!run.ok()) {
            throw new AssertionError(run.problems());
        }
        Path accounts = dir.resolve("cli-accounts.csv");
        Path rollup = dir.resolve("cli-rollup.csv");
        ResultWriter.writeAccounts(run.result(), accounts);
        RollupWriter.write(
                Rollup.of(run.result().months(), ReferenceLibrary.shipped().registry()), rollup);
        YearMonth[] months = FilingArchive.months(read.input());
        Clock clock = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
        try (ParquetArchive.Writer w = ParquetArchive.writer(archive, months[0], months[1], clock)) {
            FilingArchive.add(read.input(), w);
            w.commit();
        }
        return new Single(run.result(), accounts, rollup);
    }

    static Method defaults() {
        return Method.of(AccountingOptions.defaults(), null, null);
    }
}
