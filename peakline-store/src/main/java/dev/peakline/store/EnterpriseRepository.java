package dev.peakline.store;

import dev.peakline.domain.CreditCode;
import dev.peakline.domain.IndustryCode;
import dev.peakline.domain.RegionCode;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Enterprises (企业) by credit code. */
public final class EnterpriseRepository {
    private EnterpriseRepository() {}

    public record Enterprise(
            CreditCode code,
            String name,
            RegionCode region,
            IndustryCode industry,
            boolean keyEnergyUnit,
            boolean keyEmitter) {}

    /** Inserts or updates an enterprise. */
    public static void save(Database db, Enterprise e) {
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

    public static Optional<Enterprise> find(Database db, CreditCode code) {
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
}
