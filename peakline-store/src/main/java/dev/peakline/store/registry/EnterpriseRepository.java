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
}
