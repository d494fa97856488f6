package dev.peakline.bench;

import dev.peakline.io.archive.ArchiveTable;
import dev.peakline.io.archive.ParquetArchive;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * The floor for re-rolling readings: DuckDB reads the archive's readings and meters and, per meter and Beijing day
 * (UTC+8, no daylight saving), counts the readings and sums interval values or takes a register's last minus first,
 * written as Parquet. No rollover, gap, interpolation across midnight or replacement: less work than the re-roll does.
 *
 * <p>{@code ARCHIVE_DIR}
 */
public final class ReadingsPeer {
    private ReadingsPeer() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Path out = dir.resolveSibling("duckdb-days.parquet");
        long t0 = System.nanoTime();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = c.createStatement()) {
            s.execute("set threads = 2");
            s.execute("copy (select r.meter_id, (r.ts_ms + 28800000) // 86400000 as day, count(*) as readings,"
                    + " case when any_value(m.kind) = 'INTERVAL' then sum(r.value) else max(r.value) - min(r.value) end"
                    + " as consumption from " + ParquetArchive.scan(dir, ArchiveTable.READINGS) + " r join "
                    + ParquetArchive.scan(dir, ArchiveTable.METERS) + " m using (meter_id) group by 1, 2) to '"
                    + out.toAbsolutePath() + "' (format parquet, compression zstd)");
            try (ResultSet rs = s.executeQuery("select count(*) from read_parquet('" + out.toAbsolutePath() + "')")) {
                rs.next();
                System.out.printf(
                        Locale.ROOT,
                        "duckdb meter-days rows=%d (%.1f s)%n",
                        rs.getLong(1),
                        (System.nanoTime() - t0) / 1e9);
            }
        }
    }
}
