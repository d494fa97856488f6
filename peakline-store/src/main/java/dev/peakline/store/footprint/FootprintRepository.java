package dev.peakline.store.footprint;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Product footprints as computed and saved (inputs and contributions as JSON), and the year's production. */
public final class FootprintRepository {
    private final Database db;
    private final Clock clock;

    public FootprintRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Footprint(
            long id,
            String enterprise,
            String product,
            int year,
            double output,
            String unit,
            String allocation,
            String basis,
            double share,
            String inputs,
            double kgPerUnit,
            String contributions,
            double primaryShare,
            Instant createdAt,
            String createdBy) {}

    public long save(String actor, Footprint f) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id = Tx.insert(
                    c,
                    "insert into product_footprint (enterprise, product, year, output, unit, allocation, basis, share,"
                            + " inputs, kg_per_unit, contributions, primary_share, created_at, created_by) values (?, ?,"
                            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    f.enterprise(),
                    f.product(),
                    f.year(),
                    f.output(),
                    f.unit(),
                    f.allocation(),
                    f.basis(),
                    f.share(),
                    f.inputs(),
                    f.kgPerUnit(),
                    f.contributions(),
                    f.primaryShare(),
                    Timestamp.from(at),
                    actor);
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "footprint.save",
                    "product_footprint",
                    String.valueOf(id),
                    null,
                    AuditLog.object(
                            "enterprise",
                            f.enterprise(),
                            "product",
                            f.product(),
                            "year",
                            f.year(),
                            "allocation",
                            f.allocation(),
                            "share",
                            f.share(),
                            "kgPerUnit",
                            f.kgPerUnit()));
            return id;
        });
    }

    private static final String SELECT = "select id, enterprise, product, year, output, unit, allocation, basis, share,"
            + " inputs, kg_per_unit, contributions, primary_share, created_at, created_by from product_footprint";

    private static Footprint row(ResultSet rs) throws SQLException {
        return new Footprint(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getDouble(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getDouble(9),
                rs.getString(10),
                rs.getDouble(11),
                rs.getString(12),
                rs.getDouble(13),
                rs.getTimestamp(14).toInstant(),
                rs.getString(15));
    }

    public List<Footprint> of(String enterprise) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        SELECT + " where enterprise = ? order by year desc, id desc",
                        FootprintRepository::row,
                        enterprise));
    }

    public Optional<Footprint> find(long id) {
        return Tx.run(
                db,
                c -> Tx.list(c, SELECT + " where id = ?", FootprintRepository::row, id).stream()
                        .findFirst());
    }

    /** The year's output per product and unit from the enterprise's approved filings (current versions). */
    public Map<String, double[]> production(String enterprise, int year, Map<String, String> units) {
        return Tx.run(db, c -> {
            Map<String, double[]> out = new LinkedHashMap<>();
            for (Object[] r : Tx.list(
                    c,
                    "select p.product, p.unit, sum(p.amount) from filing_production p join filing f on f.id ="
                            + " p.filing_id and f.status = 'APPROVED' where f.enterprise = ? and f.period like ? group by"
                            + " p.product, p.unit order by p.product, p.unit",
                    rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3)},
                    enterprise,
                    year + "-%")) {
                out.computeIfAbsent((String) r[0], k -> new double[1])[0] += (double) r[2];
                units.put((String) r[0], (String) r[1]);
            }
            return out;
        });
    }
}
