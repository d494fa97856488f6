package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.app.cli.PeaklineCli;
import dev.peakline.domain.ChinaTime;
import dev.peakline.io.archive.ArchiveTable;
import dev.peakline.io.archive.ParquetArchive;
import dev.peakline.store.Database;
import dev.peakline.store.archive.ReadingArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * {@code ./peakline archive} against the running demo server (it attaches to the server's embedded PostgreSQL): the
 * whole archive and its verify, a month archived again, a changed file found, and old readings moved out of the
 * database. The whole archive is left in {@code target/demo-archive} for peakline-spark's tests, which account it and
 * re-roll its readings on Spark against the server's figures.
 */
class ArchiveIT extends ServerTest {
    /** Read by peakline-spark's integration tests (the reactor builds this module first). */
    static final Path DEMO_ARCHIVE = Path.of("target/demo-archive");

    @Autowired
    Database db;

    @Autowired
    ReadingArchive readingArchive;

    static int cli(String... args) {
        return new CommandLine(new PeaklineCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .execute(args);
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    void rollUpsDone() throws Exception {
        for (int i = 0; i < 600 && count("select count(*) from rollup_pending") > 0; i++) {
            Thread.sleep(100);
        }
        assertThat(count("select count(*) from rollup_pending")).isZero();
    }

    static long rows(Path dir, ArchiveTable t) {
        return ParquetArchive.partitions(dir, t).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * A register of its own with what the server's roll-up rules handle: a rollover at 9,999, a reset, a gap, and a
     * replacement (换表) — so that the archive's readings put them to peakline-spark's re-roll.
     */
    void registerWithRolloverResetGapAndReplacement() {
        Client e = as("enterprise2");
        String code = e.json(e.get("/api/v1/me"), 200).path("enterprise").asText();
        LocalDate d = thisMonth().minusMonths(40).atDay(3);
        java.util.function.IntFunction<String> at = h ->
                d.atStartOfDay(ChinaTime.ZONE).plusHours(h).toOffsetDateTime().toString();
        e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        "{\"code\":\"RR-01\",\"name\":\"RR-01\",\"carrier\":\"电力\",\"unit\":\"kWh\","
                                + "\"kind\":\"REGISTER\",\"multiplier\":2,\"intervalSeconds\":3600,"
                                + "\"registerMax\":9999,\"installedAt\":\"" + at.apply(0) + "\"}"),
                201);
        String token = e.json(e.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"rr\"}"), 201)
                .path("token")
                .asText();
        StringBuilder b = new StringBuilder("{\"readings\":[");
        double v = 9950;
        for (int h = 0; h <= 40; h++) {
            if (h == 20 || h == 21 || h == 22) {
                v += 10;
                continue; // three hours missing: a gap
            }
            if (h == 30) {
                v = 3; // the register was reset
            }
            b.append("{\"meter\":\"RR-01\",\"ts\":\"")
                    .append(at.apply(h))
                    .append("\",\"value\":")
                    .append(v % 9999)
                    .append("},");
            v += 10;
        }
        b.setLength(b.length() - 1);
        b.append("]}");
        assertThat(e.json(ingest(e, token, "application/json", b.toString()), 200)
                        .path("accepted")
                        .asInt())
                .isEqualTo(38);
        // the device is replaced at hour 48; the new one counts from 100
        e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters/RR-01/replace",
                        "{\"at\":\"" + at.apply(48) + "\",\"finalReading\":" + (v % 9999) + ",\"initialReading\":100,"
                                + "\"meter\":{\"name\":\"RR-01 new\",\"carrier\":\"电力\",\"unit\":\"kWh\","
                                + "\"kind\":\"REGISTER\",\"multiplier\":2,\"intervalSeconds\":3600,"
                                + "\"registerMax\":9999}}"),
                200);
        StringBuilder c = new StringBuilder("{\"readings\":[");
        for (int h = 49; h <= 72; h++) {
            c.append("{\"meter\":\"RR-01\",\"ts\":\"")
                    .append(at.apply(h))
                    .append("\",\"value\":")
                    .append(100 + 7 * (h - 48))
                    .append("},");
        }
        c.setLength(c.length() - 1);
        c.append("]}");
        assertThat(e.json(ingest(e, token, "application/json", c.toString()), 200)
                        .path("accepted")
                        .asInt())
                .isEqualTo(24);
    }

    @Test
    void archivesTheServerVerifiesItAndReplacesAMonthOnly() throws Exception {
        registerWithRolloverResetGapAndReplacement();
        rollUpsDone();
        assertThat(
                        count(
                                "select sum(rollovers) from meter_day d join meter m on m.id = d.meter_id where m.code = 'RR-01'"))
                .isEqualTo(1);
        assertThat(count(
                        "select sum(resets) from meter_day d join meter m on m.id = d.meter_id where m.code = 'RR-01'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from meter where code = 'RR-01'")).isEqualTo(2);
        Path out = Files.createTempDirectory("peakline-archive");
        assertThat(cli("archive", "--out", out.toString(), "--data-dir", DATA.toString()))
                .isZero();
        assertThat(cli("archive", "--verify", out.toString())).isZero();
        // every approved line, standing result and reading is in it, month by month
        assertThat(rows(out, ArchiveTable.ACTIVITY))
                .isEqualTo(count("select count(*) from filing_activity a join filing f on f.id = a.filing_id"
                        + " where f.status = 'APPROVED'"))
                .isGreaterThan(1000);
        assertThat(rows(out, ArchiveTable.RESULTS))
                .isEqualTo(count("select count(*) from account_result r join filing f on f.id = r.filing_id"
                        + " where r.current and f.status = 'APPROVED'"));
        assertThat(rows(out, ArchiveTable.READINGS)).isEqualTo(count("select count(*) from reading"));
        assertThat(rows(out, ArchiveTable.METERS)).isEqualTo(count("select count(*) from meter"));
        assertThat(ParquetArchive.partitions(out, ArchiveTable.ACTIVITY))
                .containsKeys("year=2023/month=1", "year=2024/month=12");

        // March 2024 archived again: its files are rewritten, February's stay byte for byte
        Path feb = out.resolve("activity/year=2024/month=2");
        Map<String, String> febBefore = hashes(feb);
        long march = ParquetArchive.partitions(out, ArchiveTable.ACTIVITY).get("year=2024/month=3");
        assertThat(cli(
                        "archive",
                        "--out",
                        out.toString(),
                        "--data-dir",
                        DATA.toString(),
                        "--from",
                        "2024-03",
                        "--to",
                        "2024-3"))
                .isZero();
        assertThat(hashes(feb)).isEqualTo(febBefore);
        assertThat(ParquetArchive.partitions(out, ArchiveTable.ACTIVITY))
                .containsEntry("year=2024/month=3", march)
                .containsKeys("year=2023/month=1", "year=2024/month=12");
        assertThat(cli("archive", "--verify", out.toString())).isZero();

        // a changed file is found
        Path file = firstParquet(out.resolve("results/year=2024/month=6"));
        byte[] b = Files.readAllBytes(file);
        b[b.length / 3] ^= 0x20;
        Files.write(file, b);
        assertThat(ParquetArchive.verify(out))
                .singleElement()
                .asString()
                .startsWith("results/year=2024/month=6/" + file.getFileName() + " has changed");
        assertThat(cli("archive", "--verify", out.toString())).isEqualTo(1);

        // a fresh copy of the whole archive for peakline-spark's tests
        deleteTree(DEMO_ARCHIVE);
        assertThat(cli("archive", "--out", DEMO_ARCHIVE.toString(), "--data-dir", DATA.toString()))
                .isZero();
        assertThat(ParquetArchive.verify(DEMO_ARCHIVE)).isEmpty();
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThat(cli("archive", "--out", "x", "--from", "2024-13", "--data-dir", DATA.toString()))
                .isEqualTo(2);
        assertThat(cli("archive", "--out", "x", "--readings", "--drop", "--data-dir", DATA.toString()))
                .isEqualTo(2);
        assertThat(cli("archive", "--out", "x", "--before", "2024-01", "--data-dir", DATA.toString()))
                .isEqualTo(2);
        assertThat(cli("archive", "--verify", "no-such-archive")).isEqualTo(1);
    }

    @Test
    void movesAVerifiedMonthOfReadingsOutOfTheDatabase() throws Exception {
        Client e = as("enterprise");
        String code = e.json(e.get("/api/v1/me"), 200).path("enterprise").asText();
        // two old months of a meter of its own, far before the demo's readings
        // 2021 or so: no other test or the demo has readings that far back
        YearMonth m = thisMonth().minusMonths(66);
        LocalDate d1 = m.atDay(1);
        LocalDate d2 = m.plusMonths(1).atDay(1);
        e.json(e.post("/api/v1/enterprises/" + code + "/meters", hourlyKwhMeter("AR-01", d1)), 201);
        String token = e.json(e.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"ar\"}"), 201)
                .path("token")
                .asText();
        String body = "{\"readings\":[" + hourlyItems("AR-01", d1, 5) + "," + hourlyItems("AR-01", d2, 5) + "]}";
        assertThat(e.json(ingest(e, token, "application/json", body), 200)
                        .path("accepted")
                        .asInt())
                .isEqualTo(48);
        rollUpsDone();
        long meter = count("select id from meter where code = 'AR-01'");
        Timestamp from = Timestamp.from(m.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant());
        Timestamp to = Timestamp.from(
                m.plusMonths(1).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant());
        String inMonth = "select count(*) from reading where meter_id = ? and ts >= ? and ts < ?";
        assertThat(count(inMonth, meter, from, to)).isEqualTo(24);

        Path out = Files.createTempDirectory("peakline-readings");
        assertThat(cli(
                        "archive",
                        "--readings",
                        "--from",
                        m.toString(),
                        "--before",
                        m.plusMonths(1).toString(),
                        "--drop",
                        "--out",
                        out.toString(),
                        "--data-dir",
                        DATA.toString()))
                .isZero();
        // the month left the database whole; its day roll-up stays; the archive holds its 24 readings
        assertThat(count(inMonth, meter, from, to)).isZero();
        assertThat(count("select consumption from meter_day where meter_id = ? and day = ?", meter, d1))
                .as("24 hours × 5 kWh")
                .isEqualTo(120);
        assertThat(ParquetArchive.verify(out, ArchiveTable.READINGS, m)).isEmpty();
        assertThat(ParquetArchive.partitions(out, ArchiveTable.READINGS))
                .containsEntry(ArchiveTable.partition(m.getYear(), m.getMonthValue()), 24L);
        assertThat(count("select readings from reading_archive where month = ?", m.toString()))
                .isEqualTo(24);
        assertThat(count(
                        "select count(*) from audit_log where action = 'readings.archived' and entity_id = ?",
                        m.toString()))
                .isEqualTo(1);
        // the next month is untouched
        Timestamp to2 = Timestamp.from(
                m.plusMonths(2).atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant());
        assertThat(count(inMonth, meter, to, to2)).isEqualTo(24);
        // a drop whose count does not match the archive's is refused, and nothing is dropped
        assertThatThrownBy(() -> readingArchive.drop(m.plusMonths(1), out, 23, "test"))
                .hasMessageContaining("holds 24 readings, the archive 23");
        assertThat(count(inMonth, meter, to, to2)).isEqualTo(24);
        // the archived month takes no new readings; the reason says why
        JsonNode late = e.json(
                ingest(
                        e,
                        token,
                        "application/json",
                        "{\"readings\":[{\"meter\":\"AR-01\",\"ts\":\""
                                + d1.atStartOfDay(ChinaTime.ZONE)
                                        .plusMinutes(90)
                                        .toOffsetDateTime()
                                + "\",\"value\":5}]}"),
                200);
        assertThat(late.path("accepted").asInt()).isZero();
        assertThat(late.path("rejected").get(0).path("reason").asText()).isEqualTo("reading.archived");
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        for (Path f : list(dir)) {
            out.put(f.getFileName().toString(), java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(f)));
        }
        return out;
    }

    private static Path firstParquet(Path dir) throws IOException {
        return list(dir).get(0);
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return new ArrayList<>(
                    s.filter(p -> p.toString().endsWith(".parquet")).sorted().toList());
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
