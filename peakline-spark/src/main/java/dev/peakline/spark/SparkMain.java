package dev.peakline.spark;

import dev.peakline.accounting.AccountingOptions;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.io.accounting.ResultWriter;
import dev.peakline.io.accounting.RollupWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code peakline spark account}: the national engine. Locally ({@code ./peakline spark account --archive DIR --out
 * DIR}) or on a cluster ({@code spark-submit --class dev.peakline.spark.SparkMain peakline-spark-job.jar account …}).
 */
@Command(
        name = "spark",
        mixinStandardHelpOptions = true,
        subcommands = SparkMain.Account.class,
        description = "Peakline on Apache Spark over a Parquet archive (docs/scale.md).")
public final class SparkMain implements Runnable {
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkMain())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args));
    }

    @Command(
            name = "account",
            mixinStandardHelpOptions = true,
            description = "Account an archive's approved filing lines with the Peakline engine, roll the results up by"
                    + " region, industry and enterprise, and re-roll its meter readings into days and months.")
    static final class Account implements Callable<Integer> {
        @Option(names = "--archive", required = true, description = "The archive (./peakline archive --out DIR).")
        String archive;

        @Option(
                names = "--out",
                required = true,
                description = "Output directory: results/, rollups/, meter_days/, meter_months/ (Parquet).")
        String out;

        @Option(
                names = "--master",
                description = "Spark master (default: spark-submit's, else local[*]); local[2] on this machine.")
        String master;

        @Option(names = "--partitions", description = "Partitions of the lines (default: 4 × the cores).")
        Integer partitions;

        @Option(
                names = "--csv",
                description = "Also write accounts.csv and rollup.csv as ./peakline account --out/--rollup writes"
                        + " them (collected on the driver: for comparisons and small archives).")
        boolean csv;

        @Option(names = "--electricity", description = "Electricity factor: ${COMPLETION-CANDIDATES}.")
        AccountingOptions.ElectricityBasis electricity = AccountingOptions.ElectricityBasis.NATIONAL;

        @Option(names = "--convention", description = "Electricity to standard coal: ${COMPLETION-CANDIDATES}.")
        AccountingOptions.ElectricityConvention convention = AccountingOptions.ElectricityConvention.CALORIFIC;

        @Option(names = "--gwp", description = "GWP set: AR2, AR4, AR5 or AR6 (default AR2).")
        String gwp = "AR2";

        @Option(names = "--guideline", description = "Fuel-default table variant (default A).")
        String guideline = "A";

        @Option(names = "--non-co2", description = "Add CH4 and N2O from fuel combustion.")
        boolean nonCo2;

        @Option(names = "--factors", description = "A factor file whose factors override the shipped ones.")
        Path factors;

        @Override
        public Integer call() throws IOException {
            Method method = Method.of(
                    new AccountingOptions(guideline, electricity, convention, gwp, nonCo2),
                    factors == null ? null : factors.getFileName().toString(),
                    factors == null ? null : Files.readString(factors, StandardCharsets.UTF_8));
            method.library(); // a bad factor file stops here, before Spark starts
            long t0 = System.nanoTime();
            try (SparkSession spark = session(master)) {
                int p = partitions != null
                        ? partitions
                        : Math.max(4, 4 * spark.sparkContext().defaultParallelism());
                Summary s = run(spark, Path.of(archive), Path.of(out), method, p, csv);
                System.out.printf(
                        Locale.ROOT,
                        "accounted %d enterprise-months on Spark (%s): %d roll-up lines, %d meter-days, %d meter-months"
                                + " (%d ms)%n",
                        s.months(),
                        spark.sparkContext().master(),
                        s.rollups(),
                        s.meterDays(),
                        s.meterMonths(),
                        (System.nanoTime() - t0) / 1_000_000);
                System.out.println("wrote " + out);
            }
            return 0;
        }
    }

    public record Summary(long months, long rollups, long meterDays, long meterMonths) {}

    /** The whole job: accounts, roll-ups and meter roll-ups written under {@code out}. */
    public static Summary run(SparkSession spark, Path archive, Path out, Method method, int partitions, boolean csv) {
        if (!Files.isDirectory(archive.resolve("activity")) && !Files.isDirectory(archive.resolve("readings"))) {
            throw new IllegalArgumentException(archive + " holds neither filing lines nor readings: write it with"
                    + " ./peakline archive --out " + archive);
        }
        long months = 0;
        long rollups = 0;
        if (Files.isDirectory(archive.resolve("activity"))) {
            ArchiveAccounting.Accounts a = ArchiveAccounting.account(spark, archive, method, partitions);
            a.results()
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("compression", "zstd")
                    .partitionBy("year", "month")
                    .parquet(out.resolve("results").toString());
            a.rollups()
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("compression", "zstd")
                    .parquet(out.resolve("rollups").toString());
            months = a.results().count();
            rollups = spark.read().parquet(out.resolve("rollups").toString()).count();
            if (csv) {
                List<EnterpriseMonth> ms = a.results().orderBy("enterprise", "period").collectAsList().stream()
                        .map(ArchiveAccounting::month)
                        .toList();
                ResultWriter.writeAccounts(ms, method.library().setsUsed(), out.resolve("accounts.csv"));
                RollupWriter.write(
                        ArchiveAccounting.lines(spark.read()
                                .parquet(out.resolve("rollups").toString())
                                .collectAsList()),
                        out.resolve("rollup.csv"));
            }
            a.results().unpersist();
        }
        long days = 0;
        long monthRows = 0;
        ReadingRollup.Rolled r = ReadingRollup.roll(spark, archive, partitions);
        if (r != null) {
            r.days()
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("compression", "zstd")
                    .partitionBy("year", "month")
                    .parquet(out.resolve("meter_days").toString());
            r.months()
                    .write()
                    .mode(SaveMode.Overwrite)
                    .option("compression", "zstd")
                    .partitionBy("year")
                    .parquet(out.resolve("meter_months").toString());
            days = r.days().count();
            monthRows =
                    spark.read().parquet(out.resolve("meter_months").toString()).count();
            r.days().unpersist();
        }
        return new Summary(months, rollups, days, monthRows);
    }

    /**
     * A session: the given master, else spark-submit's, else local mode on every core; in local mode the driver listens
     * on loopback only and the web UI is off.
     */
    public static SparkSession session(String master) {
        SparkConf conf = new SparkConf().setAppName("peakline");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        if (conf.get("spark.master").startsWith("local")) {
            conf.set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.ui.enabled", "false")
                    .set("spark.sql.shuffle.partitions", "8");
        }
        SparkSession s = SparkSession.builder().config(conf).getOrCreate();
        s.sparkContext().setLogLevel("WARN");
        return s;
    }
}
