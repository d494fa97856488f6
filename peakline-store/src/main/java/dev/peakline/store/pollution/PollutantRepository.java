package dev.peakline.store.pollution;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Pollutant emissions per enterprise, month, outlet and pollutant. A filing replaces the months it holds, whole, in
 * one transaction; each month's replacement is audited with its lines before and after. Each month goes through the
 * energy workflow: DRAFT (filed) → SUBMITTED → APPROVED (locked) or RETURNED (open again); a submitted or approved
 * month is not replaced, and every step is audited.
 */
public final class PollutantRepository {
    private final Database db;
    private final Clock clock;

    public PollutantRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The coefficient method's numbers a line was computed from (all null for other methods). */
    public record Basis(Double activity, Double coefficient, Double removal, Double operatingRate) {
        public static final Basis NONE = new Basis(null, null, null, null);
    }

    /**
     * A stored line: {@code outlet} the medium, {@code outletId} the outlet's number ("" for one outlet per medium);
     * {@code kg} the emissions, or for the water special items the sewage in t with their {@code level} (pH, or the
     * colour's exceedance multiple; null otherwise).
     */
    public record Line(
            String enterprise,
            String period,
            String outlet,
            String pollutant,
            double kg,
            String method,
            Basis basis,
            String outletId,
            Double level) {
        public Line {
            outletId = outletId == null ? "" : outletId;
        }

        public Line(
                String enterprise,
                String period,
                String outlet,
                String pollutant,
                double kg,
                String method,
                Basis basis) {
            this(enterprise, period, outlet, pollutant, kg, method, basis, "", null);
        }

        public Line(String enterprise, String period, String outlet, String pollutant, double kg, String method) {
            this(enterprise, period, outlet, pollutant, kg, method, Basis.NONE);
        }
    }

    /** A month's place in the workflow. */
    public record Month(
            String enterprise,
            String period,
            String status,
            String comment,
            Instant submittedAt,
            String submittedBy,
            Instant decidedAt,
            String decidedBy) {}

    /** Months that cannot be replaced now (submitted or approved), of those given. */
    public List<Month> locked(String enterprise, Collection<String> periods) {
        return Tx.run(
                db,
                c -> months(
                        c,
                        "where enterprise = ? and period = any (?) and status in ('SUBMITTED', 'APPROVED')",
                        enterprise,
                        periods.toArray(String[]::new)));
    }

    /**
     * Replaces the enterprise's months that the lines cover; how many months were replaced. A month submitted or
     * approved meanwhile fails the whole replacement ({@link IllegalStateException}), nothing written.
     */
    public int replace(String actor, String enterprise, List<Line> lines) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            TreeSet<String> months = new TreeSet<>();
            lines.forEach(l -> months.add(l.period()));
            for (String m : months) {
                try (PreparedStatement ps = Tx.prepare(
                                c,
                                "insert into pollutant_month (enterprise, period, status) values (?, ?, 'DRAFT') on"
                                        + " conflict (enterprise, period) do update set status = 'DRAFT' where"
                                        + " pollutant_month.status in ('DRAFT', 'RETURNED') returning status",
                                enterprise,
                                m);
                        ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException(m + " is submitted or approved and cannot be replaced");
                    }
                }
                List<Line> before = read(c, "where enterprise = ? and period = ?", enterprise, m);
                try (PreparedStatement ps = Tx.prepare(
                        c, "delete from pollutant_emission where enterprise = ? and period = ?", enterprise, m)) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into pollutant_emission (enterprise, period,"
                        + " outlet, pollutant, kg, method, filed_at, filed_by, activity, coefficient, removal,"
                        + " operating_rate, outlet_id, level) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (Line l : lines) {
                        if (!l.period().equals(m)) {
                            continue;
                        }
                        ps.setString(1, enterprise);
                        ps.setString(2, m);
                        ps.setString(3, l.outlet());
                        ps.setString(4, l.pollutant());
                        ps.setDouble(5, l.kg());
                        ps.setString(6, l.method());
                        ps.setTimestamp(7, Timestamp.from(at));
                        ps.setString(8, actor);
                        ps.setObject(9, l.basis().activity());
                        ps.setObject(10, l.basis().coefficient());
                        ps.setObject(11, l.basis().removal());
                        ps.setObject(12, l.basis().operatingRate());
                        ps.setString(13, l.outletId());
                        ps.setObject(14, l.level());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                AuditLog.record(
                        c,
                        at,
                        actor,
                        before.isEmpty() ? "pollutants.file" : "pollutants.replace",
                        "pollutant_emission",
                        enterprise + "/" + m,
                        before.isEmpty() ? null : json(before),
                        json(lines.stream().filter(l -> l.period().equals(m)).toList()));
            }
            return months.size();
        });
    }

    private static String json(List<Line> lines) {
        List<String> parts = new ArrayList<>();
        for (Line l : lines) {
            String where = l.outletId().isEmpty()
                    ? ""
                    : AuditLog.object("outletId", l.outletId(), "level", l.level())
                            .replaceFirst("^\\{", ",")
                            .replaceFirst("}$", "");
            parts.add(
                    l.basis().activity() == null
                            ? AuditLog.object(
                                    "outlet",
                                    l.outlet(),
                                    "pollutant",
                                    l.pollutant(),
                                    "kg",
                                    l.kg(),
                                    "method",
                                    l.method())
                            : AuditLog.object(
                                    "outlet",
                                    l.outlet(),
                                    "pollutant",
                                    l.pollutant(),
                                    "kg",
                                    l.kg(),
                                    "method",
                                    l.method(),
                                    "activity",
                                    l.basis().activity(),
                                    "coefficient",
                                    l.basis().coefficient(),
                                    "removal",
                                    l.basis().removal(),
                                    "operatingRate",
                                    l.basis().operatingRate()));
            if (!where.isEmpty()) {
                String last = parts.remove(parts.size() - 1);
                parts.add(last.substring(0, last.length() - 1) + where + "}");
            }
        }
        return "[" + String.join(",", parts) + "]";
    }

    /**
     * Moves a month from one of the states {@code from} to {@code to}, audited; empty when the month is not in one of
     * them (or not filed).
     */
    public java.util.Optional<Month> move(
            String actor, String enterprise, String period, List<String> from, String to, String comment) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            List<Month> before = months(
                    c,
                    "where enterprise = ? and period = ? and status = any (?) for update",
                    enterprise,
                    period,
                    from.toArray(String[]::new));
            if (before.isEmpty()) {
                return java.util.Optional.<Month>empty();
            }
            boolean submit = to.equals("SUBMITTED");
            try (PreparedStatement ps = submit
                    ? Tx.prepare(
                            c,
                            "update pollutant_month set status = ?, submitted_at = ?, submitted_by = ? where"
                                    + " enterprise = ? and period = ?",
                            to,
                            Timestamp.from(at),
                            actor,
                            enterprise,
                            period)
                    : Tx.prepare(
                            c,
                            "update pollutant_month set status = ?, comment = ?, decided_at = ?, decided_by = ? where"
                                    + " enterprise = ? and period = ?",
                            to,
                            comment,
                            Timestamp.from(at),
                            actor,
                            enterprise,
                            period)) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "pollutants." + to.toLowerCase(java.util.Locale.ROOT),
                    "pollutant_month",
                    enterprise + "/" + period,
                    AuditLog.object("status", before.get(0).status()),
                    comment == null
                            ? AuditLog.object("status", to)
                            : AuditLog.object("status", to, "comment", comment));
            return java.util.Optional.of(months(c, "where enterprise = ? and period = ?", enterprise, period)
                    .get(0));
        });
    }

    /**
     * Loads months verified elsewhere (the demo province's monitoring) as approved, in one transaction with one audit
     * entry per enterprise listing its months; fails if any of the months is already filed. How many months.
     */
    public int loadApproved(String actor, List<Line> lines, String note) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            Map<String, TreeSet<String>> months = new LinkedHashMap<>();
            lines.forEach(l ->
                    months.computeIfAbsent(l.enterprise(), k -> new TreeSet<>()).add(l.period()));
            try (PreparedStatement ps = c.prepareStatement("insert into pollutant_month (enterprise, period, status,"
                    + " comment, submitted_at, submitted_by, decided_at, decided_by) values (?, ?, 'APPROVED', ?, ?,"
                    + " ?, ?, ?)")) {
                for (var e : months.entrySet()) {
                    for (String m : e.getValue()) {
                        ps.setString(1, e.getKey());
                        ps.setString(2, m);
                        ps.setString(3, note);
                        ps.setTimestamp(4, Timestamp.from(at));
                        ps.setString(5, actor);
                        ps.setTimestamp(6, Timestamp.from(at));
                        ps.setString(7, actor);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into pollutant_emission (enterprise, period,"
                    + " outlet, pollutant, kg, method, filed_at, filed_by, outlet_id, level) values (?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?)")) {
                for (Line l : lines) {
                    ps.setString(1, l.enterprise());
                    ps.setString(2, l.period());
                    ps.setString(3, l.outlet());
                    ps.setString(4, l.pollutant());
                    ps.setDouble(5, l.kg());
                    ps.setString(6, l.method());
                    ps.setTimestamp(7, Timestamp.from(at));
                    ps.setString(8, actor);
                    ps.setString(9, l.outletId());
                    ps.setObject(10, l.level());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int n = 0;
            for (var e : months.entrySet()) {
                AuditLog.record(
                        c,
                        at,
                        actor,
                        "pollutants.loaded",
                        "pollutant_month",
                        e.getKey(),
                        null,
                        AuditLog.object("months", String.join(" ", e.getValue()), "comment", note));
                n += e.getValue().size();
            }
            return n;
        });
    }

    /** The enterprise's months of a year in the workflow. */
    public List<Month> months(String enterprise, int year) {
        return Tx.run(
                db, c -> months(c, "where enterprise = ? and period like ? order by period", enterprise, year + "-%"));
    }

    /** How many months of the year each enterprise of the regions has approved. */
    public Map<String, Integer> approvedMonths(Collection<String> regions, int year) {
        return Tx.run(db, c -> {
            Map<String, Integer> out = new LinkedHashMap<>();
            for (Object[] r : Tx.list(
                    c,
                    "select m.enterprise, count(*) from pollutant_month m join enterprise e on e.credit_code ="
                            + " m.enterprise where m.status = 'APPROVED' and e.region = any (?) and m.period like ? group"
                            + " by 1",
                    rs -> new Object[] {rs.getString(1), rs.getInt(2)},
                    (Object) regions.toArray(String[]::new),
                    year + "-%")) {
                out.put((String) r[0], (Integer) r[1]);
            }
            return out;
        });
    }

    /** Submitted months awaiting a decision, oldest first, of the enterprises given (all when null). */
    public List<Month> waiting(Collection<String> enterprises) {
        return Tx.run(
                db,
                c -> enterprises == null
                        ? months(c, "where status = 'SUBMITTED' order by submitted_at, enterprise, period")
                        : months(
                                c,
                                "where status = 'SUBMITTED' and enterprise = any (?) order by submitted_at,"
                                        + " enterprise, period",
                                (Object) enterprises.toArray(String[]::new)));
    }

    private static List<Month> months(java.sql.Connection c, String where, Object... args)
            throws java.sql.SQLException {
        List<Month> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select enterprise, period, status, comment, submitted_at, submitted_by, decided_at,"
                                + " decided_by from pollutant_month " + where,
                        args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Timestamp s = rs.getTimestamp(5);
                Timestamp d = rs.getTimestamp(7);
                out.add(new Month(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        s == null ? null : s.toInstant(),
                        rs.getString(6),
                        d == null ? null : d.toInstant(),
                        rs.getString(8)));
            }
        }
        return out;
    }

    /** The enterprise's lines of a year, by month. */
    public List<Line> of(String enterprise, int year) {
        return Tx.run(
                db,
                c -> read(
                        c,
                        "where enterprise = ? and period like ? order by period, outlet, outlet_id, pollutant",
                        enterprise,
                        year + "-%"));
    }

    /** kg per pollutant (outlet|code) of one enterprise in a year, approved months only. */
    public Map<String, Double> yearOf(String enterprise, int year) {
        return Tx.run(db, c -> {
            Map<String, Double> out = new LinkedHashMap<>();
            for (Object[] r : Tx.list(
                    c,
                    "select p.outlet, p.pollutant, sum(p.kg) from pollutant_emission p join pollutant_month m on"
                            + " m.enterprise = p.enterprise and m.period = p.period and m.status = 'APPROVED' where"
                            + " p.enterprise = ? and p.period like ? and p.pollutant not in ('pH', 'colour',"
                            + " 'coliform', 'chlorine') group by 1, 2 order by 1, 2",
                    rs -> new Object[] {rs.getString(1) + "|" + rs.getString(2), rs.getDouble(3)},
                    enterprise,
                    year + "-%")) {
                out.put((String) r[0], (Double) r[1]);
            }
            return out;
        });
    }

    /** kg per air pollutant code per numbered outlet ("" unnumbered) of one enterprise in a year, approved months only. */
    public Map<String, Map<String, Double>> airByOutlet(String enterprise, int year) {
        return Tx.run(db, c -> {
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            for (Object[] r : Tx.list(
                    c,
                    "select p.outlet_id, p.pollutant, sum(p.kg) from pollutant_emission p join pollutant_month m on"
                            + " m.enterprise = p.enterprise and m.period = p.period and m.status = 'APPROVED' where"
                            + " p.enterprise = ? and p.period like ? and p.outlet = 'air' group by 1, 2 order by 1, 2",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3)},
                    enterprise,
                    year + "-%")) {
                out.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>()).put((String) r[1], (Double) r[2]);
            }
            return out;
        });
    }

    /** kg per pollutant (outlet|code) per enterprise of the regions in a year, approved months only. */
    public Map<String, Map<String, Double>> yearByEnterprise(Collection<String> regions, int year) {
        return Tx.run(db, c -> {
            Map<String, Map<String, Double>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select p.enterprise, p.outlet, p.pollutant, sum(p.kg) from pollutant_emission p join"
                                    + " enterprise e on e.credit_code = p.enterprise join pollutant_month m on"
                                    + " m.enterprise = p.enterprise and m.period = p.period and m.status = 'APPROVED'"
                                    + " where e.region = any (?) and p.period like ? and p.pollutant not in ('pH', 'colour',"
                                    + " 'coliform', 'chlorine') group by 1, 2, 3 order by 1, 2, 3",
                            regions.toArray(String[]::new),
                            year + "-%");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2) + "|" + rs.getString(3), rs.getDouble(4));
                }
            }
            return out;
        });
    }

    private static List<Line> read(java.sql.Connection c, String where, Object... args) throws java.sql.SQLException {
        List<Line> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select enterprise, period, outlet, pollutant, kg, method, activity, coefficient, removal,"
                                + " operating_rate, outlet_id, level from pollutant_emission " + where,
                        args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Line(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getDouble(5),
                        rs.getString(6),
                        new Basis((Double) rs.getObject(7), (Double) rs.getObject(8), (Double) rs.getObject(9), (Double)
                                rs.getObject(10)),
                        rs.getString(11),
                        (Double) rs.getObject(12)));
            }
        }
        return out;
    }
}
