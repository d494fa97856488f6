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
    /**
     * A job: {@code status} is RUNNING, DONE, FAILED or INTERRUPTED. A finished job's {@code outcome} says what it did:
     * {@code NO_RESULTS} (the subtree has no accounted month), {@code SAME_SETS} (every month was accounted with the
     * sets it had), {@code SAME_VALUES} (other sets, the same figures: the factors these enterprises use did not
     * change), {@code CHANGED}; {@code changes} per region (the job region's children, or itself).
     */
    public record Job(
            long id,
            String region,
            String startedBy,
            Instant startedAt,
            Instant finishedAt,
            String status,
            int total,
            int done,
            String message,
            String outcome,
            List<Change> changes) {
        Job with(List<Change> changes) {
            return new Job(
                    id, region, startedBy, startedAt, finishedAt, status, total, done, message, outcome, changes);
        }
    }

    /** One region's results recomputed by a job: how many, how many changed, scope 1 and 2 before and after [tCO2e]. */
    public record Change(
            String region,
            int results,
            int changed,
            double scope1Before,
            double scope1After,
            double scope2Before,
            double scope2After) {}

    private static final String SELECT = "select id, region, started_by, started_at, finished_at, status, total, done,"
            + " message, outcome from recompute_job";

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

    /** Ends a job as DONE with what it did, the changes per region written with it. */
    public void done(long id, String outcome, List<Change> changes) {
        Tx.run(db, c -> {
            try (var ps = Tx.prepare(
                    c,
                    "update recompute_job set status = 'DONE', outcome = ?, finished_at = ? where id = ?",
                    outcome,
                    Timestamp.from(clock.instant()),
                    id)) {
                ps.executeUpdate();
            }
            for (Change x : changes) {
                try (var ps = Tx.prepare(
                        c,
                        "insert into recompute_change (job_id, region, results, changed, scope1_before, scope1_after,"
                                + " scope2_before, scope2_after) values (?, ?, ?, ?, ?, ?, ?, ?)",
                        id,
                        x.region(),
                        x.results(),
                        x.changed(),
                        x.scope1Before(),
                        x.scope1After(),
                        x.scope2Before(),
                        x.scope2After())) {
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    public Optional<Job> find(long id) {
        return Tx.run(db, c -> {
            Optional<Job> j = Tx.one(c, SELECT + " where id = ?", RecomputeJobs::job, id);
            return j.isPresent() ? Optional.of(j.get().with(changes(c, id))) : j;
        });
    }

    private static List<Change> changes(java.sql.Connection c, long job) throws SQLException {
        return Tx.list(
                c,
                "select region, results, changed, scope1_before, scope1_after, scope2_before, scope2_after from"
                        + " recompute_change where job_id = ? order by region",
                rs -> new Change(
                        rs.getString(1).trim(),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        rs.getDouble(7)),
                job);
    }

    /** Jobs left RUNNING by a server that stopped (call before this server starts any). */
    public List<Job> interrupted() {
        return Tx.run(db, c -> Tx.list(c, SELECT + " where status = 'RUNNING' order by id", RecomputeJobs::job));
    }

    /** The latest jobs, newest first. */
    public List<Job> latest(int limit) {
        return Tx.run(db, c -> {
            List<Job> out = new java.util.ArrayList<>();
            for (Job j : Tx.list(c, SELECT + " order by id desc limit ?", RecomputeJobs::job, limit)) {
                out.add(j.with(changes(c, j.id())));
            }
            return out;
        });
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
                rs.getString(9),
                rs.getString(10),
                List.of());
    }
}
