package dev.peakline.store.factors;

import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Recomputation jobs as the database keeps them: started, their progress after each chunk, and how they ended. A job
 * still RUNNING when the server starts was cut off by a crash or a kill; {@link #interrupted()} finds it.
 */
public final class RecomputeJobs {
    /** A job: {@code status} is RUNNING, DONE, FAILED or INTERRUPTED. */
    public record Job(
            long id,
            String region,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            String status,
            int total,
            int done,
            String message) {}

    private static final String SELECT =
            "select id, region, started_by, started_at, finished_at, status, total, done, message from recompute_job";

    private final Database db;
    private final Clock clock;

    public RecomputeJobs(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Job start(String actor, String region) {
        long id = Tx.run(
                db,
                c -> Tx.insert(
                        c,
                        "insert into recompute_job (region, started_by, started_at, status) values (?, ?, ?, 'RUNNING')",
                        region,
                        actor,
                        Timestamp.from(clock.instant())));
        return find(id).orElseThrow();
    }

    public void progress(long id, int total, int done) {
        update("update recompute_job set total = ?, done = ? where id = ?", total, done, id);
    }

    /** Ends a job as DONE, FAILED or INTERRUPTED with a message (null for DONE). */
    public void finish(long id, String status, String message) {
        update(
                "update recompute_job set status = ?, message = ?, finished_at = ? where id = ?",
                status,
                message,
                Timestamp.from(clock.instant()),
                id);
    }

    public Optional<Job> find(long id) {
        return Tx.run(db, c -> Tx.one(c, SELECT + " where id = ?", RecomputeJobs::job, id));
    }

    /** Jobs left RUNNING by a server that stopped (call before this server starts any). */
    public List<Job> interrupted() {
        return Tx.run(db, c -> Tx.list(c, SELECT + " where status = 'RUNNING' order by id", RecomputeJobs::job));
    }

    /** The latest jobs, newest first. */
    public List<Job> latest(int limit) {
        return Tx.run(db, c -> Tx.list(c, SELECT + " order by id desc limit ?", RecomputeJobs::job, limit));
    }

    private void update(String sql, Object... args) {
        Tx.run(db, c -> {
            try (var ps = Tx.prepare(c, sql, args)) {
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static Job job(ResultSet rs) throws SQLException {
        Timestamp finished = rs.getTimestamp(5);
        return new Job(
                rs.getLong(1),
                rs.getString(2).trim(),
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                finished == null ? null : finished.toInstant(),
                rs.getString(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getString(9));
    }
}
