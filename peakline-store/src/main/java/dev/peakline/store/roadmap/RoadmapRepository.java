package dev.peakline.store.roadmap;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The roadmaps of regions (C9): each save of a region's scenarios is a new version beside the earlier ones, audited
 * with the scenarios before and after; the scenarios are kept as the JSON the API took.
 */
public final class RoadmapRepository {
    private final Database db;
    private final Clock clock;

    public RoadmapRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A stored version. */
    public record Version(
            String region,
            String industry,
            int version,
            int baseYear,
            int toYear,
            String scenarios,
            String note,
            Instant createdAt,
            String createdBy) {}

    /**
     * Stores the scenarios as the next version of the region's roadmap ({@code industry} "" for the region as a whole,
     * else the GB/T 4754 code of an industry in it); its number.
     */
    public int save(
            String actor, String region, String industry, int baseYear, int toYear, String scenariosJson, String note) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            // one saver at a time per region: the version numbers stay gapless
            try (PreparedStatement ps = Tx.prepare(c, "select code from region where code = ? for update", region)) {
                ps.executeQuery().close();
            }
            Optional<Version> before = latest(c, region, industry);
            int version = before.map(v -> v.version() + 1).orElse(1);
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into roadmap (region, industry, version, base_year, to_year, scenarios, note, created_at,"
                            + " created_by) values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)",
                    region,
                    industry,
                    version,
                    baseYear,
                    toYear,
                    scenariosJson,
                    note == null ? "" : note,
                    Timestamp.from(at),
                    actor)) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "roadmap.save",
                    "roadmap",
                    region + (industry.isEmpty() ? "" : "/" + industry) + "/" + version,
                    before.map(v -> v.scenarios()).orElse(null),
                    scenariosJson);
            return version;
        });
    }

    /** The latest version of the region's (or its industry's) roadmap. */
    public Optional<Version> latest(String region, String industry) {
        return Tx.run(db, c -> latest(c, region, industry));
    }

    /** One version of the region's (or its industry's) roadmap. */
    public Optional<Version> version(String region, String industry, int version) {
        return Tx.run(db, c -> {
            List<Version> v = read(c, "where region = ? and industry = ? and version = ?", region, industry, version);
            return v.stream().findFirst();
        });
    }

    /** Every version of the region's (or its industry's) roadmap, the newest first. */
    public List<Version> versions(String region, String industry) {
        return Tx.run(db, c -> read(c, "where region = ? and industry = ? order by version desc", region, industry));
    }

    private static Optional<Version> latest(java.sql.Connection c, String region, String industry)
            throws java.sql.SQLException {
        return read(c, "where region = ? and industry = ? order by version desc limit 1", region, industry).stream()
                .findFirst();
    }

    private static List<Version> read(java.sql.Connection c, String where, Object... args)
            throws java.sql.SQLException {
        List<Version> out = new ArrayList<>();
        try (PreparedStatement ps = Tx.prepare(
                        c,
                        "select region, industry, version, base_year, to_year, scenarios::text, note, created_at,"
                                + " created_by"
                                + " from roadmap " + where,
                        args);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Version(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getString(9)));
            }
        }
        return out;
    }
}
