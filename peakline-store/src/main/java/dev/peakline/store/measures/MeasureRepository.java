package dev.peakline.store.measures;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The measures library and the energy diagnoses of enterprises; every addition audited. */
public final class MeasureRepository {
    private final Database db;
    private final Clock clock;

    public MeasureRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A measure of the library (null figures: not stated by its source). */
    public record Measure(
            long id,
            String name,
            String product,
            String industry,
            String equipment,
            Double energySavingPct,
            Double co2SavingPct,
            String pollutantNote,
            Double cost10kYuan,
            Double paybackYears,
            String source,
            Double pollutantSavingPct) {}

    /** A diagnosis finding with the measure recommended. */
    public record Diagnosis(
            long id,
            String enterprise,
            LocalDate diagnosedOn,
            String findings,
            Long measureId,
            Double expectedSavingTce,
            LocalDate implementedOn) {}

    public long add(String actor, Measure m) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id;
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "insert into measure (name, product, industry, equipment, energy_saving_pct, co2_saving_pct,"
                                    + " pollutant_note, cost_10k_yuan, payback_years, source, created_at, created_by,"
                                    + " pollutant_saving_pct) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id",
                            m.name(),
                            m.product(),
                            m.industry(),
                            m.equipment(),
                            m.energySavingPct(),
                            m.co2SavingPct(),
                            m.pollutantNote(),
                            m.cost10kYuan(),
                            m.paybackYears(),
                            m.source(),
                            Timestamp.from(at),
                            actor,
                            m.pollutantSavingPct());
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "measure.add",
                    "measure",
                    String.valueOf(id),
                    null,
                    AuditLog.object("name", m.name(), "product", m.product(), "source", m.source()));
            return id;
        });
    }

    public List<Measure> measures() {
        return Tx.run(db, c -> {
            List<Measure> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, name, product, industry, equipment,"
                            + " energy_saving_pct, co2_saving_pct, pollutant_note, cost_10k_yuan, payback_years, source,"
                            + " pollutant_saving_pct from measure order by id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Measure(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            (Double) rs.getObject(6),
                            (Double) rs.getObject(7),
                            rs.getString(8),
                            (Double) rs.getObject(9),
                            (Double) rs.getObject(10),
                            rs.getString(11),
                            (Double) rs.getObject(12)));
                }
            }
            return out;
        });
    }

    public long diagnose(String actor, Diagnosis d) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id;
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "insert into diagnosis (enterprise, diagnosed_on, findings, measure_id, expected_saving_tce,"
                                    + " implemented_on, created_at, created_by) values (?, ?, ?, ?, ?, ?, ?, ?)"
                                    + " returning id",
                            d.enterprise(),
                            Date.valueOf(d.diagnosedOn()),
                            d.findings(),
                            d.measureId(),
                            d.expectedSavingTce(),
                            d.implementedOn() == null ? null : Date.valueOf(d.implementedOn()),
                            Timestamp.from(at),
                            actor);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "diagnosis.add",
                    "diagnosis",
                    String.valueOf(id),
                    null,
                    AuditLog.object(
                            "enterprise",
                            d.enterprise(),
                            "measure",
                            d.measureId(),
                            "expectedSavingTce",
                            d.expectedSavingTce()));
            return id;
        });
    }

    public List<Diagnosis> diagnoses(String enterprise) {
        return Tx.run(db, c -> {
            List<Diagnosis> out = new ArrayList<>();
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select id, enterprise, diagnosed_on, findings, measure_id, expected_saving_tce,"
                                    + " implemented_on from diagnosis where enterprise = ? order by diagnosed_on, id",
                            enterprise);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date impl = rs.getDate(7);
                    out.add(new Diagnosis(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getDate(3).toLocalDate(),
                            rs.getString(4),
                            (Long) rs.getObject(5),
                            (Double) rs.getObject(6),
                            impl == null ? null : impl.toLocalDate()));
                }
            }
            return out;
        });
    }

    /** The enterprise's energy (tce) of its current results in the months [from, to]. */
    public double energy(String enterprise, String fromPeriod, String toPeriod) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select coalesce(sum(energy_tce), 0), count(*) from account_result where current and"
                                    + " enterprise = ? and period between ? and ?",
                            enterprise,
                            fromPeriod,
                            toPeriod);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(2) == 0 ? Double.NaN : rs.getDouble(1);
            }
        });
    }
}
