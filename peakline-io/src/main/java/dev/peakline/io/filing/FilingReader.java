package dev.peakline.io.filing;

import dev.peakline.accounting.AccountingInput;
import dev.peakline.accounting.ActivityBatch;
import dev.peakline.accounting.ActivityColumns;
import dev.peakline.domain.ActivityRecord;
import dev.peakline.domain.CreditCode;
import dev.peakline.domain.DataQuality;
import dev.peakline.domain.DateWindow;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.OutputRecord;
import dev.peakline.domain.ProcessRecord;
import dev.peakline.domain.ProductionRecord;
import dev.peakline.domain.RegionCode;
import dev.peakline.domain.Use;
import dev.peakline.io.table.Columns;
import dev.peakline.io.table.CsvBytes;
import dev.peakline.io.table.Table;
import dev.peakline.problems.Problem;
import dev.peakline.units.Decimals;
import dev.peakline.units.Dimension;
import dev.peakline.units.Quantity;
import dev.peakline.units.Unit;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the documented filing formats (docs/user-guide.md) from CSV or .xlsx into an {@link AccountingInput}, checking
 * the syntax of every field. Problems carry file, line and column; when there is any, no input is returned.
 */
public final class FilingReader {
    /** Largest plausible quantity of one record in its canonical unit (1 Gt, 10⁹ MWh …); larger is a typing error. */
    public static final double ABSURD = 1e9;

    static final List<Columns.Spec> ACTIVITY = List.of(
            new Columns.Spec("enterprise", List.of("企业", "统一社会信用代码"), true),
            new Columns.Spec("region", List.of("行政区划", "行政区划代码"), true),
            new Columns.Spec("industry", List.of("行业", "行业代码"), true),
            new Columns.Spec("period", List.of("期间", "统计期"), true),
            new Columns.Spec("carrier", List.of("能源品种", "品种"), true),
            new Columns.Spec("quantity", List.of("数量"), true),
            new Columns.Spec("unit", List.of("单位", "计量单位"), true),
            new Columns.Spec("use", List.of("用途"), true),
            new Columns.Spec("ncv", List.of("实测低位发热量"), false),
            new Columns.Spec("quality", List.of("数据质量", "数据来源", "数据获取方式"), false),
            new Columns.Spec("carbon_content", List.of("实测单位热值含碳量"), false),
            new Columns.Spec("uncertainty", List.of("不确定性", "活动数据不确定性"), false),
            new Columns.Spec("factor_uncertainty", List.of("因子不确定性", "排放因子不确定性"), false));
    static final List<Columns.Spec> PROCESS = List.of(
            new Columns.Spec("enterprise", List.of("企业", "统一社会信用代码"), true),
            new Columns.Spec("period", List.of("期间", "统计期"), true),
            new Columns.Spec("process", List.of("过程"), true),
            new Columns.Spec("quantity", List.of("数量"), true),
            new Columns.Spec("unit", List.of("单位", "计量单位"), true),
            new Columns.Spec("parameters", List.of("参数"), false));
    static final List<Columns.Spec> PRODUCTION = List.of(
            new Columns.Spec("enterprise", List.of("企业", "统一社会信用代码"), true),
            new Columns.Spec("period", List.of("期间", "统计期"), true),
            new Columns.Spec("product", List.of("产品"), true),
            new Columns.Spec("quantity", List.of("产量", "数量"), true),
            new Columns.Spec("unit", List.of("单位", "计量单位"), true));
    static final List<Columns.Spec> OUTPUT = List.of(
            new Columns.Spec("enterprise", List.of("企业", "统一社会信用代码"), true),
            new Columns.Spec("period", List.of("期间", "统计期"), true),
            new Columns.Spec("value_added", List.of("工业增加值", "增加值"), true),
            new Columns.Spec("unit", List.of("单位", "计量单位"), true));

    /** The input, or the problems found (never both). */
    public record Read(AccountingInput input, List<Problem> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private FilingReader() {}

    /**
     * Reads an activity file and optional companion files (null when absent). A workbook may carry the companions as
     * sheets named process/过程, production/产量, output/增加值 beside the activity sheet (activity/活动数据, else the first).
     */
    public static Read read(Path activity, Path process, Path production, Path output) {
        Optional<Table> proc = Optional.empty();
        Optional<Table> prod = Optional.empty();
        Optional<Table> out = Optional.empty();
        Rows act;
        if (Table.isExcel(activity)) {
            Map<String, Table> sheets = Table.excel(activity);
            act = Rows.of(activitySheet(sheets, activity.toString()));
            proc = Table.pick(sheets, PROCESS_SHEETS, false);
            prod = Table.pick(sheets, PRODUCTION_SHEETS, false);
            out = Table.pick(sheets, OUTPUT_SHEETS, false);
        } else {
            // a plain CSV activity file is cut into pieces that the cores parse together; any other is parsed as it is
            // read, its rows never all in memory at once
            CsvBytes plain = Table.plain(activity);
            act = plain != null
                    ? Rows.of(plain)
                    : new Rows(activity.getFileName().toString(), sink -> Table.csv(activity, sink), null);
        }
        if (process != null) {
            proc = Optional.of(load(process, PROCESS_SHEETS));
        }
        if (production != null) {
            prod = Optional.of(load(production, PRODUCTION_SHEETS));
        }
        if (output != null) {
            out = Optional.of(load(output, OUTPUT_SHEETS));
        }
        return read(act, proc, prod, out);
    }

    /** Rows of a table, header first, fed to a sink: a table in memory, or a file streamed as it is read. */
    record Rows(
            String source, java.util.function.Consumer<java.util.function.Consumer<Table.Line>> feed, CsvBytes plain) {
        static Rows of(Table t) {
            return new Rows(t.source(), sink -> t.lines().forEach(sink), null);
        }

        static Rows of(CsvBytes plain) {
            return new Rows(plain.source(), null, plain);
        }
    }

    private static final List<String> ACTIVITY_SHEETS = List.of("activity", "活动数据");
    private static final List<String> PROCESS_SHEETS = List.of("process", "过程");
    private static final List<String> PRODUCTION_SHEETS = List.of("production", "产量");
    private static final List<String> OUTPUT_SHEETS = List.of("output", "增加值");

    private static Table activitySheet(Map<String, Table> sheets, String name) {
        return Table.pick(sheets, ACTIVITY_SHEETS, true)
                .orElseThrow(() -> new UncheckedIOException(new java.io.IOException(name + " has no sheets")));
    }

    /**
     * Reads an uploaded file held in memory: the filing workbook (sheets as for files) when its name ends in .xlsx,
     * otherwise an activity CSV in UTF-8.
     */
    public static Read read(String name, byte[] bytes) {
        if (Table.isExcel(Path.of(name))) {
            Map<String, Table> sheets = Table.excel(name, bytes);
            return read(
                    activitySheet(sheets, name),
                    Table.pick(sheets, PROCESS_SHEETS, false),
                    Table.pick(sheets, PRODUCTION_SHEETS, false),
                    Table.pick(sheets, OUTPUT_SHEETS, false));
        }
        CsvBytes plain = CsvBytes.plain(
                name,
                bytes,
                sink -> Table.csv(name, Table.utf8(name, bytes)).lines().forEach(sink));
        if (plain != null) {
            return read(Rows.of(plain), Optional.empty(), Optional.empty(), Optional.empty());
        }
        return read(Table.csv(name, Table.utf8(name, bytes)), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * Reads tables already in memory (a web form's lines, an upload): the same columns, checks and problems as files.
     */
    public static Read read(Table act, Optional<Table> proc, Optional<Table> prod, Optional<Table> out) {
        return read(Rows.of(act), proc, prod, out);
    }

    private static Read read(Rows act, Optional<Table> proc, Optional<Table> prod, Optional<Table> out) {
        List<Problem> problems = new ArrayList<>();
        // a companion sheet left at its header row (as the template comes) holds nothing to file
        proc = proc.filter(t -> t.lines().size() > 1);
        prod = prod.filter(t -> t.lines().size() > 1);
        out = out.filter(t -> t.lines().size() > 1);
        List<ActivityRecord> a = rows(act, ACTIVITY, problems, FilingReader::activity, COLUMNS);
        List<ProcessRecord> p =
                proc.map(t -> rows(t, PROCESS, problems, FilingReader::process)).orElse(List.of());
        List<ProductionRecord> q = prod.map(t -> rows(t, PRODUCTION, problems, FilingReader::production))
                .orElse(List.of());
        List<OutputRecord> o =
                out.map(t -> rows(t, OUTPUT, problems, FilingReader::output)).orElse(List.of());
        if (!problems.isEmpty()) {
            return new Read(null, List.copyOf(problems));
        }
        return new Read(new AccountingInput(act.source(), a, p, q, o), List.of());
    }

    private static Table load(Path file, List<String> sheetNames) {
        if (!Table.isExcel(file)) {
            return Table.csv(file);
        }
        return Table.pick(Table.excel(file), sheetNames, true)
                .orElseThrow(() -> new UncheckedIOException(new java.io.IOException(file + " has no sheets")));
    }

    /** Parses one row; problems go to the context, null when the row had any. */
    private interface RowParser<T> extends Function<Ctx, T> {}

    /**
     * Where parsed rows go, and how the pieces of one file are joined in file order: a list, or for activity lines
     * {@link ActivityColumns}, the codes interned as they are read.
     */
    private interface Collect<T, A> {
        /** An accumulator for about {@code expected} rows. */
        A start(int expected);

        void add(A acc, T row);

        List<T> join(List<A> parts);

        /** The fast reader of a plain CSV's lines for this accumulator, or null. */
        default CsvBytes.Fast fast(Columns cols, A acc) {
            return null;
        }
    }

    private static <T> Collect<T, List<T>> list() {
        return new Collect<>() {
            @Override
            public List<T> start(int expected) {
                return new ArrayList<>(expected);
            }

            @Override
            public void add(List<T> acc, T row) {
                acc.add(row);
            }

            @Override
            public List<T> join(List<List<T>> parts) {
                if (parts.size() == 1) {
                    return parts.get(0);
                }
                List<T> out =
                        new ArrayList<>(parts.stream().mapToInt(List::size).sum());
                parts.forEach(out::addAll);
                return out;
            }
        };
    }

    private static final Collect<ActivityRecord, ActivityColumns.Builder> COLUMNS = new Collect<>() {
        @Override
        public ActivityColumns.Builder start(int expected) {
            return ActivityColumns.builder(expected);
        }

        @Override
        public void add(ActivityColumns.Builder acc, ActivityRecord row) {
            acc.accept(row);
        }

        @Override
        public List<ActivityRecord> join(List<ActivityColumns.Builder> parts) {
            return ActivityColumns.concat(parts);
        }

        @Override
        public CsvBytes.Fast fast(Columns cols, ActivityColumns.Builder acc) {
            return new FastActivity(cols, acc);
        }
    };

    private static <T> List<T> rows(Table t, List<Columns.Spec> specs, List<Problem> problems, RowParser<T> parser) {
        return rows(Rows.of(t), specs, problems, parser, list());
    }

    private static <T, A> List<T> rows(
            Rows t, List<Columns.Spec> specs, List<Problem> problems, RowParser<T> parser, Collect<T, A> collect) {
        if (t.plain() != null) {
            return rows(t.plain(), specs, problems, parser, collect);
        }
        A out = collect.start(16);
        Memo memo = new Memo();
        Columns[] cols = {null};
        boolean[] badHeader = {false};
        int[] lines = {0};
        t.feed().accept(line -> {
            if (lines[0]++ == 0) {
                int before = problems.size();
                cols[0] = Columns.of(line, specs, t.source(), problems);
                badHeader[0] = problems.size() > before;
                return;
            }
            if (badHeader[0]) {
                return;
            }
            T v = parser.apply(new Ctx(t.source(), line, cols[0], problems, memo));
            if (v != null) {
                collect.add(out, v);
            }
        });
        if (lines[0] == 0) {
            problems.add(Problem.at("file.empty", t.source(), 0, "", "the file has no header and no rows"));
            return List.of();
        }
        if (badHeader[0]) {
            return List.of();
        }
        if (lines[0] == 1) {
            problems.add(Problem.at("file.empty", t.source(), 0, "", "the file has a header but no data rows"));
        }
        return collect.join(List.of(out));
    }

    /**
     * The rows of a plain CSV file, its pieces parsed by the cores together, each with its own memo, and joined in file
     * order: the same records and problems, in the same order, as one pass over the file.
     */
    private static <T, A> List<T> rows(
            CsvBytes t, List<Columns.Spec> specs, List<Problem> problems, RowParser<T> parser, Collect<T, A> collect) {
        if (t.header() == null) {
            problems.add(Problem.at("file.empty", t.source(), 0, "", "the file has no header and no rows"));
            return List.of();
        }
        int before = problems.size();
        Columns cols = Columns.of(t.header(), specs, t.source(), problems);
        if (problems.size() > before) {
            return List.of();
        }
        List<CsvBytes.Piece> pieces = t.pieces(Runtime.getRuntime().availableProcessors());
        if (pieces == null) {
            return rows(new Rows(t.source(), t.general(), null), specs, problems, parser, collect);
        }
        record Part<A>(A rows, List<Problem> problems, List<Problem> shape, int[] lines) {}
        List<Part<A>> parts = java.util.stream.IntStream.range(0, pieces.size())
                .parallel()
                .mapToObj(k -> {
                    CsvBytes.Piece p = pieces.get(k);
                    // a piece's lines are known from where the next piece starts; the last one's are estimated
                    int expected = k + 1 < pieces.size()
                            ? pieces.get(k + 1).line() - p.line()
                            : (int) Math.min(Integer.MAX_VALUE / 2, (long) (p.to() - p.from()) / 32);
                    Part<A> part =
                            new Part<>(collect.start(expected), new ArrayList<>(), new ArrayList<>(), new int[2]);
                    Memo memo = new Memo();
                    CsvBytes.Fast fast = collect.fast(cols, part.rows());
                    t.feed(
                            p,
                            fast == null
                                    ? null
                                    : (b, line, from, to, cells) -> {
                                        boolean took = fast.take(b, line, from, to, cells);
                                        part.lines()[1] += took ? 1 : 0;
                                        return took;
                                    },
                            line -> {
                                part.lines()[0]++;
                                T v = parser.apply(new Ctx(t.source(), line, cols, part.problems(), memo));
                                if (v != null) {
                                    part.lines()[1]++;
                                    collect.add(part.rows(), v);
                                }
                            },
                            part.shape());
                    return part;
                })
                .toList();
        List<Problem> shape = new ArrayList<>();
        int n = 0;
        int lines = 0;
        for (Part<A> p : parts) {
            shape.addAll(p.shape());
            n += p.lines()[1];
            lines += p.lines()[0];
        }
        if (!shape.isEmpty()) {
            throw Table.shapeRefusal(t.source(), shape);
        }
        List<A> accs = new ArrayList<>();
        for (Part<A> p : parts) {
            accs.add(p.rows());
            problems.addAll(p.problems());
        }
        if (lines == 0 && n == 0) {
            problems.add(Problem.at("file.empty", t.source(), 0, "", "the file has a header but no data rows"));
        }
        return collect.join(accs);
    }

    /**
     * Activity lines read straight from a plain CSV's bytes when every cell is as it usually is: the codes, period,
     * unit and use known good (each distinct text checked once, by the same checks as {@link #activity(Ctx)}), the
     * quantity a plain non-negative decimal within {@link #ABSURD}, the optional columns empty. Any other line — one
     * with a problem to name, a measured value, a grade — is left to {@link #activity(Ctx)}, so what is reported, and
     * how, does not change.
     */
    private static final class FastActivity implements CsvBytes.Fast {
        final int enterprise, region, industry, period, carrier, quantity, unit, use;
        final int[] optional;
        final ActivityColumns.Builder out;
        // each distinct text's id in the columns, or −1 when the text has a problem (the general path reports it)
        final CsvBytes.Slices<Integer> credits;
        final CsvBytes.Slices<Integer> regions;
        final CsvBytes.Slices<Integer> industries;
        final CsvBytes.Slices<Integer> periods = new CsvBytes.Slices<>(Memo.LIMIT, FastActivity::period);
        final CsvBytes.Slices<Integer> carriers;
        final CsvBytes.Slices<Optional<Unit>> units = new CsvBytes.Slices<>(Memo.LIMIT, Unit::parse);
        final CsvBytes.Slices<Optional<Use>> uses = new CsvBytes.Slices<>(Memo.LIMIT, Use::parse);

        FastActivity(Columns c, ActivityColumns.Builder out) {
            enterprise = c.index("enterprise");
            region = c.index("region");
            industry = c.index("industry");
            period = c.index("period");
            carrier = c.index("carrier");
            quantity = c.index("quantity");
            unit = c.index("unit");
            use = c.index("use");
            optional = java.util.stream.Stream.of(
                            "ncv", "quality", "carbon_content", "uncertainty", "factor_uncertainty")
                    .mapToInt(c::index)
                    .filter(i -> i >= 0)
                    .toArray();
            this.out = out;
            credits = new CsvBytes.Slices<>(Memo.LIMIT, x -> id(Memo.credit(x), out::enterprise));
            regions = new CsvBytes.Slices<>(Memo.LIMIT, x -> id(Memo.region(x), out::region));
            industries = new CsvBytes.Slices<>(Memo.LIMIT, x -> id(Memo.industry(x), out::industry));
            carriers = new CsvBytes.Slices<>(Memo.LIMIT, x -> x.isEmpty() ? -1 : out.carrier(x));
        }

        private static <T> Integer id(Memo.Parsed<T> p, java.util.function.ToIntFunction<T> intern) {
            return p.code() == null ? intern.applyAsInt(p.value()) : -1;
        }

        private static Integer period(String x) {
            Memo.Parsed<YearMonth> p = Ctx.month(x);
            return p.code() == null
                    ? ActivityBatch.periodOrdinal(p.value().getYear(), p.value().getMonthValue())
                    : -1;
        }

        @Override
        public boolean take(byte[] b, int line, int[] from, int[] to, int cells) {
            for (int i : optional) {
                if (i < cells && from[i] < to[i]) {
                    return false;
                }
            }
            int last = Math.max(
                    Math.max(Math.max(enterprise, region), Math.max(industry, period)),
                    Math.max(Math.max(carrier, quantity), Math.max(unit, use)));
            if (last >= cells) {
                return false;
            }
            if (from[enterprise] == to[enterprise]
                    || from[region] == to[region]
                    || from[industry] == to[industry]
                    || from[period] == to[period]
                    || from[carrier] == to[carrier]
                    || from[unit] == to[unit]
                    || from[use] == to[use]) {
                return false;
            }
            int e = credits.get(b, from[enterprise], to[enterprise]);
            int r = regions.get(b, from[region], to[region]);
            int ind = industries.get(b, from[industry], to[industry]);
            int p = periods.get(b, from[period], to[period]);
            Optional<Unit> u = units.get(b, from[unit], to[unit]);
            Optional<Use> how = uses.get(b, from[use], to[use]);
            double q = Decimals.plain(b, from[quantity], to[quantity]);
            int c = carriers.get(b, from[carrier], to[carrier]);
            if (e < 0 || r < 0 || ind < 0 || p < 0 || u.isEmpty() || how.isEmpty() || !(q >= 0) || c < 0) {
                return false;
            }
            if (u.get().canonicalAbove(q, ABSURD)) {
                return false;
            }
            out.add(e, r, ind, p, c, u.get(), how.get(), q, line);
            return true;
        }
    }

    /**
     * What one file's rows have parsed so far, by the cell's text: codes, periods, units and uses repeat on almost
     * every row, so each distinct text is checked once and its value (or its problem, reported again on every row it
     * appears in) is looked up after that.
     */
    private static final class Memo {
        /** A cell's parsed value, or the problem it has (code, message) for the row to report. */
        record Parsed<T>(T value, String code, String message) {}

        final Map<String, Parsed<CreditCode>> credit = new java.util.HashMap<>();
        final Map<String, Parsed<RegionCode>> region = new java.util.HashMap<>();
        final Map<String, Parsed<IndustryCode>> industry = new java.util.HashMap<>();
        final Map<String, Parsed<YearMonth>> period = new java.util.HashMap<>();
        final Map<String, Optional<Unit>> unit = new java.util.HashMap<>();
        final Map<String, Optional<Use>> use = new java.util.HashMap<>();

        /** Distinct texts kept per column before the memo stops growing (a file of unique values gains nothing). */
        static final int LIMIT = 100_000;

        static Parsed<CreditCode> credit(String x) {
            Optional<String> why = CreditCode.problemWith(x);
            return why.isPresent()
                    ? new Parsed<>(null, "enterprise.credit_code", why.get())
                    : new Parsed<>(CreditCode.of(x), null, null);
        }

        static Parsed<RegionCode> region(String x) {
            try {
                return new Parsed<>(RegionCode.of(x), null, null);
            } catch (IllegalArgumentException e) {
                return new Parsed<>(null, "region.format", e.getMessage());
            }
        }

        static Parsed<IndustryCode> industry(String x) {
            try {
                return new Parsed<>(IndustryCode.of(x), null, null);
            } catch (IllegalArgumentException e) {
                return new Parsed<>(null, "industry.format", e.getMessage());
            }
        }

        static <T> T get(Map<String, T> m, String key, Function<String, T> parse) {
            T v = m.get(key);
            if (v == null) {
                v = parse.apply(key);
                if (m.size() < LIMIT) {
                    m.put(key, v);
                }
            }
            return v;
        }
    }

    private static ActivityRecord activity(Ctx c) {
        CreditCode e = c.creditCode();
        RegionCode r = c.region();
        IndustryCode i = c.industry();
        YearMonth p = c.period();
        String carrier = c.required("carrier");
        Quantity q = c.quantity("quantity", "unit");
        Use use = c.use();
        double ncv = c.optionalPositive("ncv");
        double cc = c.optionalPositive("carbon_content");
        String qualityText = c.cols.get(c.line, "quality");
        DataQuality quality = DataQuality.parse(qualityText).orElse(null);
        if (!qualityText.isEmpty() && quality == null) {
            c.problem(
                    "quality.unknown",
                    "quality",
                    "'" + qualityText + "' is not a data-quality grade: 实测 (measured), 计算 (calculated), 估算"
                            + " (estimated) or 缺省 (default)");
        }
        double u = c.optionalPercent("uncertainty");
        double fu = c.optionalPercent("factor_uncertainty");
        if (!c.clean()) {
            return null;
        }
        // measured carbon content is given in tC/TJ as in the national tables; the engine works in tC/GJ
        return new ActivityRecord(
                e, r, i, p, carrier, q, use, ncv, Double.isNaN(cc) ? cc : cc / 1000.0, c.line.number(), quality, u, fu);
    }

    private static ProcessRecord process(Ctx c) {
        CreditCode e = c.creditCode();
        YearMonth p = c.period();
        String process = c.required("process");
        Quantity q = c.quantity("quantity", "unit");
        Map<String, String> params = c.parameters();
        return c.clean() ? new ProcessRecord(e, p, process, q, params, c.line.number()) : null;
    }

    private static ProductionRecord production(Ctx c) {
        CreditCode e = c.creditCode();
        YearMonth p = c.period();
        String product = c.required("product");
        Quantity q = c.quantity("quantity", "unit");
        return c.clean() ? new ProductionRecord(e, p, product, q, c.line.number()) : null;
    }

    private static OutputRecord output(Ctx c) {
        CreditCode e = c.creditCode();
        YearMonth p = c.period();
        Quantity q = c.quantity("value_added", "unit");
        if (q != null && q.dimension() != Dimension.MONEY) {
            c.problem("unit.dimension", "unit", "value added is money (万元 or 元), not " + q.unit());
        }
        return c.clean() ? new OutputRecord(e, p, q, c.line.number()) : null;
    }

    /** Field parsing for one line, collecting problems. */
    private static final class Ctx {
        final String source;
        final Table.Line line;
        final Columns cols;
        final List<Problem> problems;
        final int start;
        final Memo memo;

        Ctx(String source, Table.Line line, Columns cols, List<Problem> problems, Memo memo) {
            this.source = source;
            this.line = line;
            this.cols = cols;
            this.problems = problems;
            this.start = problems.size();
            this.memo = memo;
        }

        /** The memo's value for the column's cell, reporting its problem on this row when it has one. */
        <T> T parsed(String column, Memo.Parsed<T> p) {
            if (p.code() != null) {
                problem(p.code(), column, p.message());
                return null;
            }
            return p.value();
        }

        boolean clean() {
            return problems.size() == start;
        }

        void problem(String code, String column, String message) {
            problems.add(Problem.at(code, source, line.number(), column, message));
        }

        String required(String col) {
            String v = cols.get(line, col);
            if (v.isEmpty()) {
                problem("field.empty", col, col + " is empty");
            }
            return v;
        }

        CreditCode creditCode() {
            String v = required("enterprise");
            if (v.isEmpty()) {
                return null;
            }
            return parsed("enterprise", Memo.get(memo.credit, v, Memo::credit));
        }

        RegionCode region() {
            String v = required("region");
            if (v.isEmpty()) {
                return null;
            }
            return parsed("region", Memo.get(memo.region, v, Memo::region));
        }

        IndustryCode industry() {
            String v = required("industry");
            if (v.isEmpty()) {
                return null;
            }
            return parsed("industry", Memo.get(memo.industry, v, Memo::industry));
        }

        YearMonth period() {
            String v = required("period");
            if (v.isEmpty()) {
                return null;
            }
            return parsed("period", Memo.get(memo.period, v, Ctx::month));
        }

        /** YYYY-MM, a month 1–12 of a year in the platform's window; or the problem with it. */
        static Memo.Parsed<YearMonth> month(String v) {
            boolean shape = v.length() == 7 && v.charAt(4) == '-';
            for (int i = 0; shape && i < 7; i++) {
                shape = i == 4 || v.charAt(i) >= '0' && v.charAt(i) <= '9';
            }
            if (!shape) {
                return new Memo.Parsed<>(
                        null, "period.format", "'" + v + "' is not a month: write YYYY-MM, e.g. 2024-03");
            }
            int y = Integer.parseInt(v.substring(0, 4));
            int m = Integer.parseInt(v.substring(5));
            if (m < 1 || m > 12) {
                return new Memo.Parsed<>(null, "period.month", "'" + v + "' has no month " + m);
            }
            if (!DateWindow.contains(y)) {
                return new Memo.Parsed<>(null, "period.year", "year " + y + " is " + DateWindow.outside());
            }
            return new Memo.Parsed<>(YearMonth.of(y, m), null, null);
        }

        Use use() {
            String v = required("use");
            if (v.isEmpty()) {
                return null;
            }
            Optional<Use> u = Memo.get(memo.use, v, Use::parse);
            if (u.isEmpty()) {
                problem(
                        "use.unknown",
                        "use",
                        "'" + v + "' is not a use: combustion, feedstock, process, purchased or exported");
                return null;
            }
            return u.get();
        }

        Quantity quantity(String col, String unitCol) {
            String v = required(col);
            String us = required(unitCol);
            Optional<Unit> unit = Memo.get(memo.unit, us, Unit::parse);
            if (!us.isEmpty() && unit.isEmpty()) {
                problem(
                        "unit.unknown",
                        unitCol,
                        "unknown unit '" + us
                                + "'; use t, kg, 万t, m3, 万m3, Nm3, 万Nm3, m3@20C, 万m3@20C (gas billed at 20 °C), kWh, 万kWh, MWh, GJ, MJ, 百万千焦, tce, kgce, 万元 or 元");
            }
            double d = number(col, v);
            if (Double.isNaN(d) || unit.isEmpty()) {
                return null;
            }
            if (d < 0) {
                problem("quantity.negative", col, col + " " + v + " is negative; record exports with use 'exported'");
                return null;
            }
            Quantity q = Quantity.of(d, unit.get());
            if (q.canonicalValue() > ABSURD) {
                problem(
                        "quantity.absurd",
                        col,
                        col + " " + v + " " + unit.get() + " is implausibly large for one month (" + q.canonicalValue()
                                + " " + unit.get().dimension().canonicalUnit() + "); check the unit");
                return null;
            }
            return q;
        }

        double number(String col, String v) {
            if (v.isEmpty()) {
                return Double.NaN;
            }
            try {
                return Decimals.parse(v);
            } catch (NumberFormatException e) {
                problem(
                        "number.format",
                        col,
                        "'" + v + "' is not a number (use a dot as decimal separator and no thousands separator)");
                return Double.NaN;
            }
        }

        double optionalPositive(String col) {
            String v = cols.get(line, col);
            if (v.isEmpty()) {
                return Double.NaN;
            }
            double d = number(col, v);
            if (!Double.isNaN(d) && !(d > 0)) {
                problem("number.positive", col, col + " must be positive, not " + v);
                return Double.NaN;
            }
            return d;
        }

        /** An uncertainty in % (half-width of the 95 % interval), "2", "2%" or "±2 %"; NaN when empty. */
        double optionalPercent(String col) {
            String v = cols.get(line, col).replace("±", "").replace("%", "").strip();
            if (v.isEmpty()) {
                return Double.NaN;
            }
            double d = number(col, v);
            if (!Double.isNaN(d) && !(d >= 0 && d <= 100)) {
                problem("uncertainty.range", col, col + " is a percentage from 0 to 100, not " + v);
                return Double.NaN;
            }
            return d;
        }

        Map<String, String> parameters() {
            String v = cols.get(line, "parameters");
            Map<String, String> out = new LinkedHashMap<>();
            if (v.isEmpty()) {
                return out;
            }
            for (String part : v.split(";")) {
                if (part.isBlank()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    problem(
                            "parameters.format",
                            "parameters",
                            "'" + part.strip() + "' is not key=value (separate parameters with ;)");
                    continue;
                }
                out.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
            return out;
        }
    }
}
