package dev.peakline.store.filing;

import dev.peakline.domain.CreditCode;
import dev.peakline.filing.FilingStatus;
import dev.peakline.filing.FilingStatus.Step;
import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.ledger.AccountResults;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Filings (填报) of enterprise-months, with versions: draft → submitted → approved (locked) or returned with comments →
 * resubmitted. A correction of an approved month is a new version; approving it supersedes the old one. Nothing is
 * overwritten, and every change is written to the audit log in the same transaction.
 */
public final class FilingRepository {

    public record Filing(
            long id,
            CreditCode enterprise,
            YearMonth period,
            int version,
            FilingStatus status,
            String source,
            Instant createdAt,
            String comment,
            int revision) {
        /** The entity tag of this state of the filing, for HTTP's ETag and If-Match. */
        public String etag() {
            return "\"" + id + "." + revision + "\"";
        }

        String json() {
            return "{\"id\":" + id + ",\"enterprise\":" + AuditLog.json(enterprise.value()) + ",\"period\":"
                    + AuditLog.json(period.toString()) + ",\"version\":" + version + ",\"status\":"
                    + AuditLog.json(status.name()) + ",\"comment\":"
                    + (comment == null ? "null" : AuditLog.json(comment)) + "}";
        }
    }

    /**
     * One line of activity data as filed: carrier, use, amount in its unit, measured NCV and carbon when given, the
     * data-quality grade and the stated uncertainties (%) of the amount and of the factor.
     */
    public record ActivityLine(
            String carrier,
            String use,
            BigDecimal amount,
            String unit,
            BigDecimal measuredNcv,
            BigDecimal measuredCarbon,
            String quality,
            BigDecimal uncertainty,
            BigDecimal factorUncertainty) {
        /** A line without stated uncertainties. */
        public ActivityLine(
                String carrier,
                String use,
                BigDecimal amount,
                String unit,
                BigDecimal measuredNcv,
                BigDecimal measuredCarbon,
                String quality) {
            this(carrier, use, amount, unit, measuredNcv, measuredCarbon, quality, null, null);
        }

        /** A line whose data quality is not stated. */
        public ActivityLine(
                String carrier,
                String use,
                BigDecimal amount,
                String unit,
                BigDecimal measuredNcv,
                BigDecimal measuredCarbon) {
            this(carrier, use, amount, unit, measuredNcv, measuredCarbon, null);
        }
    }

    /** One process line (过程排放): process code, driving quantity, parameters as {@code name=value;…}. */
    public record ProcessLine(String process, BigDecimal amount, String unit, String parameters) {}

    /** One production line (产量): product and quantity. */
    public record ProductionLine(String product, BigDecimal amount, String unit) {}

    /** One value-added line (工业增加值). */
    public record OutputLine(BigDecimal valueAdded, String unit) {}

    /** Everything one version of an enterprise-month holds. */
    public record Content(
            List<ActivityLine> activity,
            List<ProcessLine> process,
            List<ProductionLine> production,
            List<OutputLine> output) {
        public Content {
            activity = List.copyOf(activity);
            process = List.copyOf(process);
            production = List.copyOf(production);
            output = List.copyOf(output);
        }

        public static Content of(List<ActivityLine> activity) {
            return new Content(activity, List.of(), List.of(), List.of());
        }

        /**
         * The content as the audit log keeps it: every activity line (carrier, use, amount, unit), the value added,
         * and how many process and production lines there are; the verifier's diff reads it back.
         */
        public String summary() {
            StringBuilder b = new StringBuilder("{\"activity\":[");
            for (int i = 0; i < activity.size(); i++) {
                ActivityLine a = activity.get(i);
                b.append(i == 0 ? "" : ",")
                        .append("{\"carrier\":")
                        .append(AuditLog.json(a.carrier()))
                        .append(",\"use\":")
                        .append(AuditLog.json(a.use()))
                        .append(",\"amount\":")
                        .append(AuditLog.json(a.amount().toPlainString()))
                        .append(",\"unit\":")
                        .append(AuditLog.json(a.unit()))
                        .append('}');
            }
            b.append("],\"valueAdded\":[");
            for (int i = 0; i < output.size(); i++) {
                b.append(i == 0 ? "" : ",")
                        .append(AuditLog.json(output.get(i).valueAdded().toPlainString()));
            }
            return b.append("],\"process\":")
                    .append(process.size())
                    .append(",\"production\":")
                    .append(production.size())
                    .append('}')
                    .toString();
        }
    }

    /**
     * Accounts an approved version inside the approval's transaction; a failure (a problem in the data or the factors)
     * rolls the approval back.
     */
    public interface Accountant {
        AccountResults.Row account(Filing filing, Content content);
    }

    /** The columns {@link #filing(ResultSet)} reads, in its order. */
    private static final String SELECT =
            "select id, enterprise, period, version, status, source, created_at, comment, revision from filing";

    private final Database db;
    private final Clock clock;

    public FilingRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Opens the next version of an enterprise-month as a draft with its activity lines. Fails with a conflict when a
     * version of the month is already open (draft, submitted or returned).
     */
    public Filing draft(
            String actor, CreditCode enterprise, YearMonth period, String source, List<ActivityLine> lines) {
        return draft(actor, enterprise, period, source, Content.of(lines));
    }

    /**
     * Opens the next version of an enterprise-month as a draft with its content. Fails with a conflict when a version
     * of the month is already open, and with a {@link dev.peakline.problems.Refusal} when the open versions forbid it.
     */
    public Filing draft(String actor, CreditCode enterprise, YearMonth period, String source, Content content) {
        return Tx.run(db, c -> {
            int version;
            try (PreparedStatement ps = c.prepareStatement(
                    "select coalesce(max(version), 0) + 1 from filing where enterprise = ? and period = ?")) {
                ps.setString(1, enterprise.value());
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                }
            }
            Instant now = clock.instant();
            long id;
            try (PreparedStatement ps =
                    c.prepareStatement("insert into filing (enterprise, period, version, status, source, created_at)"
                            + " values (?, ?, ?, 'DRAFT', ?, ?) returning id")) {
                ps.setString(1, enterprise.value());
                ps.setString(2, period.toString());
                ps.setInt(3, version);
                ps.setString(4, source);
                ps.setTimestamp(5, Timestamp.from(now));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            insertContent(c, id, content);
            Filing f = new Filing(id, enterprise, period, version, FilingStatus.DRAFT, source, now, null, 1);
            AuditLog.record(c, now, actor, "filing.create", "filing", String.valueOf(id), null, f.json());
            return f;
        });
    }

    private static void insertContent(Connection c, long id, Content content) throws SQLException {
        insertActivity(c, id, content.activity());
        try (PreparedStatement ps = c.prepareStatement(
                "insert into filing_process (filing_id, line, process, amount, unit, parameters) values (?, ?, ?, ?, ?, ?)")) {
            int line = 1;
            for (ProcessLine l : content.process()) {
                ps.setLong(1, id);
                ps.setInt(2, line++);
                ps.setString(3, l.process());
                ps.setBigDecimal(4, l.amount());
                ps.setString(5, l.unit());
                ps.setString(6, l.parameters() == null ? "" : l.parameters());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into filing_production (filing_id, line, product, amount, unit) values (?, ?, ?, ?, ?)")) {
            int line = 1;
            for (ProductionLine l : content.production()) {
                ps.setLong(1, id);
                ps.setInt(2, line++);
                ps.setString(3, l.product());
                ps.setBigDecimal(4, l.amount());
                ps.setString(5, l.unit());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into filing_output (filing_id, line, value_added, unit) values (?, ?, ?, ?)")) {
            int line = 1;
            for (OutputLine l : content.output()) {
                ps.setLong(1, id);
                ps.setInt(2, line++);
                ps.setBigDecimal(3, l.valueAdded());
                ps.setString(4, l.unit());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insertActivity(Connection c, long id, List<ActivityLine> lines) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "insert into filing_activity (filing_id, line, carrier, use, amount, unit, measured_ncv,"
                        + " measured_carbon, quality, uncertainty, factor_uncertainty)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int line = 1;
            for (ActivityLine l : lines) {
                ps.setLong(1, id);
                ps.setInt(2, line++);
                ps.setString(3, l.carrier());
                ps.setString(4, l.use());
                ps.setBigDecimal(5, l.amount());
                ps.setString(6, l.unit());
                ps.setBigDecimal(7, l.measuredNcv());
                ps.setBigDecimal(8, l.measuredCarbon());
                ps.setString(9, l.quality());
                ps.setBigDecimal(10, l.uncertainty());
                ps.setBigDecimal(11, l.factorUncertainty());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Replaces the activity of a draft or returned filing; an approved filing is locked. */
    public void replaceActivity(String actor, long id, List<ActivityLine> lines) {
        replace(actor, id, Content.of(lines));
    }

    /** Replaces the content of a draft or returned filing; an approved filing is locked. */
    public void replace(String actor, long id, Content content) {
        replace(actor, id, content, null);
    }

    /**
     * Replaces the content of a draft or returned filing if it is still at {@code revision} (null: whatever it is);
     * the filing's revision counts up.
     *
     * @throws Refusal {@link dev.peakline.problems.ErrorCode#FILING_STALE} when another change came first
     */
    public Filing replace(String actor, long id, Content content, Integer revision) {
        return Tx.run(db, c -> {
            Filing f = lock(c, id);
            f.status().checkEditable("filing " + id);
            if (revision != null && revision != f.revision()) {
                throw Refusal.of(
                        dev.peakline.problems.ErrorCode.FILING_STALE,
                        "filing " + id + " was changed by someone else since you opened it (revision " + revision
                                + ", now " + f.revision() + "); reload it and make your change again");
            }
            try (PreparedStatement ps = c.prepareStatement("update filing set revision = revision + 1 where id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            String before = content(c, id).summary();
            for (String table : List.of("filing_activity", "filing_process", "filing_production", "filing_output")) {
                try (PreparedStatement ps = c.prepareStatement("delete from " + table + " where filing_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
            insertContent(c, id, content);
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "filing.content",
                    "filing",
                    String.valueOf(id),
                    before,
                    content.summary());
            return lock(c, id);
        });
    }

    public Filing submit(String actor, long id) {
        return transition(actor, id, Step.SUBMIT, null, "filing.submit");
    }

    /** The enterprise takes a submitted version back (to a draft) before the verifier decides. */
    public Filing withdraw(String actor, long id) {
        return transition(actor, id, Step.WITHDRAW, null, "filing.withdraw");
    }

    /** The enterprise gives up a draft or returned version; it is kept as DISCARDED and the month is open again. */
    public Filing discard(String actor, long id) {
        return transition(actor, id, Step.DISCARD, null, "filing.discard");
    }

    /** The verifier returns a submitted filing with comments. */
    public Filing returnForCorrection(String actor, long id, String comment) {
        if (comment == null || comment.isBlank()) {
            throw Refusal.field(
                    ErrorCode.COMMENT_REQUIRED, "comment", "a returned filing needs a comment saying what to correct");
        }
        return transition(actor, id, Step.RETURN, comment, "filing.return");
    }

    /** The verifier approves a submitted filing; an earlier approved version of the month is superseded. */
    public Filing approve(String actor, long id, String comment) {
        return approve(actor, id, comment, null);
    }

    /**
     * Approves a submitted filing, supersedes an earlier approved version, and stores the accountant's result for it,
     * all in one transaction.
     */
    public Filing approve(String actor, long id, String comment, Accountant accountant) {
        return Tx.run(db, c -> {
            Filing f = lock(c, id);
            try (PreparedStatement ps =
                    c.prepareStatement("update filing set status = 'SUPERSEDED' where enterprise = ? and period = ?"
                            + " and status = 'APPROVED' returning id")) {
                ps.setString(1, f.enterprise().value());
                ps.setString(2, f.period().toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AuditLog.record(
                                c,
                                clock.instant(),
                                actor,
                                "filing.supersede",
                                "filing",
                                String.valueOf(rs.getLong(1)),
                                "{\"status\":\"APPROVED\"}",
                                "{\"status\":\"SUPERSEDED\",\"by\":" + id + "}");
                    }
                }
            }
            Filing approved = transition(c, actor, f, Step.APPROVE, comment, "filing.approve");
            if (accountant != null) {
                AccountResults.insert(c, List.of(accountant.account(approved, content(c, id))), clock.instant());
            }
            return approved;
        });
    }

    private Filing transition(String actor, long id, Step step, String comment, String action) {
        return Tx.run(db, c -> transition(c, actor, lock(c, id), step, comment, action));
    }

    private Filing transition(Connection c, String actor, Filing f, Step step, String comment, String action)
            throws SQLException {
        FilingStatus to = f.status().after(step, "filing " + f.id());
        Instant now = clock.instant();
        String column = to == FilingStatus.SUBMITTED ? "submitted_at" : "decided_at";
        try (PreparedStatement ps = c.prepareStatement("update filing set status = ?, comment = coalesce(?, comment), "
                + column + " = ?, revision = revision + 1 where id = ?")) {
            ps.setString(1, to.name());
            ps.setString(2, comment);
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setLong(4, f.id());
            ps.executeUpdate();
        }
        Filing after = new Filing(
                f.id(),
                f.enterprise(),
                f.period(),
                f.version(),
                to,
                f.source(),
                f.createdAt(),
                comment == null ? f.comment() : comment,
                f.revision() + 1);
        AuditLog.record(c, now, actor, action, "filing", String.valueOf(f.id()), f.json(), after.json());
        return after;
    }

    private static Filing lock(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + " where id = ? for update")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Refusal.notFound("filing " + id);
                }
                return filing(rs);
            }
        }
    }

    private static Filing filing(ResultSet rs) throws SQLException {
        return new Filing(
                rs.getLong(1),
                CreditCode.of(rs.getString(2)),
                YearMonth.parse(rs.getString(3)),
                rs.getInt(4),
                FilingStatus.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getString(8),
                rs.getInt(9));
    }

    /** Every version of an enterprise-month, oldest first. */
    public List<Filing> versions(CreditCode enterprise, YearMonth period) {
        return Tx.run(db, c -> {
            List<Filing> out = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(SELECT + " where enterprise = ? and period = ? order by version")) {
                ps.setString(1, enterprise.value());
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(filing(rs));
                    }
                }
            }
            return out;
        });
    }

    public List<ActivityLine> activity(long id) {
        return content(id).activity();
    }

    public Content content(long id) {
        return Tx.run(db, c -> content(c, id));
    }

    public Optional<Filing> find(long id) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " where id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(filing(rs)) : Optional.empty();
                }
            }
        });
    }

    /** An enterprise's filings of a year (all versions), newest period first. */
    public List<Filing> list(CreditCode enterprise, int year) {
        return query(
                SELECT + " where enterprise = ? and period like ? order by period desc, version desc",
                enterprise.value(),
                year + "-%");
    }

    /** Submitted filings of the given enterprises, oldest submission first: a verifier's queue. */
    public List<Filing> submitted(Collection<String> enterprises) {
        if (enterprises.isEmpty()) {
            return List.of();
        }
        return query(SELECT + " where status = 'SUBMITTED' and enterprise = any (?) order by submitted_at, id", (Object)
                enterprises.toArray(String[]::new));
    }

    /** A line of a verifier's queue: the filing with its enterprise's name, region and industry, and when it came. */
    public record Waiting(
            long id,
            String enterprise,
            String enterpriseName,
            String region,
            String industry,
            String period,
            int version,
            String source,
            Instant submittedAt) {}

    /** Submitted filings (of the given enterprises, or all when null) with what a queue shows, oldest first. */
    public List<Waiting> waiting(Collection<String> enterprises) {
        if (enterprises != null && enterprises.isEmpty()) {
            return List.of();
        }
        String sql = "select f.id, f.enterprise, e.name, e.region, e.industry, f.period, f.version, f.source,"
                + " f.submitted_at from filing f join enterprise e on e.credit_code = f.enterprise"
                + " where f.status = 'SUBMITTED'"
                + (enterprises == null ? "" : " and f.enterprise = any (?)")
                + " order by f.submitted_at, f.id";
        Object[] args = enterprises == null ? new Object[0] : new Object[] {enterprises.toArray(String[]::new)};
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        sql,
                        rs -> new Waiting(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getInt(7),
                                rs.getString(8),
                                rs.getTimestamp(9) == null
                                        ? null
                                        : rs.getTimestamp(9).toInstant()),
                        args));
    }

    /** Every submitted filing, oldest submission first (an administrator's view). */
    public List<Filing> submitted() {
        return query(SELECT + " where status = 'SUBMITTED' order by submitted_at, id");
    }

    private List<Filing> query(String sql, Object... args) {
        return Tx.run(db, c -> {
            List<Filing> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(c, sql, args);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(filing(rs));
                }
            }
            return out;
        });
    }

    /** The audit trail of one filing, oldest first. */
    public List<AuditLog.Entry> history(long id) {
        return Tx.run(db, c -> AuditLog.history(c, "filing", String.valueOf(id)));
    }

    /** The contents of many filings at once (a recomputation), read with one query per line table. */
    public Map<Long, Content> contents(List<Long> ids) {
        return Tx.run(db, c -> contents(c, ids));
    }

    private static Map<Long, Content> contents(Connection c, List<Long> ids) throws SQLException {
        Long[] arr = ids.toArray(Long[]::new);
        Map<Long, List<ActivityLine>> act = new HashMap<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select filing_id, carrier, use, amount, unit, measured_ncv, measured_carbon, quality,"
                                + " uncertainty, factor_uncertainty from filing_activity where filing_id = any (?) order by filing_id, line",
                        (Object) arr);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                act.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ActivityLine(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBigDecimal(4),
                                rs.getString(5),
                                rs.getBigDecimal(6),
                                rs.getBigDecimal(7),
                                rs.getString(8),
                                rs.getBigDecimal(9),
                                rs.getBigDecimal(10)));
            }
        }
        Map<Long, List<ProcessLine>> pro = new HashMap<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select filing_id, process, amount, unit, parameters from filing_process"
                                + " where filing_id = any (?) order by filing_id, line",
                        (Object) arr);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                pro.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ProcessLine(rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getString(5)));
            }
        }
        Map<Long, List<ProductionLine>> prd = new HashMap<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select filing_id, product, amount, unit from filing_production"
                                + " where filing_id = any (?) order by filing_id, line",
                        (Object) arr);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                prd.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ProductionLine(rs.getString(2), rs.getBigDecimal(3), rs.getString(4)));
            }
        }
        Map<Long, List<OutputLine>> out = new HashMap<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select filing_id, value_added, unit from filing_output"
                                + " where filing_id = any (?) order by filing_id, line",
                        (Object) arr);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new OutputLine(rs.getBigDecimal(2), rs.getString(3)));
            }
        }
        Map<Long, Content> result = new HashMap<>();
        for (Long id : ids) {
            result.put(
                    id,
                    new Content(
                            act.getOrDefault(id, List.of()),
                            pro.getOrDefault(id, List.of()),
                            prd.getOrDefault(id, List.of()),
                            out.getOrDefault(id, List.of())));
        }
        return result;
    }

    static Content content(Connection c, long id) throws SQLException {
        return contents(c, List.of(id)).get(id);
    }
}
