package dev.peakline.store.archive;

import dev.peakline.domain.ChinaTime;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;

/**
 * Months of readings that live in a Parquet archive instead of PostgreSQL (the ingest refuses new readings for
 * them, {@code Readings#write}). A month is dropped only when the database
 * holds exactly the readings its verified archive holds; the drop, its record and its audit entry are one transaction.
 */
public final class ReadingArchive {
    private final Database db;
    private final Clock clock;

    public ReadingArchive(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Drops a month's readings partition after checking that it holds {@code archivedRows} readings.
     *
     * @return the readings dropped
     * @throws IllegalStateException when the counts differ (the month is kept)
     */
    public long drop(YearMonth month, Path directory, long archivedRows, String actor) {
        String partition = "reading_" + month.getYear() + "_" + String.format("%02d", month.getMonthValue());
        long n = Tx.run(db, c -> {
            long held;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from reading where ts >= ? and ts < ?")) {
                ps.setTimestamp(1, start(month));
                ps.setTimestamp(2, start(month.plusMonths(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    held = rs.getLong(1);
                }
            }
            if (held != archivedRows) {
                throw new IllegalStateException("kept " + month + " in the database: it holds " + held
                        + " readings, the archive " + archivedRows + "; archive the month again, then drop it");
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into reading_archive (month, directory, readings, archived_at, archived_by)"
                            + " values (?, ?, ?, ?, ?) on conflict (month) do update set directory = excluded.directory,"
                            + " readings = reading_archive.readings + excluded.readings,"
                            + " archived_at = excluded.archived_at, archived_by = excluded.archived_by")) {
                ps.setString(1, month.toString());
                ps.setString(2, directory.toString());
                ps.setLong(3, held);
                ps.setTimestamp(4, Timestamp.from(clock.instant()));
                ps.setString(5, actor);
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "readings.archived",
                    "reading_month",
                    month.toString(),
                    null,
                    AuditLog.object("directory", directory.toString(), "readings", held));
            try (Statement st = c.createStatement()) {
                st.execute("drop table if exists " + partition);
            }
            return held;
        });
        db.created().remove(partition);
        return n;
    }

    private static Timestamp start(YearMonth m) {
        return Timestamp.from(m.atDay(1).atStartOfDay(ChinaTime.ZONE).toInstant());
    }
}
