package dev.peakline.store.inclusion;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 碳普惠 programmes, participants, issued claims and uses. Each write is one transaction with its audit entry; a
 * source record is issued once in Peakline (a unique key), so a second issuance of it fails whole.
 */
public final class InclusionRepository {
    private final Database db;
    private final Clock clock;

    public InclusionRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Programme(
            long id,
            String region,
            String name,
            String methodology,
            double pointsPerKg,
            int validMonths,
            String rules,
            Instant createdAt) {}

    public record Participant(long programmeId, String enterprise, String name, String region, Instant joinedAt) {}

    public record Claim(
            long id,
            long programmeId,
            String enterprise,
            String sourceRecord,
            LocalDate date,
            double activity,
            String evidence,
            double factor,
            String factorSource,
            BigDecimal reductionKg,
            long points,
            Instant issuedAt,
            String issuedBy) {}

    public record Use(
            long id, long programmeId, String enterprise, LocalDate date, long points, String purpose, String by) {}

    public long create(String actor, Programme p) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id = Tx.insert(
                    c,
                    "insert into inclusion_programme (region, name, methodology, points_per_kg, valid_months, rules,"
                            + " created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    p.region(),
                    p.name(),
                    p.methodology(),
                    p.pointsPerKg(),
                    p.validMonths(),
                    p.rules(),
                    Timestamp.from(at),
                    actor);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "inclusion.programme",
                    "inclusion_programme",
                    String.valueOf(id),
                    null,
                    AuditLog.object(
                            "region",
                            p.region(),
                            "name",
                            p.name(),
                            "methodology",
                            p.methodology(),
                            "pointsPerKg",
                            p.pointsPerKg(),
                            "validMonths",
                            p.validMonths()));
            return id;
        });
    }

    private static final String PROGRAMME = "select id, region, name, methodology, points_per_kg, valid_months, rules,"
            + " created_at from inclusion_programme";

    public List<Programme> programmes() {
        return Tx.run(db, c -> Tx.list(c, PROGRAMME + " order by id", InclusionRepository::programme));
    }

    public Optional<Programme> programme(long id) {
        return Tx.run(
                db,
                c -> Tx.list(c, PROGRAMME + " where id = ?", InclusionRepository::programme, id).stream()
                        .findFirst());
    }

    private static Programme programme(ResultSet rs) throws java.sql.SQLException {
        return new Programme(
                rs.getLong(1),
                rs.getString(2).trim(),
                rs.getString(3),
                rs.getString(4),
                rs.getDouble(5),
                rs.getInt(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }

    /** Adds a participant; false when it takes part already. */
    public boolean join(String actor, long programme, String enterprise) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            int n;
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into inclusion_participant (programme_id, enterprise, joined_at) values (?, ?, ?) on"
                            + " conflict do nothing",
                    programme,
                    enterprise,
                    Timestamp.from(at))) {
                n = ps.executeUpdate();
            }
            if (n > 0) {
                AuditLog.record(
                        c,
                        at,
                        actor,
                        "inclusion.join",
                        "inclusion_participant",
                        programme + "/" + enterprise,
                        null,
                        AuditLog.object("programme", programme, "enterprise", enterprise));
            }
            return n > 0;
        });
    }

    public List<Participant> participants(long programme) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select p.programme_id, p.enterprise, e.name, e.region, p.joined_at from inclusion_participant p"
                                + " join enterprise e on e.credit_code = p.enterprise where p.programme_id = ? order"
                                + " by e.name, p.enterprise",
                        rs -> new Participant(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4).trim(),
                                rs.getTimestamp(5).toInstant()),
                        programme));
    }

    /** The programmes an enterprise takes part in. */
    public List<Long> programmesOf(String enterprise) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select programme_id from inclusion_participant where enterprise = ? order by programme_id",
                        rs -> rs.getLong(1),
                        enterprise));
    }

    /** The source records already issued, of those given (anywhere in Peakline). */
    public Set<String> issued(java.util.Collection<String> records) {
        return Tx.run(
                db,
                c -> new LinkedHashSet<>(Tx.list(
                        c,
                        "select source_record from inclusion_claim where source_record = any (?)",
                        rs -> rs.getString(1),
                        (Object) records.toArray(String[]::new))));
    }

    /** Stores issued claims, all or none, one audit entry each. */
    public int issue(String actor, List<Claim> claims) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            for (Claim x : claims) {
                long id = Tx.insert(
                        c,
                        "insert into inclusion_claim (programme_id, enterprise, source_record, activity_date, activity,"
                                + " evidence, factor, factor_source, reduction_kg, points, issued_at, issued_by)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        x.programmeId(),
                        x.enterprise(),
                        x.sourceRecord(),
                        Date.valueOf(x.date()),
                        x.activity(),
                        x.evidence(),
                        x.factor(),
                        x.factorSource(),
                        x.reductionKg(),
                        x.points(),
                        Timestamp.from(at),
                        actor);
                AuditLog.record(
                        c,
                        at,
                        actor,
                        "inclusion.issue",
                        "inclusion_claim",
                        String.valueOf(id),
                        null,
                        AuditLog.object(
                                "programme",
                                x.programmeId(),
                                "enterprise",
                                x.enterprise(),
                                "sourceRecord",
                                x.sourceRecord(),
                                "activity",
                                x.activity(),
                                "reductionKg",
                                x.reductionKg().toPlainString(),
                                "points",
                                x.points()));
            }
            return claims.size();
        });
    }

    public List<Claim> claims(long programme, String enterprise) {
        return Tx.run(db, c -> claims(c, programme, enterprise));
    }

    private static List<Claim> claims(java.sql.Connection c, long programme, String enterprise)
            throws java.sql.SQLException {
        return Tx.list(
                c,
                "select id, programme_id, enterprise, source_record, activity_date, activity, evidence, factor,"
                        + " factor_source, reduction_kg, points, issued_at, issued_by from inclusion_claim"
                        + " where programme_id = ? and (cast(? as text) is null or enterprise = ?) order by activity_date,"
                        + " id",
                rs -> new Claim(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDate(5).toLocalDate(),
                        rs.getDouble(6),
                        rs.getString(7),
                        rs.getDouble(8),
                        rs.getString(9),
                        rs.getBigDecimal(10),
                        rs.getLong(11),
                        rs.getTimestamp(12).toInstant(),
                        rs.getString(13)),
                programme,
                enterprise,
                enterprise);
    }

    /**
     * Records a use if {@code covered} accepts it against the participant's claims and earlier uses, read in the same
     * transaction with the participant locked, so that two uses at once cannot spend the same points. The id, or
     * empty when not covered.
     */
    public Optional<Long> use(String actor, Use u, java.util.function.BiPredicate<List<Claim>, List<Use>> covered) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select 1 from inclusion_participant where programme_id = ? and enterprise = ? for update",
                            u.programmeId(),
                            u.enterprise());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            if (!covered.test(claims(c, u.programmeId(), u.enterprise()), uses(c, u.programmeId(), u.enterprise()))) {
                return Optional.<Long>empty();
            }
            long id = Tx.insert(
                    c,
                    "insert into inclusion_use (programme_id, enterprise, used_on, points, purpose, created_at,"
                            + " created_by) values (?, ?, ?, ?, ?, ?, ?)",
                    u.programmeId(),
                    u.enterprise(),
                    Date.valueOf(u.date()),
                    u.points(),
                    u.purpose(),
                    Timestamp.from(at),
                    actor);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "inclusion.use",
                    "inclusion_use",
                    String.valueOf(id),
                    null,
                    AuditLog.object(
                            "programme",
                            u.programmeId(),
                            "enterprise",
                            u.enterprise(),
                            "points",
                            u.points(),
                            "purpose",
                            u.purpose()));
            return Optional.of(id);
        });
    }

    public List<Use> uses(long programme, String enterprise) {
        return Tx.run(db, c -> uses(c, programme, enterprise));
    }

    private static List<Use> uses(java.sql.Connection c, long programme, String enterprise)
            throws java.sql.SQLException {
        return Tx.list(
                c,
                "select id, programme_id, enterprise, used_on, points, purpose, created_by from inclusion_use"
                        + " where programme_id = ? and (cast(? as text) is null or enterprise = ?) order by used_on, id",
                rs -> new Use(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate(),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getString(7)),
                programme,
                enterprise,
                enterprise);
    }
}
