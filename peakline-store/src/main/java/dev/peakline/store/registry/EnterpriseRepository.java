package dev.peakline.store.registry;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.Enterprise;
import dev.peakline.domain.Facility;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Enterprises (企业) by credit code. */
public final class EnterpriseRepository {
    private final Database db;
    private final Clock clock;

    public EnterpriseRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Inserts or updates an enterprise. */
    public void save(Enterprise e) {
        Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into enterprise (credit_code, name, region, industry, key_energy_unit, key_emitter)"
                            + " values (?, ?, ?, ?, ?, ?) on conflict (credit_code) do update set name = excluded.name,"
                            + " region = excluded.region, industry = excluded.industry,"
                            + " key_energy_unit = excluded.key_energy_unit, key_emitter = excluded.key_emitter")) {
                ps.setString(1, e.code().value());
                ps.setString(2, e.name());
                ps.setString(3, e.region().value());
                ps.setString(4, e.industry().value());
                ps.setBoolean(5, e.keyEnergyUnit());
                ps.setBoolean(6, e.keyEmitter());
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Enterprise> find(CreditCode code) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select credit_code, name, region, industry, key_energy_unit, key_emitter from enterprise"
                            + " where credit_code = ?")) {
                ps.setString(1, code.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new Enterprise(
                            CreditCode.of(rs.getString(1)),
                            rs.getString(2),
                            RegionCode.of(rs.getString(3)),
                            IndustryCode.of(rs.getString(4)),
                            rs.getBoolean(5),
                            rs.getBoolean(6)));
                }
            }
        });
    }

    public List<Facility> facilities(CreditCode enterprise) {
        return Tx.run(db, c -> {
            List<Facility> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select f.id, f.name, f.kind, f.product, f.capacity, f.capacity_unit, p.name"
                                    + " from facility f join enterprise e on e.credit_code = f.enterprise"
                                    + " left join park p on p.id = e.park_id where f.enterprise = ? order by f.id",
                            enterprise.value());
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Facility(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBigDecimal(5),
                            rs.getString(6),
                            rs.getString(7)));
                }
            }
            return out;
        });
    }

    /** Credit codes of the enterprises registered in the regions, in order. */
    public List<String> codesIn(Collection<String> regions) {
        return Tx.run(db, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select credit_code from enterprise where region = any (?) order by credit_code",
                            (Object) regions.toArray(String[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The park of each enterprise of the regions that is in one: credit code → park name. */
    public Map<String, String> parks(Collection<String> regions) {
        return Tx.run(db, c -> {
            Map<String, String> out = new java.util.LinkedHashMap<>();
            for (String[] r : Tx.list(
                    c,
                    "select e.credit_code, p.name from enterprise e join park p on p.id = e.park_id where e.region = any"
                            + " (?) order by p.name, e.credit_code",
                    rs -> new String[] {rs.getString(1), rs.getString(2)},
                    (Object) regions.toArray(String[]::new))) {
                out.put(r[0], r[1]);
            }
            return out;
        });
    }

    /** Per region: how many enterprises are registered there. */
    public Map<String, Integer> countByRegion(Collection<String> regions) {
        return Tx.run(db, c -> {
            Map<String, Integer> out = new HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select region, count(*) from enterprise where region = any (?) group by region",
                            (Object) regions.toArray(String[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1).trim(), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** The names of the enterprises given, by credit code (one query). */
    public Map<String, String> names(Collection<String> codes) {
        return Tx.run(db, c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c, "select credit_code, name from enterprise where credit_code = any (?)", (Object)
                                    codes.toArray(String[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        });
    }

    /** An enterprise found by a search: code, name, region and industry codes. */
    public record Found(String code, String name, String region, String industry) {}

    /**
     * Enterprises of the regions whose name contains the text, whose credit code or industry code starts with it, or
     * whose region is it; by name, at most {@code limit}.
     */
    public List<Found> search(Collection<String> regions, String text, int limit) {
        String like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return Tx.run(db, c -> {
            List<Found> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select credit_code, name, region, industry from enterprise where region = any (?) and"
                                    + " (name ilike ? or credit_code ilike ? or industry like ? or region = ?)"
                                    + " order by (name ilike ?) desc, length(name), name limit ?",
                            (Object) regions.toArray(String[]::new),
                            "%" + like + "%",
                            like + "%",
                            like + "%",
                            text,
                            like + "%",
                            limit);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Found(
                            rs.getString(1), rs.getString(2), rs.getString(3).trim(), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /**
     * How an enterprise stands for one month: its filing's status (the approved version if there is one, else the
     * newest open one; null when nothing was filed), when it was first submitted, its contact and its filing accounts.
     */
    public record PeriodStatus(
            String code,
            String name,
            String region,
            String industry,
            String contactPerson,
            String contactPhone,
            String accounts,
            String status,
            java.time.Instant firstSubmitted) {}

    /** Every enterprise of the regions with its standing for the period (YYYY-MM), by region and name. */
    public List<PeriodStatus> periodStatus(Collection<String> regions, String period) {
        return Tx.run(db, c -> {
            List<PeriodStatus> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select e.credit_code, e.name, e.region, e.industry, e.contact_person, e.contact_phone,"
                                    + " (select string_agg(u.display_name || '（' || u.username || '）', '、' order by"
                                    + " u.username) from app_user u where u.enterprise = e.credit_code and not"
                                    + " u.locked),"
                                    + " (select f.status from filing f where f.enterprise = e.credit_code and f.period"
                                    + " = ? and f.status in ('APPROVED', 'SUBMITTED', 'RETURNED', 'DRAFT') order by"
                                    + " (f.status = 'APPROVED') desc, f.version desc limit 1),"
                                    + " (select min(f.submitted_at) from filing f where f.enterprise ="
                                    + " e.credit_code and f.period = ?)"
                                    + " from enterprise e where e.region = any (?) order by e.region, e.name",
                            period,
                            period,
                            (Object) regions.toArray(String[]::new));
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp at = rs.getTimestamp(9);
                    out.add(new PeriodStatus(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3).trim(),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            at == null ? null : at.toInstant()));
                }
            }
            return out;
        });
    }

    /** An enterprise's register entry as administrators change it. */
    public record Entry(
            String code,
            String name,
            String region,
            String industry,
            boolean keyEnergyUnit,
            String contactPerson,
            String contactPhone) {
        String json() {
            return dev.peakline.store.AuditLog.object(
                    "name",
                    name,
                    "region",
                    region,
                    "industry",
                    industry,
                    "keyEnergyUnit",
                    keyEnergyUnit,
                    "contactPerson",
                    contactPerson,
                    "contactPhone",
                    contactPhone);
        }
    }

    /** The register entry of an enterprise, if registered. */
    public Optional<Entry> entry(String code) {
        return Tx.run(db, c -> entry(c, code));
    }

    private static Optional<Entry> entry(java.sql.Connection c, String code) throws java.sql.SQLException {
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select credit_code, name, region, industry, key_energy_unit, contact_person, contact_phone"
                                + " from enterprise where credit_code = ?",
                        code);
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new Entry(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3).trim(),
                    rs.getString(4),
                    rs.getBoolean(5),
                    rs.getString(6),
                    rs.getString(7)));
        }
    }

    /**
     * Registers an enterprise or changes its entry (a move to another region is a change of {@code region}, and its
     * accounted months move with it), audited
     * as {@code enterprise.create} or {@code enterprise.update} with the entry before and after.
     */
    public void register(String actor, Entry e) {
        Tx.run(db, c -> {
            Optional<Entry> before = entry(c, e.code());
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into enterprise (credit_code, name, region, industry, key_energy_unit, contact_person,"
                            + " contact_phone) values (?, ?, ?, ?, ?, ?, ?) on conflict (credit_code) do update set"
                            + " name = excluded.name, region = excluded.region, industry = excluded.industry,"
                            + " key_energy_unit = excluded.key_energy_unit, contact_person = excluded.contact_person,"
                            + " contact_phone = excluded.contact_phone",
                    e.code(),
                    e.name(),
                    e.region(),
                    e.industry(),
                    e.keyEnergyUnit(),
                    e.contactPerson(),
                    e.contactPhone())) {
                ps.executeUpdate();
            }
            // a move (or a corrected industry) carries the enterprise's accounted months with it, so that the
            // region's and the industry's sums stay the sums of their enterprises
            if (before.isPresent()
                    && !(before.get().region().equals(e.region())
                            && before.get().industry().equals(e.industry()))) {
                try (PreparedStatement ps = Tx.prepare(
                        c,
                        "update account_result set region = ?, industry = ? where enterprise = ?",
                        e.region(),
                        e.industry(),
                        e.code())) {
                    ps.executeUpdate();
                }
            }
            dev.peakline.store.AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    before.isPresent() ? "enterprise.update" : "enterprise.create",
                    "enterprise",
                    e.code(),
                    before.map(Entry::json).orElse(null),
                    e.json());
            return null;
        });
    }

    /**
     * What a merge did: rows moved per table and column that referred to the merged enterprise; or, when both have
     * filed the same months, those months and nothing changed.
     */
    public record Merged(String from, String into, Map<String, Integer> moved, List<String> conflicts) {}

    /**
     * Merges a duplicate registration into another (the same enterprise registered twice): every row that refers to
     * {@code from} (filings, results, facilities, meters, tokens, users, targets, projects, plans …, found from the
     * schema's foreign keys) is moved to {@code into}, its accounted months take {@code into}'s region and industry, and
     * {@code from} is removed; audited as {@code enterprise.merge} with both entries. Months both have filed are refused
     * (empty: nothing is changed) and returned, so that no filing history is overwritten.
     */
    public Merged merge(String actor, String from, String into) {
        return Tx.run(db, c -> {
            List<String> both = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select distinct a.period from filing a join filing b on a.period = b.period where"
                                    + " a.enterprise = ? and b.enterprise = ? order by a.period",
                            from,
                            into);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    both.add(rs.getString(1));
                }
            }
            if (!both.isEmpty()) {
                return new Merged(from, into, Map.of(), both);
            }
            Entry a = entry(c, from).orElseThrow();
            Entry b = entry(c, into).orElseThrow();
            List<String[]> refs = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select cl.relname, att.attname from pg_constraint con join pg_class cl on cl.oid ="
                                    + " con.conrelid join pg_attribute att on att.attrelid = con.conrelid and"
                                    + " att.attnum = any (con.conkey) where con.contype = 'f' and con.confrelid ="
                                    + " 'enterprise'::regclass order by cl.relname, att.attname");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    refs.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            Map<String, Integer> moved = new java.util.TreeMap<>();
            for (String[] r : refs) {
                // names from the catalogue, quoted as identifiers
                try (PreparedStatement ps = Tx.prepare(
                        c,
                        "update \"" + r[0].replace("\"", "") + "\" set \"" + r[1].replace("\"", "") + "\" = ? where \""
                                + r[1].replace("\"", "") + "\" = ?",
                        into,
                        from)) {
                    int n = ps.executeUpdate();
                    if (n > 0) {
                        moved.put(r[0] + "." + r[1], n);
                    }
                }
            }
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update account_result set region = ?, industry = ? where enterprise = ?",
                    b.region(),
                    b.industry(),
                    into)) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = Tx.prepare(c, "delete from enterprise where credit_code = ?", from)) {
                ps.executeUpdate();
            }
            dev.peakline.store.AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "enterprise.merge",
                    "enterprise",
                    into,
                    "{\"from\":" + dev.peakline.store.AuditLog.json(from) + ",\"merged\":" + a.json() + ",\"into\":"
                            + b.json() + "}",
                    dev.peakline.store.AuditLog.object("moved", moved.toString()));
            return new Merged(from, into, moved, List.of());
        });
    }
}
