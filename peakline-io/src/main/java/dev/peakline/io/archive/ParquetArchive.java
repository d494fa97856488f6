package dev.peakline.io.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The Parquet archive (docs/scale.md): tables partitioned by year and month in Hive-style directories, zstd-compressed,
 * written through an in-process DuckDB, with a {@code manifest.json} that states every partition's row count and its
 * files' SHA-256. Writing a range of months replaces those months' partitions of the tables written and nothing else;
 * {@link #verify} reads the archive back against its manifest.
 */
public final class ParquetArchive {
    public static final String MANIFEST = "manifest.json";
    public static final String FORMAT = "peakline-archive/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ParquetArchive() {}

    /** Opens a write of the months {@code from..to} (inclusive) into {@code dir}. */
    public static Writer writer(Path dir, YearMonth from, YearMonth to, Clock clock) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the last month " + to + " is before the first " + from);
        }
        return new Writer(dir, from, to, clock);
    }

    /** The partitions of one table, as the manifest states them: partition → rows. */
    public static Map<String, Long> partitions(Path dir, ArchiveTable table) {
        JsonNode parts = manifest(dir).path("tables").path(table.name()).path("partitions");
        Map<String, Long> out = new TreeMap<>();
        parts.fields()
                .forEachRemaining(
                        e -> out.put(e.getKey(), e.getValue().path("rows").asLong()));
        return out;
    }

    /** What one write did: rows per table and the partitions it replaced. */
    public record Written(Map<String, Long> rows, int partitions) {}

    /** Rows of one table in column order, then the month they belong to. */
    public static final class Rows {
        private final ArchiveTable table;
        private final DuckDBAppender appender;
        private final YearMonth from;
        private final YearMonth to;
        private long count;

        private Rows(ArchiveTable table, DuckDBAppender appender, YearMonth from, YearMonth to) {
            this.table = table;
            this.appender = appender;
            this.from = from;
            this.to = to;
        }

        /**
         * Adds a row.
         *
         * @param month the month partition (ignored, may be null, for an unpartitioned table)
         * @param values one per column: String, Integer, Long, Double, LocalDate or null where the column is nullable
         */
        public void add(YearMonth month, Object... values) {
            if (values.length != table.columns().size()) {
                throw new IllegalArgumentException(
                        table.name() + " has " + table.columns().size() + " columns, not " + values.length);
            }
            if (table.partitioned() && (month.isBefore(from) || month.isAfter(to))) {
                throw new IllegalArgumentException(
                        table.name() + " row of " + month + " outside the archived months " + from + ".." + to);
            }
            try {
                appender.beginRow();
                for (int i = 0; i < values.length; i++) {
                    Object v = values[i];
                    ArchiveTable.Column col = table.columns().get(i);
                    if (v == null || (v instanceof Double d && d.isNaN())) {
                        if (!col.nullable()) {
                            throw new IllegalArgumentException(table.name() + "." + col.name() + " may not be empty");
                        }
                        appender.appendNull();
                    } else {
                        switch (col.type()) {
                            case VARCHAR -> appender.append((String) v);
                            case INTEGER -> appender.append(((Number) v).intValue());
                            case BIGINT -> appender.append(((Number) v).longValue());
                            case DOUBLE -> appender.append(((Number) v).doubleValue());
                            case DATE -> appender.append((LocalDate) v);
                        }
                    }
                }
                if (table.partitioned()) {
                    appender.append(month.getYear());
                    appender.append(month.getMonthValue());
                }
                appender.endRow();
                count++;
            } catch (SQLException e) {
                throw new IllegalStateException("archive " + table.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /** One write: rows go to an in-memory DuckDB; {@link #commit()} writes Parquet and swaps the partitions in. */
    public static final class Writer implements AutoCloseable {
        private final Path dir;
        private final YearMonth from;
        private final YearMonth to;
        private final Clock clock;
        private final Path staging;
        private final DuckDBConnection db;
        private final Map<ArchiveTable, Rows> open = new LinkedHashMap<>();

        private Writer(Path dir, YearMonth from, YearMonth to, Clock clock) {
            this.dir = dir;
            this.from = from;
            this.to = to;
            this.clock = clock;
            this.staging = dir.resolve(".staging-" + UUID.randomUUID());
            try {
                Files.createDirectories(staging);
                Class.forName("org.duckdb.DuckDBDriver");
                // on disk, in the staging directory: a nation's month of lines is more than memory should hold
                db = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + staging.resolve("rows.duckdb"));
                try (Statement s = db.createStatement()) {
                    s.execute("set memory_limit = '1GB'");
                    s.execute("set temp_directory = '" + sql(staging.resolve("tmp")) + "'");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("archive " + dir + ": " + e.getMessage(), e);
            } catch (ClassNotFoundException | SQLException e) {
                deleteTree(staging);
                throw new IllegalStateException("cannot open DuckDB: " + e.getMessage(), e);
            }
        }

        /** The rows of a table; the table's partitions in the range are replaced on commit (emptied if none). */
        public Rows rows(ArchiveTable table) {
            return open.computeIfAbsent(table, t -> {
                try (Statement s = db.createStatement()) {
                    s.execute(t.ddl());
                    return new Rows(t, db.createAppender(DuckDBConnection.DEFAULT_SCHEMA, t.name()), from, to);
                } catch (SQLException e) {
                    throw new IllegalStateException("archive " + t.name() + ": " + e.getMessage(), e);
                }
            });
        }

        /** Writes the Parquet files, replaces the range's partitions of the tables written and the manifest. */
        public Written commit() {
            Path out0 = staging.resolve("parquet");
            Map<String, Long> rows = new LinkedHashMap<>();
            int replaced = 0;
            try {
                Files.createDirectories(out0);
                ObjectNode manifest = Files.exists(dir.resolve(MANIFEST))
                        ? (ObjectNode) manifest(dir)
                        : JSON.createObjectNode().put("format", FORMAT);
                ObjectNode tables =
                        manifest.has("tables") ? (ObjectNode) manifest.get("tables") : manifest.putObject("tables");
                for (Map.Entry<ArchiveTable, Rows> e : open.entrySet()) {
                    ArchiveTable t = e.getKey();
                    e.getValue().appender.close();
                    rows.put(t.name(), e.getValue().count);
                    Path out = out0.resolve(t.name());
                    try (Statement s = db.createStatement()) {
                        if (t.partitioned()) {
                            s.execute("copy (select * from " + t.name() + ") to '" + sql(out)
                                    + "' (format parquet, compression zstd, partition_by (year, month))");
                        } else {
                            Files.createDirectories(out);
                            s.execute("copy (select * from " + t.name() + ") to '" + sql(out.resolve("data_0.parquet"))
                                    + "' (format parquet, compression zstd)");
                        }
                    }
                    ObjectNode table =
                            tables.has(t.name()) ? (ObjectNode) tables.get(t.name()) : tables.putObject(t.name());
                    table.set(
                            "columns",
                            JSON.valueToTree(t.columns().stream()
                                    .map(c -> c.name() + " " + c.type().name().toLowerCase(java.util.Locale.ROOT))
                                    .toList()));
                    ObjectNode parts = table.has("partitions")
                            ? (ObjectNode) table.get("partitions")
                            : table.putObject("partitions");
                    Map<String, Long> counts = counts(t);
                    Path target = dir.resolve(t.name());
                    if (t.partitioned()) {
                        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                            String p = ArchiveTable.partition(m.getYear(), m.getMonthValue());
                            Path old = target.resolve(p);
                            deleteTree(old);
                            parts.remove(p);
                            Path fresh = out.resolve(p);
                            if (Files.isDirectory(fresh)) {
                                Files.createDirectories(old.getParent());
                                Files.move(fresh, old, StandardCopyOption.ATOMIC_MOVE);
                                parts.set(p, entry(old, counts.getOrDefault(p, 0L)));
                                replaced++;
                            }
                        }
                    } else {
                        deleteTree(target);
                        Files.createDirectories(dir);
                        Files.move(out, target, StandardCopyOption.ATOMIC_MOVE);
                        parts.removeAll();
                        parts.set("", entry(target, counts.getOrDefault("", 0L)));
                        replaced++;
                    }
                }
                manifest.put("written_at", clock.instant().toString());
                Path tmp = dir.resolve(MANIFEST + ".tmp");
                JSON.writeValue(tmp.toFile(), sorted(manifest));
                Files.move(
                        tmp,
                        dir.resolve(MANIFEST),
                        StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("archive " + dir + ": " + e.getMessage(), e);
            } catch (SQLException e) {
                throw new IllegalStateException("archive " + dir + ": " + e.getMessage(), e);
            } finally {
                deleteTree(out0);
            }
            return new Written(rows, replaced);
        }

        private Map<String, Long> counts(ArchiveTable t) throws SQLException {
            Map<String, Long> out = new TreeMap<>();
            try (Statement s = db.createStatement();
                    ResultSet rs = s.executeQuery(
                            t.partitioned()
                                    ? "select year, month, count(*) from " + t.name() + " group by 1, 2"
                                    : "select 0, 0, count(*) from " + t.name())) {
                while (rs.next()) {
                    out.put(t.partitioned() ? ArchiveTable.partition(rs.getInt(1), rs.getInt(2)) : "", rs.getLong(3));
                }
            }
            return out;
        }

        @Override
        public void close() {
            try {
                db.close();
            } catch (SQLException e) {
                // a scratch database: nothing to lose
            }
            deleteTree(staging);
        }
    }

    /** Problems found reading the archive back against its manifest; empty when it verifies. */
    public static List<String> verify(Path dir) {
        return verify(dir, null, null);
    }

    /**
     * Verifies one table's partition (or, with nulls, everything): each partition the manifest lists has exactly its
     * files with their checksums and row counts, and no partition on disk is missing from the manifest.
     */
    public static List<String> verify(Path dir, ArchiveTable only, YearMonth month) {
        List<String> problems = new ArrayList<>();
        if (!Files.isRegularFile(dir.resolve(MANIFEST))) {
            return List.of(dir.resolve(MANIFEST) + " is missing: not an archive, or never written whole");
        }
        JsonNode m = manifest(dir);
        if (!FORMAT.equals(m.path("format").asText())) {
            return List.of("format " + m.path("format").asText() + " is not " + FORMAT);
        }
        String onlyPartition = month == null ? null : ArchiveTable.partition(month.getYear(), month.getMonthValue());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Iterator<String> names = m.path("tables").fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (only != null && !only.name().equals(name)) {
                    continue;
                }
                Path table = dir.resolve(name);
                JsonNode parts = m.path("tables").path(name).path("partitions");
                TreeSet<String> listed = new TreeSet<>();
                parts.fieldNames().forEachRemaining(listed::add);
                if (onlyPartition != null) {
                    if (!listed.contains(onlyPartition)) {
                        problems.add(name + "/" + onlyPartition + " is not in the manifest");
                        continue;
                    }
                    listed.retainAll(List.of(onlyPartition));
                }
                for (String p : listed) {
                    JsonNode entry = parts.get(p);
                    Path pd = p.isEmpty() ? table : table.resolve(p);
                    String where = name + (p.isEmpty() ? "" : "/" + p);
                    if (!Files.isDirectory(pd)) {
                        problems.add(where + " is missing");
                        continue;
                    }
                    Map<String, String> expected = new TreeMap<>();
                    entry.path("files")
                            .fields()
                            .forEachRemaining(
                                    f -> expected.put(f.getKey(), f.getValue().asText()));
                    Map<String, String> actual = files(pd);
                    for (Map.Entry<String, String> f : expected.entrySet()) {
                        String got = actual.get(f.getKey());
                        if (got == null) {
                            problems.add(where + "/" + f.getKey() + " is missing");
                        } else if (!got.equals(f.getValue())) {
                            problems.add(where + "/" + f.getKey() + " has changed: SHA-256 " + got + ", manifest "
                                    + f.getValue());
                        }
                    }
                    for (String f : actual.keySet()) {
                        if (!expected.containsKey(f)) {
                            problems.add(where + "/" + f + " is not in the manifest");
                        }
                    }
                    if (problems.isEmpty() && !expected.isEmpty()) {
                        long rows = count(db, pd);
                        long stated = entry.path("rows").asLong();
                        if (rows != stated) {
                            problems.add(where + " has " + rows + " rows, the manifest " + stated);
                        }
                    }
                }
                if (onlyPartition == null && Files.isDirectory(table)) {
                    for (String p : diskPartitions(table)) {
                        if (!parts.has(p)) {
                            problems.add(name + "/" + p + " is on disk but not in the manifest");
                        }
                    }
                }
            }
        } catch (SQLException e) {
            problems.add("cannot read the Parquet files: " + e.getMessage());
        }
        return problems;
    }

    /** A DuckDB glob over one table's files, partition columns included; for reading an archive back. */
    public static String scan(Path dir, ArchiveTable t) {
        return t.partitioned()
                ? "read_parquet('" + sql(dir.resolve(t.name())) + "/*/*/*.parquet', hive_partitioning = true)"
                : "read_parquet('" + sql(dir.resolve(t.name())) + "/*.parquet')";
    }

    private static long count(Connection db, Path partitionDir) throws SQLException {
        try (Statement s = db.createStatement();
                ResultSet rs =
                        s.executeQuery("select count(*) from read_parquet('" + sql(partitionDir) + "/*.parquet')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> diskPartitions(Path table) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> years = Files.list(table)) {
            for (Path y : years.filter(Files::isDirectory).toList()) {
                try (Stream<Path> months = Files.list(y)) {
                    months.filter(Files::isDirectory).forEach(mo -> out.add(y.getFileName() + "/" + mo.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static ObjectNode entry(Path partitionDir, long rows) {
        ObjectNode e = JSON.createObjectNode();
        e.put("rows", rows);
        ObjectNode files = e.putObject("files");
        files(partitionDir).forEach(files::put);
        return e;
    }

    /** Parquet files of a directory → SHA-256 (hex). */
    private static Map<String, String> files(Path d) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(d)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                out.put(f.getFileName().toString(), sha256(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String sha256(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode manifest(Path dir) {
        try {
            return JSON.readTree(dir.resolve(MANIFEST).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve(MANIFEST) + ": " + e.getMessage(), e);
        }
    }

    /** Partitions in order, so the manifest of the same archive reads the same. */
    private static JsonNode sorted(JsonNode n) {
        if (!n.isObject()) {
            return n;
        }
        ObjectNode out = JSON.createObjectNode();
        TreeMap<String, JsonNode> fields = new TreeMap<>(new PartitionOrder());
        n.fields().forEachRemaining(e -> fields.put(e.getKey(), sorted(e.getValue())));
        fields.forEach(out::set);
        return out;
    }

    /** year=2024/month=2 before year=2024/month=10. */
    private static final class PartitionOrder implements java.util.Comparator<String> {
        @Override
        public int compare(String a, String b) {
            int[] x = key(a);
            int[] y = key(b);
            if (x != null && y != null) {
                return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
            }
            return a.compareTo(b);
        }

        private static int[] key(String p) {
            if (!p.startsWith("year=") || !p.contains("/month=")) {
                return null;
            }
            int slash = p.indexOf('/');
            return new int[] {Integer.parseInt(p.substring(5, slash)), Integer.parseInt(p.substring(slash + 7))};
        }
    }

    private static String sql(Path p) {
        return p.toAbsolutePath().toString().replace("'", "''");
    }

    static void deleteTree(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
