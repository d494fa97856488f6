package dev.peakline.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import dev.peakline.accounting.AccountingEngine;
import dev.peakline.accounting.AccountingInput;
import dev.peakline.accounting.EnterpriseMonth;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.problems.Problem;
import dev.peakline.rollup.Rollup;
import dev.peakline.store.filing.FilingContents;
import dev.peakline.store.filing.FilingRepository.ActivityLine;
import dev.peakline.store.filing.FilingRepository.Content;
import dev.peakline.store.filing.FilingRepository.OutputLine;
import dev.peakline.store.filing.FilingRepository.ProcessLine;
import dev.peakline.store.filing.FilingRepository.ProductionLine;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Accounts an archive's approved filing lines on Spark with the same {@code peakline-core} engine the CLI and the
 * server run: the lines of the four kinds are brought together by enterprise (hash partitions, so an enterprise's
 * months meet in one task, as the engine's consistency checks need), sorted, and each partition is handed to the engine
 * in chunks of enterprises, the factor set broadcast. Within an enterprise-month the engine sums in its canonical order,
 * so every figure is the single machine's to the bit. Roll-ups by region, industry and enterprise come from core's
 * {@link Rollup} per partition (integers of 10⁻⁶ t, enterprises disjoint between partitions) summed across them.
 */
public final class ArchiveAccounting {
    /** Enterprises handed to the engine at once inside a partition. */
    static final int CHUNK = 2_000;

    static final StructType LINE = new StructType()
            .add("kind", DataTypes.IntegerType, false)
            .add("enterprise", DataTypes.StringType, false)
            .add("region", DataTypes.StringType, true)
            .add("industry", DataTypes.StringType, true)
            .add("period", DataTypes.StringType, false)
            .add("line", DataTypes.IntegerType, false)
            .add("name", DataTypes.StringType, true)
            .add("use", DataTypes.StringType, true)
            .add("amount", DataTypes.DoubleType, false)
            .add("unit", DataTypes.StringType, false)
            .add("ncv", DataTypes.DoubleType, true)
            .add("carbon", DataTypes.DoubleType, true)
            .add("quality", DataTypes.StringType, true)
            .add("unc", DataTypes.DoubleType, true)
            .add("func", DataTypes.DoubleType, true)
            .add("params", DataTypes.StringType, true);

    /** One enterprise-month result: the engine's figures, the derived scopes, and the factor sets named. */
    public static final StructType RESULT = new StructType()
            .add("enterprise", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("region", DataTypes.StringType, false)
            .add("industry", DataTypes.StringType, false)
            .add("scope1_tco2", DataTypes.DoubleType, false)
            .add("scope2_tco2", DataTypes.DoubleType, false)
            .add("total_tco2", DataTypes.DoubleType, false)
            .add("energy_tce", DataTypes.DoubleType, false)
            .add("feedstock_tce", DataTypes.DoubleType, false)
            .add("combustion_tco2", DataTypes.DoubleType, false)
            .add("process_tco2", DataTypes.DoubleType, false)
            .add("electricity_tco2", DataTypes.DoubleType, false)
            .add("heat_tco2", DataTypes.DoubleType, false)
            .add("supplied_mwh", DataTypes.DoubleType, false)
            .add("value_added", DataTypes.DoubleType, true)
            .add("production", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false)
            .add("factor_set", DataTypes.StringType, false)
            .add("year", DataTypes.IntegerType, false)
            .add("month", DataTypes.IntegerType, false);

    public static final StructType ROLLUP = new StructType()
            .add("axis", DataTypes.StringType, false)
            .add("code", DataTypes.StringType, false)
            .add("name", DataTypes.StringType, false)
            .add("level", DataTypes.StringType, false)
            .add("period", DataTypes.StringType, false)
            .add("scope1_micro", DataTypes.LongType, false)
            .add("scope2_micro", DataTypes.LongType, false)
            .add("energy_micro", DataTypes.LongType, false)
            .add("enterprises", DataTypes.IntegerType, false);

    private ArchiveAccounting() {}

    /** The results and roll-ups of an archive's lines. */
    public record Accounts(Dataset<Row> results, Dataset<Row> rollups) {}

    public static Accounts account(SparkSession spark, Path archive, Method method, int partitions) {
        Dataset<Row> lines = null;
        for (String table : List.of("activity", "process", "production", "output")) {
            Path dir = archive.resolve(table);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Dataset<Row> t = spark.read().option("basePath", dir.toString()).parquet(dir.toString());
            Dataset<Row> u = t.select(columns(table));
            lines = lines == null ? u : lines.unionByName(u);
        }
        if (lines == null) {
            throw new IllegalArgumentException(archive + " holds no activity lines (" + archive.resolve("activity")
                    + " is missing): write it with ./peakline archive --out " + archive);
        }
        Broadcast<Method> m =
                spark.sparkContext().broadcast(method, scala.reflect.ClassTag$.MODULE$.apply(Method.class));
        Dataset<Row> results = lines.repartition(partitions, col("enterprise"))
                .sortWithinPartitions("enterprise", "period", "kind", "line")
                .mapPartitions(
                        (MapPartitionsFunction<Row, Row>) it -> accountPartition(it, m.value()), Encoders.row(RESULT));
        results = results.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> partial = results.mapPartitions(
                (MapPartitionsFunction<Row, Row>) it -> rollupPartition(it, m.value()), Encoders.row(ROLLUP));
        Dataset<Row> rollups = partial.groupBy("axis", "code", "name", "level", "period")
                .agg(
                        sum("scope1_micro").as("scope1_micro"),
                        sum("scope2_micro").as("scope2_micro"),
                        sum("energy_micro").as("energy_micro"),
                        sum("enterprises").cast(DataTypes.IntegerType).as("enterprises"));
        return new Accounts(results, rollups);
    }

    /** One table's columns in the common line layout. */
    private static Column[] columns(String table) {
        Column none = lit(null).cast(DataTypes.StringType);
        Column noValue = lit(null).cast(DataTypes.DoubleType);
        return switch (table) {
            case "activity" ->
                new Column[] {
                    lit(0).as("kind"),
                    col("enterprise"),
                    col("region"),
                    col("industry"),
                    col("period"),
                    col("line"),
                    col("carrier").as("name"),
                    col("use"),
                    col("amount"),
                    col("unit"),
                    col("measured_ncv").as("ncv"),
                    col("measured_carbon").as("carbon"),
                    col("quality"),
                    col("uncertainty").as("unc"),
                    col("factor_uncertainty").as("func"),
                    none.as("params")
                };
            case "process" ->
                new Column[] {
                    lit(1).as("kind"),
                    col("enterprise"),
                    none.as("region"),
                    none.as("industry"),
                    col("period"),
                    col("line"),
                    col("process").as("name"),
                    none.as("use"),
                    col("amount"),
                    col("unit"),
                    noValue.as("ncv"),
                    noValue.as("carbon"),
                    none.as("quality"),
                    noValue.as("unc"),
                    noValue.as("func"),
                    col("parameters").as("params")
                };
            case "production" ->
                new Column[] {
                    lit(2).as("kind"),
                    col("enterprise"),
                    none.as("region"),
                    none.as("industry"),
                    col("period"),
                    col("line"),
                    col("product").as("name"),
                    none.as("use"),
                    col("amount"),
                    col("unit"),
                    noValue.as("ncv"),
                    noValue.as("carbon"),
                    none.as("quality"),
                    noValue.as("unc"),
                    noValue.as("func"),
                    none.as("params")
                };
            default ->
                new Column[] {
                    lit(3).as("kind"), col("enterprise"), none.as("region"), none.as("industry"), col("period"),
                    col("line"), none.as("name"), none.as("use"),
                            col("value_added").as("amount"), col("unit"),
                    noValue.as("ncv"), noValue.as("carbon"), none.as("quality"), noValue.as("unc"), noValue.as("func"),
                    none.as("params")
                };
        };
    }

    /** Lines sorted by enterprise, period, kind and line → the engine's results, a chunk of enterprises at a time. */
    static Iterator<Row> accountPartition(Iterator<Row> rows, Method method) {
        AccountingEngine engine = new AccountingEngine(method.library(), method.options(), 1);
        String sets = method.library().setsUsed();
        return new Iterator<>() {
            private final List<Row> pending = new ArrayList<>();
            private Iterator<Row> out = java.util.Collections.emptyIterator();
            private Row carry;

            @Override
            public boolean hasNext() {
                while (!out.hasNext()) {
                    if (carry == null && !rows.hasNext()) {
                        return false;
                    }
                    out = chunk().iterator();
                }
                return true;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return out.next();
            }

            /** The next CHUNK enterprises' lines, accounted. */
            private List<Row> chunk() {
                pending.clear();
                int enterprises = 0;
                String last = null;
                while (carry != null || rows.hasNext()) {
                    Row r = carry != null ? carry : rows.next();
                    carry = null;
                    String e = r.getString(1);
                    if (!e.equals(last)) {
                        if (enterprises == CHUNK) {
                            carry = r;
                            break;
                        }
                        enterprises++;
                        last = e;
                    }
                    pending.add(r);
                }
                return account(pending, engine, sets);
            }
        };
    }

    private static List<Row> account(List<Row> lines, AccountingEngine engine, String sets) {
        List<FilingContents.Entry> entries = new ArrayList<>();
        Map<String, String[]> where = new HashMap<>();
        int i = 0;
        while (i < lines.size()) {
            String enterprise = lines.get(i).getString(1);
            String period = lines.get(i).getString(4);
            List<ActivityLine> activity = new ArrayList<>();
            List<ProcessLine> process = new ArrayList<>();
            List<ProductionLine> production = new ArrayList<>();
            List<OutputLine> output = new ArrayList<>();
            for (;
                    i < lines.size()
                            && lines.get(i).getString(1).equals(enterprise)
                            && lines.get(i).getString(4).equals(period);
                    i++) {
                Row r = lines.get(i);
                BigDecimal amount = BigDecimal.valueOf(r.getDouble(8));
                switch (r.getInt(0)) {
                    case 0 -> {
                        where.putIfAbsent(enterprise, new String[] {r.getString(2), r.getString(3)});
                        activity.add(new ActivityLine(
                                r.getString(6),
                                r.getString(7),
                                amount,
                                r.getString(9),
                                decimal(r, 10),
                                decimal(r, 11),
                                r.isNullAt(12) ? null : r.getString(12),
                                decimal(r, 13),
                                decimal(r, 14)));
                    }
                    case 1 -> process.add(new ProcessLine(r.getString(6), amount, r.getString(9), r.getString(15)));
                    case 2 -> production.add(new ProductionLine(r.getString(6), amount, r.getString(9)));
                    default -> output.add(new OutputLine(amount, r.getString(9)));
                }
            }
            String[] w = where.get(enterprise);
            entries.add(new FilingContents.Entry(
                    CreditCode.of(enterprise),
                    w == null ? null : RegionCode.of(w[0]),
                    w == null ? null : IndustryCode.of(w[1]),
                    YearMonth.parse(period),
                    new Content(activity, process, production, output)));
        }
        AccountingInput in = FilingContents.input("archive", entries);
        AccountingEngine.Run run = engine.account(in);
        if (!run.ok()) {
            List<Problem> p = run.problems();
            throw new IllegalStateException(
                    p.size() + " problem(s) in the archive's lines, first: " + p.subList(0, Math.min(5, p.size())));
        }
        List<Row> out = new ArrayList<>(run.result().months().size());
        for (EnterpriseMonth m : run.result().months()) {
            out.add(row(m, sets));
        }
        return out;
    }

    private static BigDecimal decimal(Row r, int i) {
        return r.isNullAt(i) ? null : BigDecimal.valueOf(r.getDouble(i));
    }

    static Row row(EnterpriseMonth m, String sets) {
        return RowFactory.create(
                m.enterprise().value(),
                m.period().toString(),
                m.region().value(),
                m.industry().value(),
                m.scope1(),
                m.scope2(),
                m.total(),
                m.energy(),
                m.feedstockEnergy(),
                m.combustion(),
                m.process(),
                m.electricity(),
                m.heat(),
                m.suppliedElectricity(),
                Double.isNaN(m.valueAdded()) ? null : m.valueAdded(),
                CollectionConverters.asScala(m.production()),
                sets,
                m.period().getYear(),
                m.period().getMonthValue());
    }

    /** A result row back as the engine's month (the figures are the same doubles). */
    public static EnterpriseMonth month(Row r) {
        scala.collection.Map<String, Object> p = r.getMap(15);
        Map<String, Double> production = new HashMap<>();
        CollectionConverters.asJava(p).forEach((k, v) -> production.put(k, ((Number) v).doubleValue()));
        return new EnterpriseMonth(
                CreditCode.of(r.getString(0)),
                RegionCode.of(r.getString(2)),
                IndustryCode.of(r.getString(3)),
                YearMonth.parse(r.getString(1)),
                r.getDouble(9),
                r.getDouble(10),
                r.getDouble(11),
                r.getDouble(12),
                r.getDouble(7),
                r.getDouble(8),
                r.getDouble(13),
                r.isNullAt(14) ? Double.NaN : r.getDouble(14),
                production);
    }

    /** A partition's roll-up lines from core's {@link Rollup}: its enterprises are no other partition's. */
    static Iterator<Row> rollupPartition(Iterator<Row> rows, Method method) {
        List<EnterpriseMonth> months = new ArrayList<>();
        rows.forEachRemaining(r -> months.add(month(r)));
        List<Row> out = new ArrayList<>();
        for (Rollup.Line l : Rollup.of(months, method.library().registry())) {
            out.add(RowFactory.create(
                    l.axis().name(),
                    l.code(),
                    l.name(),
                    l.level(),
                    l.period(),
                    l.scope1Micro(),
                    l.scope2Micro(),
                    l.energyMicro(),
                    l.enterprises()));
        }
        return out.iterator();
    }

    /** Roll-up rows back as core's lines, in core's order. */
    public static List<Rollup.Line> lines(List<Row> rows) {
        List<Rollup.Line> out = new ArrayList<>();
        for (Row r : rows) {
            out.add(new Rollup.Line(
                    Rollup.Axis.valueOf(r.getString(0)),
                    r.getString(1),
                    r.getString(2),
                    r.getString(3),
                    r.getString(4),
                    r.getLong(5),
                    r.getLong(6),
                    r.getLong(7),
                    r.getInt(8)));
        }
        out.sort(java.util.Comparator.comparing(Rollup.Line::axis)
                .thenComparing(Rollup.Line::code)
                .thenComparing(Rollup.Line::period));
        return out;
    }
}
