package dev.peakline.store.filing;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The supporting documents of a filing version. Adding and removing are audited; a removed attachment is kept (with
 * when it was removed) but no longer listed.
 */
public final class Attachments {
    /** What a list shows of an attachment. */
    public record Attachment(long id, long filingId, String name, int size, String uploadedBy, Instant uploadedAt) {}

    private final Database db;
    private final Clock clock;

    public Attachments(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Attachment> of(long filingId) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select id, filing_id, name, size, uploaded_by, uploaded_at from filing_attachment"
                                + " where filing_id = ? and removed_at is null order by id",
                        rs -> new Attachment(
                                rs.getLong(1),
                                rs.getLong(2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getString(5),
                                rs.getTimestamp(6).toInstant()),
                        filingId));
    }

    /** The bytes of an attachment of the filing, if it is listed. */
    public Optional<byte[]> content(long filingId, long id) {
        return Tx.run(
                db,
                c -> Tx.one(
                        c,
                        "select content from filing_attachment where id = ? and filing_id = ? and removed_at is null",
                        rs -> rs.getBytes(1),
                        id,
                        filingId));
    }

    public Attachment add(String actor, long filingId, String name, byte[] content) {
        Instant now = clock.instant();
        return Tx.run(db, c -> {
            long id = Tx.insert(
                    c,
                    "insert into filing_attachment (filing_id, name, size, content, uploaded_by, uploaded_at)"
                            + " values (?, ?, ?, ?, ?, ?)",
                    filingId,
                    name,
                    content.length,
                    content,
                    actor,
                    Timestamp.from(now));
            AuditLog.record(
                    c,
                    now,
                    actor,
                    "filing.attach",
                    "filing",
                    String.valueOf(filingId),
                    null,
                    "{\"attachment\":" + AuditLog.json(name) + ",\"size\":" + content.length + "}");
            return new Attachment(id, filingId, name, content.length, actor, now);
        });
    }

    /** Removes an attachment from the list; false when the filing has no such attachment. */
    public boolean remove(String actor, long filingId, long id) {
        Instant now = clock.instant();
        return Tx.run(db, c -> {
            Optional<String> name = Tx.one(
                    c,
                    "update filing_attachment set removed_at = ? where id = ? and filing_id = ? and removed_at is null"
                            + " returning name",
                    rs -> rs.getString(1),
                    Timestamp.from(now),
                    id,
                    filingId);
            if (name.isPresent()) {
                AuditLog.record(
                        c,
                        now,
                        actor,
                        "filing.detach",
                        "filing",
                        String.valueOf(filingId),
                        "{\"attachment\":" + AuditLog.json(name.get()) + "}",
                        null);
            }
            return name.isPresent();
        });
    }
}
