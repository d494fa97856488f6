package dev.peakline.io.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetArchiveTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T00:00:00Z"), ZoneOffset.UTC);
    private static final YearMonth JAN = YearMonth.of(2024, 1);
    private static final YearMonth FEB = YearMonth.of(2024, 2);

    @TempDir
    Path dir;

    /** Writes {@code n} readings of meter 1 in each month of {@code from..to}, each of value {@code base + i}. */
    private void readings(YearMonth from, YearMonth to, int n, double base) {
        try (ParquetArchive.Writer w = ParquetArchive.writer(dir, from, to, CLOCK)) {
            ParquetArchive.Rows r = w.rows(ArchiveTable.READINGS);
            for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                long t0 = m.atDay(1)
                        .atStartOfDay(ZoneOffset.ofHours(8))
                        .toInstant()
                        .toEpochMilli();
                for (int i = 0; i < n; i++) {
                    r.add(m, 1L, t0 + i * 900_000L, base + i);
                }
            }
            w.commit();
        }
    }

    private double sum(YearMonth m) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select coalesce(sum(value), -1) from "
                        + ParquetArchive.scan(dir, ArchiveTable.READINGS) + " where year = " + m.getYear()
                        + " and month = " + m.getMonthValue())) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    @Test
    void writesPartitionsWithCountsAndVerifies() throws Exception {
        readings(JAN, FEB, 4, 10);
        assertThat(Files.isDirectory(dir.resolve("readings/year=2024/month=1"))).isTrue();
        assertThat(Files.isDirectory(dir.resolve("readings/year=2024/month=2"))).isTrue();
        assertThat(ParquetArchive.partitions(dir, ArchiveTable.READINGS))
                .containsEntry("year=2024/month=1", 4L)
                .containsEntry("year=2024/month=2", 4L);
        assertThat(ParquetArchive.verify(dir)).isEmpty();
        // 10 + 11 + 12 + 13 = 46 in each month
        assertThat(sum(JAN)).isEqualTo(46.0);
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains("\"format\" : \"peakline-archive/1\"");
    }

    @Test
    void aMonthArchivedAgainReplacesOnlyItself() throws Exception {
        readings(JAN, FEB, 4, 10);
        String janBefore = Files.readString(dir.resolve("manifest.json"))
                .replaceAll("(?s).*\"year=2024/month=1\"", "")
                .substring(0, 200);
        byte[] janFile = Files.readAllBytes(onlyFile("readings/year=2024/month=1"));
        readings(FEB, FEB, 2, 100);
        // February now holds 100 + 101 = 201 in 2 rows; January is untouched, byte for byte
        assertThat(sum(FEB)).isEqualTo(201.0);
        assertThat(sum(JAN)).isEqualTo(46.0);
        assertThat(Files.readAllBytes(onlyFile("readings/year=2024/month=1"))).isEqualTo(janFile);
        assertThat(ParquetArchive.partitions(dir, ArchiveTable.READINGS))
                .containsEntry("year=2024/month=1", 4L)
                .containsEntry("year=2024/month=2", 2L);
        assertThat(Files.readString(dir.resolve("manifest.json"))).contains(janBefore.substring(0, 100));
        assertThat(ParquetArchive.verify(dir)).isEmpty();
    }

    @Test
    void aMonthArchivedWithNoRowsIsEmptied() throws Exception {
        readings(JAN, FEB, 4, 10);
        try (ParquetArchive.Writer w = ParquetArchive.writer(dir, FEB, FEB, CLOCK)) {
            w.rows(ArchiveTable.READINGS);
            w.commit();
        }
        assertThat(Files.exists(dir.resolve("readings/year=2024/month=2"))).isFalse();
        assertThat(ParquetArchive.partitions(dir, ArchiveTable.READINGS)).containsOnlyKeys("year=2024/month=1");
        assertThat(ParquetArchive.verify(dir)).isEmpty();
    }

    @Test
    void verifyDetectsAChangedAMissingAndAnUnlistedFile() throws Exception {
        readings(JAN, FEB, 4, 10);
        Path jan = onlyFile("readings/year=2024/month=1");
        byte[] bytes = Files.readAllBytes(jan);
        bytes[bytes.length / 2] ^= 1;
        Files.write(jan, bytes);
        assertThat(ParquetArchive.verify(dir))
                .singleElement()
                .asString()
                .startsWith("readings/year=2024/month=1/" + jan.getFileName() + " has changed: SHA-256");
        // only January is named when February alone is verified
        assertThat(ParquetArchive.verify(dir, ArchiveTable.READINGS, FEB)).isEmpty();
        assertThat(ParquetArchive.verify(dir, ArchiveTable.READINGS, JAN)).hasSize(1);

        Files.delete(onlyFile("readings/year=2024/month=2"));
        Files.createDirectories(dir.resolve("readings/year=2023/month=12"));
        assertThat(ParquetArchive.verify(dir))
                .hasSize(3)
                .anyMatch(p -> p.contains("month=2/") && p.endsWith("is missing"))
                .anyMatch(p -> p.equals("readings/year=2023/month=12 is on disk but not in the manifest"));
    }

    @Test
    void refusesRowsOutsideTheMonthsAndEmptyRequiredColumns() {
        try (ParquetArchive.Writer w = ParquetArchive.writer(dir, JAN, JAN, CLOCK)) {
            ParquetArchive.Rows r = w.rows(ArchiveTable.READINGS);
            assertThatThrownBy(() -> r.add(FEB, 1L, 0L, 1.0)).hasMessageContaining("outside the archived months");
            assertThatThrownBy(() -> r.add(JAN, 1L, 0L, Double.NaN)).hasMessageContaining("readings.value may not");
            assertThatThrownBy(() -> r.add(JAN, 1L, 0L)).hasMessageContaining("has 3 columns, not 2");
        }
        assertThat(ParquetArchive.verify(dir)).singleElement().asString().endsWith("never written whole");
    }

    private Path onlyFile(String partition) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(partition))) {
            return s.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
        }
    }
}
