package dev.peakline.store.targets;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.targets.RegionStatistics;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Region statistics (GDP at constant prices, energy by carrier) imported from the template. */
public final class StatisticsRepository {
    private final Database db;
    private final Clock clock;

    public StatisticsRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Stores the region-years, replacing those already stored for the same region and year, all in one transaction;
     * each replacement is audited with the figures before and after.
     */
    public int replace(String actor, List<RegionStatistics> stats) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            for (RegionStatistics s : stats) {
                String before = null;
                try (PreparedStatement ps = Tx.prepare(
                                c,
                                "select gdp_10k_yuan, price_base_year, energy_tce, co2_t, non_fossil_tce"
                                        + " from region_statistic where region = ? and year = ?",
                                s.region(),
                                s.year());
                        ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        before = AuditLog.object(
                                "gdp10kYuan",
                                rs.getDouble(1),
                                "priceBaseYear",
                                rs.getInt(2),
                                "energyTce",
                                rs.getDouble(3),
                                "co2",
                                rs.getDouble(4),
                                "nonFossilTce",
                                rs.getDouble(5));
                    }
                }
                try (PreparedStatement ps = Tx.prepare(
                        c, "delete from region_statistic where region = ? and year = ?", s.region(), s.year())) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = Tx.prepare(
                        c,
                        "insert into region_statistic (region, year, gdp_10k_yuan, price_base_year, energy_tce, co2_t,"
                                + " non_fossil_tce, imported_at, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        s.region(),
                        s.year(),
                        s.gdp10kYuan(),
                        s.priceBaseYear(),
                        s.energyTce(),
                        s.co2(),
                        s.nonFossilTce(),
                        Timestamp.from(at),
                        actor)) {
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into region_energy (region, year, carrier,"
                        + " amount, unit, tce, co2_t) values (?, ?, ?, ?, ?, ?, ?)")) {
                    for (RegionStatistics.EnergyLine l : s.energy()) {
                        ps.setString(1, s.region());
                        ps.setInt(2, s.year());
                        ps.setString(3, l.carrier());
                        ps.setDouble(4, l.amount());
                        ps.setString(5, l.unit());
                        ps.setDouble(6, l.tce());
                        ps.setDouble(7, l.co2());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                AuditLog.record(
                        c,
                        at,
                        actor,
                        before == null ? "statistics.import" : "statistics.replace",
                        "region_statistic",
                        s.region() + "/" + s.year(),
                        before,
                        AuditLog.object(
                                "gdp10kYuan",
                                s.gdp10kYuan(),
                                "priceBaseYear",
                                s.priceBaseYear(),
                                "energyTce",
                                s.energyTce(),
                                "co2",
                                s.co2(),
                                "nonFossilTce",
                                s.nonFossilTce()));
            }
            return stats.size();
        });
    }

    /** The price base year each region's stored GDP is kept at. */
    public java.util.Map<String, Integer> priceBases() {
        return Tx.run(db, c -> {
            java.util.Map<String, Integer> out = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                            "select distinct on (region) region, price_base_year from region_statistic order by region, year");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    /** The stored region-years of the regions (energy lines included), by region then year. */
    public List<RegionStatistics> of(Collection<String> regions) {
        return Tx.run(db, c -> {
            List<RegionStatistics> out = new ArrayList<>();
            String[] r = regions.toArray(String[]::new);
            java.util.Map<String, List<RegionStatistics.EnergyLine>> lines = new java.util.HashMap<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select region, year, carrier, amount, unit, tce, co2_t from region_energy"
                                    + " where region = any (?) order by region, year, carrier",
                            (Object) r);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lines.computeIfAbsent(rs.getString(1) + rs.getInt(2), k -> new ArrayList<>())
                            .add(new RegionStatistics.EnergyLine(
                                    rs.getString(3),
                                    rs.getDouble(4),
                                    rs.getString(5),
                                    rs.getDouble(6),
                                    rs.getDouble(7)));
                }
            }
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select region, year, gdp_10k_yuan, price_base_year, energy_tce, co2_t, non_fossil_tce"
                                    + " from region_statistic where region = any (?) order by region, year",
                            (Object) r);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new RegionStatistics(
                            rs.getString(1),
                            rs.getInt(2),
                            rs.getDouble(3),
                            rs.getInt(4),
                            rs.getDouble(5),
                            rs.getDouble(6),
                            rs.getDouble(7),
                            lines.getOrDefault(rs.getString(1) + rs.getInt(2), List.of())));
                }
            }
            return out;
        });
    }
}
