package dev.peakline.store.disclosure;

import dev.peakline.disclosure.Consolidation;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A group's ownership, replaced whole and audited, and its published disclosures (one per year until withdrawn). */
public final class DisclosureRepository {
    private final Database db;
    private final Clock clock;

    public DisclosureRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Consolidation.Holding> ownership(String root) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select parent, entity, share, control, line from ownership where root = ? order by line",
                        rs -> new Consolidation.Holding(
                                rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getInt(5)),
                        root));
    }

    public void replaceOwnership(String actor, String root, List<Consolidation.Holding> holdings) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            List<Consolidation.Holding> before = new ArrayList<>(Tx.list(
                    c,
                    "select parent, entity, share, control, line from ownership where root = ? order by line",
                    rs -> new Consolidation.Holding(
                            rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getString(4), rs.getInt(5)),
                    root));
            try (PreparedStatement ps = Tx.prepare(c, "delete from ownership where root = ?", root)) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into ownership (root, line, parent, entity, share,"
                    + " control, filed_at, filed_by) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Consolidation.Holding h : holdings) {
                    ps.setString(1, root);
                    ps.setInt(2, h.row());
                    ps.setString(3, h.parent());
                    ps.setString(4, h.entity());
                    ps.setDouble(5, h.share());
                    ps.setString(6, h.control());
                    ps.setTimestamp(7, Timestamp.from(at));
                    ps.setString(8, actor);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    before.isEmpty() ? "ownership.file" : "ownership.replace",
                    "ownership",
                    root,
                    before.isEmpty() ? null : json(before),
                    json(holdings));
            return null;
        });
    }

    private static String json(List<Consolidation.Holding> hs) {
        List<String> parts = new ArrayList<>();
        for (Consolidation.Holding h : hs) {
            parts.add(AuditLog.object(
                    "parent", h.parent(), "entity", h.entity(), "share", h.share(), "control", h.control()));
        }
        return "[" + String.join(",", parts) + "]";
    }

    /** A published disclosure: the report as it was published (JSON). */
    public record Publication(
            long id, String enterprise, int year, String approach, int baseYear, String report, Instant publishedAt) {}

    /** Publishes a year's report, replacing (withdrawing) the one published before for that year; audited. */
    public long publish(String actor, String enterprise, int year, String approach, int baseYear, String report) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update disclosure_publication set withdrawn_at = ? where enterprise = ? and year = ? and"
                            + " withdrawn_at is null",
                    Timestamp.from(at),
                    enterprise,
                    year)) {
                ps.executeUpdate();
            }
            long id = Tx.insert(
                    c,
                    "insert into disclosure_publication (enterprise, year, approach, base_year, report, published_at,"
                            + " published_by) values (?, ?, ?, ?, ?, ?, ?)",
                    enterprise,
                    year,
                    approach,
                    baseYear,
                    report,
                    Timestamp.from(at),
                    actor);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "disclosure.publish",
                    "disclosure_publication",
                    String.valueOf(id),
                    null,
                    AuditLog.object(
                            "enterprise", enterprise, "year", year, "approach", approach, "baseYear", baseYear));
            return id;
        });
    }

    /** Withdraws a year's published disclosure; false when none was published. */
    public boolean withdraw(String actor, String enterprise, int year) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            int n;
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update disclosure_publication set withdrawn_at = ? where enterprise = ? and year = ? and"
                            + " withdrawn_at is null",
                    Timestamp.from(at),
                    enterprise,
                    year)) {
                n = ps.executeUpdate();
            }
            if (n > 0) {
                AuditLog.record(
                        c,
                        at,
                        actor,
                        "disclosure.withdraw",
                        "disclosure_publication",
                        enterprise + "/" + year,
                        null,
                        AuditLog.object("enterprise", enterprise, "year", year));
            }
            return n > 0;
        });
    }

    /** The enterprise's disclosures in force, latest year first. */
    public List<Publication> published(String enterprise) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select id, enterprise, year, approach, base_year, report, published_at from"
                                + " disclosure_publication where enterprise = ? and withdrawn_at is null order by year"
                                + " desc",
                        rs -> new Publication(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getInt(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant()),
                        enterprise));
    }

    public Optional<Publication> published(String enterprise, int year) {
        return published(enterprise).stream().filter(p -> p.year() == year).findFirst();
    }
}
