package dev.peakline.store.factors;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Factor sets (排放因子集) as loaded by administrators, and which set each region accounts with from which date. The
 * shipped reference library is the set {@code peakline-reference}; a loaded set overrides chosen factors of it.
 */
public final class FactorSetRepository {
    public record Info(String id, String version, String publication, Instant loadedAt, boolean shipped) {}

    /** A region accounts with a set from a day on, until a later activation of the region. */
    public record Activation(String region, LocalDate activeFrom, String setId, String setVersion) {}

    private final Database db;
    private final Clock clock;

    public FactorSetRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public List<Info> list() {
        return Tx.run(db, c -> {
            List<Info> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "select id, version, publication, loaded_at, content = '' from factor_set order by loaded_at, id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Info(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getBoolean(5)));
                }
            }
            return out;
        });
    }

    /** The file content of a loaded set; empty text for the shipped library; empty when there is no such set. */
    public Optional<String> content(String id, String version) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps =
                            Tx.prepare(c, "select content from factor_set where id = ? and version = ?", id, version);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        });
    }

    /** Stores a validated set; a set's id and version are never reused (a conflict). */
    public void save(String actor, String id, String version, String publication, String content) {
        Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into factor_set (id, version, publication, content) values (?, ?, ?, ?)",
                    id,
                    version,
                    publication,
                    content)) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "factor_set.load",
                    "factor_set",
                    id + "@" + version,
                    null,
                    "{\"publication\":" + AuditLog.json(publication) + ",\"bytes\":" + content.length() + "}");
            return null;
        });
    }

    public List<Activation> activations() {
        return Tx.run(db, c -> {
            List<Activation> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select region, active_from, set_id, set_version"
                            + " from region_factor_set order by region, active_from");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Activation(
                            rs.getString(1).trim(), rs.getDate(2).toLocalDate(), rs.getString(3), rs.getString(4)));
                }
            }
            return out;
        });
    }

    /** Makes a region account with a set from a day on (replacing an activation of the same day). */
    public void activate(String actor, Activation a) {
        Tx.run(db, c -> {
            String before = null;
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select set_id || '@' || set_version from region_factor_set where region = ?"
                                    + " and active_from = ? for update",
                            a.region(),
                            Date.valueOf(a.activeFrom()));
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    before = "{\"set\":" + AuditLog.json(rs.getString(1)) + "}";
                }
            }
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into region_factor_set (region, active_from, set_id, set_version) values (?, ?, ?, ?)"
                            + " on conflict (region, active_from) do update set set_id = excluded.set_id,"
                            + " set_version = excluded.set_version",
                    a.region(),
                    Date.valueOf(a.activeFrom()),
                    a.setId(),
                    a.setVersion())) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "factor_set.activate",
                    "region",
                    a.region(),
                    before,
                    "{\"set\":" + AuditLog.json(a.setId() + "@" + a.setVersion()) + ",\"from\":"
                            + AuditLog.json(a.activeFrom().toString()) + "}");
            return null;
        });
    }

    /**
     * The activation that governs a day in a region: the nearest region of the lineage (the region itself first, then
     * its parents) that has one, and there the latest that starts on or before the day.
     */
    public static Optional<Activation> governing(
            List<Activation> all, List<String> lineageNearestFirst, LocalDate day) {
        for (String region : lineageNearestFirst) {
            Optional<Activation> best = all.stream()
                    .filter(a -> a.region().equals(region) && !a.activeFrom().isAfter(day))
                    .max(java.util.Comparator.comparing(Activation::activeFrom));
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }
}
