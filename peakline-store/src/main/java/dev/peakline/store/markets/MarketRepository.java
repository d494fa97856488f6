package dev.peakline.store.markets;

import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.markets.PowerAllocation;
import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry's ledger, the ETS power units and the allocation runs. Booking replays the whole ledger into core's
 * {@link InstrumentLedger} under a lock, books the new movements through it and writes them only if none is refused,
 * in one transaction with the audit entry: the ledger's rules (conservation, no overdraft, serials held once, the
 * offset cap) hold in the database as in the CLI.
 */
public final class MarketRepository {
    /** The advisory lock that serialises bookings. */
    private static final long LOCK = 30_000_030L;

    private final Database db;
    private final Clock clock;

    public MarketRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A movement as stored: the ledger's movement, its region, counterparty, price and reference. */
    public record Stored(
            long id,
            String region,
            Movement movement,
            String counterparty,
            Double priceYuan,
            String reference,
            LocalDate deadline,
            String recordedBy,
            Instant recordedAt) {}

    /** A movement to book, with where it belongs and what it refers to (a run, a transfer's other side). */
    public record Booking(
            String region,
            Movement movement,
            String counterparty,
            Double priceYuan,
            String reference,
            LocalDate deadline) {
        public Booking(String region, Movement movement, String counterparty, Double priceYuan, String reference) {
            this(region, movement, counterparty, priceYuan, reference, null);
        }
    }

    private static final String MOVEMENT = "select id, region, day, account, instrument, vintage, kind, quantity,"
            + " serial_from, serial_to, counterparty, price_yuan, reference, recorded_by, recorded_at, deadline from"
            + " market_movement";

    private static Stored stored(java.sql.ResultSet rs) throws SQLException {
        long from = rs.getLong(9);
        long to = rs.getLong(10);
        return new Stored(
                rs.getLong(1),
                rs.getString(2),
                new Movement(
                        rs.getDate(3).toLocalDate(),
                        rs.getString(4),
                        Instrument.parse(rs.getString(5)).orElseThrow(),
                        rs.getInt(6),
                        Kind.parse(rs.getString(7)).orElseThrow(),
                        rs.getDouble(8),
                        from,
                        to,
                        (int) rs.getLong(1)),
                rs.getString(11),
                rs.getObject(12) == null ? null : rs.getDouble(12),
                rs.getString(13),
                rs.getDate(16) == null ? null : rs.getDate(16).toLocalDate(),
                rs.getString(14),
                rs.getTimestamp(15).toInstant());
    }

    /** Every movement, in booking order. */
    public List<Stored> movements() {
        return Tx.run(db, c -> Tx.list(c, MOVEMENT + " order by id", MarketRepository::stored));
    }

    /** The movements of some accounts, in booking order. */
    public List<Stored> movementsOf(List<String> accounts) {
        return Tx.run(
                db,
                c -> Tx.list(c, MOVEMENT + " where account = any (?) order by id", MarketRepository::stored, (Object)
                        accounts.toArray(String[]::new)));
    }

    /** The obligations' deadlines: account|instrument|year → the deadline set when the obligation was booked. */
    public Map<String, LocalDate> deadlines() {
        return Tx.run(db, c -> {
            Map<String, LocalDate> out = new java.util.HashMap<>();
            for (String[] r : Tx.list(
                    c,
                    "select account, instrument, vintage, deadline from market_movement where kind = 'obligation' and"
                            + " deadline is not null",
                    rs -> new String[] {rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getInt(3), rs.getString(4)
                    })) {
                out.put(r[0], LocalDate.parse(r[1]));
            }
            return out;
        });
    }

    /** The green certificates an account retired for a reporting year, each retirement's movement. */
    public List<Stored> certificatesRetiredFor(String account, int year) {
        return movementsOf(List.of(account)).stream()
                .filter(s -> s.movement().kind() == Kind.RETIRE
                        && s.movement().instrument() == Instrument.GEC
                        && s.reference().equals("scope2:" + year))
                .toList();
    }

    /** Green certificates retired for a reporting year (MWh) by account, of the accounts given. */
    public Map<String, Double> certificatesRetiredIn(List<String> accounts, int year) {
        return Tx.run(db, c -> {
            Map<String, Double> out = new java.util.HashMap<>();
            for (Object[] r : Tx.list(
                    c,
                    "select account, sum(quantity) from market_movement where kind = 'retire' and instrument = 'gec' and"
                            + " reference = ? and account = any (?) group by 1",
                    rs -> new Object[] {rs.getString(1), rs.getDouble(2)},
                    "scope2:" + year,
                    (Object) accounts.toArray(String[]::new))) {
                out.put((String) r[0], (Double) r[1]);
            }
            return out;
        });
    }

    /** A region's 可再生能源电力消纳责任权重 of a year: the obligation, what it achieved, and the notice. */
    public record RenewableWeight(
            String region,
            int year,
            double obligationTotal,
            Double obligationNonHydro,
            Double aluminiumShare,
            Double actualTotal,
            Double actualNonHydro,
            String document,
            String recordedBy,
            Instant recordedAt) {}

    /** Records (or corrects) a region's weights of a year, audited with the row before and after. */
    public void putWeight(String actor, RenewableWeight w) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            Optional<String> before = Tx.one(
                    c,
                    "select obligation_total || '|' || coalesce(obligation_non_hydro::text, '') || '|' ||"
                            + " coalesce(actual_total::text, '') || '|' || coalesce(actual_non_hydro::text, '') from"
                            + " renewable_weight where region = ? and year = ?",
                    rs -> rs.getString(1),
                    w.region(),
                    w.year());
            try (var ps = Tx.prepare(
                    c,
                    "insert into renewable_weight (region, year, obligation_total, obligation_non_hydro,"
                            + " aluminium_share, actual_total, actual_non_hydro, document, recorded_by, recorded_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (region, year) do update set"
                            + " obligation_total = excluded.obligation_total, obligation_non_hydro ="
                            + " excluded.obligation_non_hydro, aluminium_share = excluded.aluminium_share, actual_total ="
                            + " excluded.actual_total, actual_non_hydro = excluded.actual_non_hydro, document ="
                            + " excluded.document, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
                    w.region(),
                    w.year(),
                    w.obligationTotal(),
                    w.obligationNonHydro(),
                    w.aluminiumShare(),
                    w.actualTotal(),
                    w.actualNonHydro(),
                    w.document(),
                    actor,
                    Timestamp.from(at))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "renewable_weight.put",
                    "renewable_weight",
                    w.region() + "/" + w.year(),
                    before.map(AuditLog::json).orElse(null),
                    AuditLog.json(w.obligationTotal() + "|" + w.obligationNonHydro() + "|" + w.actualTotal() + "|"
                            + w.actualNonHydro()));
            return null;
        });
    }

    public Optional<RenewableWeight> weight(String region, int year) {
        return Tx.run(
                db,
                c -> Tx.one(
                        c,
                        "select region, year, obligation_total, obligation_non_hydro, aluminium_share, actual_total,"
                                + " actual_non_hydro, document, recorded_by, recorded_at from renewable_weight where"
                                + " region = ? and year = ?",
                        rs -> new RenewableWeight(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getDouble(3),
                                (Double) rs.getObject(4),
                                (Double) rs.getObject(5),
                                (Double) rs.getObject(6),
                                (Double) rs.getObject(7),
                                rs.getString(8),
                                rs.getString(9),
                                rs.getTimestamp(10).toInstant()),
                        region,
                        year));
    }

    /** The ledger as booked so far (a private copy: the caller may book on it without changing anyone else's). */
    public InstrumentLedger ledger() {
        return Tx.run(db, this::current);
    }

    /** The ledger as of a movement's id: what every booking and reading starts from instead of the whole history. */
    private record Cached(InstrumentLedger ledger, long mark) {}

    private final Object cacheLock = new Object();
    private Cached cached = new Cached(new InstrumentLedger(), 0);

    /**
     * The ledger as of the newest committed movement: the cached state brought forward by the movements stored since
     * (every insert takes the ledger's lock before its rows get their ids, so ids follow commit order and "above the
     * mark" is exactly what is new), or replayed whole when one of those is backdated before what the cache holds.
     */
    private InstrumentLedger current(Connection c) throws SQLException {
        Cached base;
        synchronized (cacheLock) {
            base = cached;
        }
        // the newest id first (one step down the key's index): "id > ?" alone may be planned as a scan of the table
        long newest = Tx.one(c, "select coalesce(max(id), 0) from market_movement", rs -> rs.getLong(1))
                .orElse(0L);
        if (newest == base.mark()) {
            return base.ledger().copy();
        }
        List<Stored> newer = Tx.list(
                c, MOVEMENT + " where id > ? and id <= ? order by id", MarketRepository::stored, base.mark(), newest);
        if (newer.isEmpty()) {
            return base.ledger().copy();
        }
        List<Movement> added = newer.stream().map(Stored::movement).toList();
        InstrumentLedger l;
        if (added.stream().allMatch(base.ledger()::inOrder)) {
            l = base.ledger().copy();
            refuseReplay(l.replay(added));
        } else {
            l = new InstrumentLedger();
            List<Movement> all = new ArrayList<>();
            for (Stored x : Tx.list(c, MOVEMENT + " order by id", MarketRepository::stored)) {
                all.add(x.movement());
            }
            refuseReplay(l.replay(all));
        }
        remember(l.copy(), newer.get(newer.size() - 1).id());
        return l;
    }

    /** Keeps {@code kept} (no one else's to change) as the ledger as of {@code mark}, unless a later one is kept. */
    private void remember(InstrumentLedger kept, long mark) {
        // from now on shared by every copy made of it: nothing is changed in place any more
        kept.freeze();
        synchronized (cacheLock) {
            if (mark > cached.mark()) {
                cached = new Cached(kept, mark);
            }
        }
    }

    private static void refuseReplay(List<InstrumentLedger.Refused> refused) {
        if (!refused.isEmpty()) {
            throw new IllegalStateException("the stored ledger does not replay: movement "
                    + refused.get(0).movement().row() + " " + refused.get(0).reason());
        }
    }

    /** What booking came to: the refused movements (by their position in the request) and nothing written, or none. */
    public record Booked(List<InstrumentLedger.Refused> refused, List<Long> ids, InstrumentLedger state) {
        public Booked(List<InstrumentLedger.Refused> refused, List<Long> ids) {
            this(refused, ids, null);
        }

        public boolean ok() {
            return refused.isEmpty();
        }
    }

    /**
     * Books the movements (their {@code row} their position in the request): a transfer as one outgoing movement whose
     * counterparty receives it. Nothing is written when any is refused.
     */
    public Booked book(String actor, String action, List<Booking> bookings) {
        return keep(Tx.run(db, c -> book(c, actor, action, bookings, clock.instant())));
    }

    /** After the commit: the state the booking left, kept for the next one. */
    private Booked keep(Booked b) {
        if (b == null || b.state() == null) {
            return b;
        }
        if (b.ok() && !b.ids().isEmpty()) {
            // the booking's own state, which no one else holds: the caller gets the outcome without it
            remember(
                    b.state(), b.ids().stream().mapToLong(Long::longValue).max().orElseThrow());
        }
        return new Booked(b.refused(), b.ids());
    }

    /** A change of a register made in the same transaction as a booking; false when it no longer applies. */
    public interface Step {
        boolean apply(Connection c, Instant at) throws SQLException;
    }

    /**
     * Books the movements after {@code before} has changed what they rest on (a report marked issued), in one
     * transaction: null with nothing written when {@code before} declines, the refused movements with nothing written,
     * or the ids.
     */
    public Booked book(String actor, String action, List<Booking> bookings, Step before) {
        Instant at = clock.instant();
        return keep(Tx.run(db, c -> {
            if (!before.apply(c, at)) {
                c.rollback();
                return null;
            }
            return book(c, actor, action, bookings, at);
        }));
    }

    /** The highest serial booked of an instrument (0 when none): a new issue starts above it. */
    public long lastSerial(Instrument instrument) {
        return Tx.run(
                db,
                c -> Tx.one(
                                c,
                                "select coalesce(max(serial_to), 0) from market_movement where instrument = ?",
                                rs -> rs.getLong(1),
                                instrument.code())
                        .orElse(0L));
    }

    private Booked book(Connection c, String actor, String action, List<Booking> bookings, Instant at)
            throws SQLException {
        try (var ps = Tx.prepare(c, "select pg_advisory_xact_lock(?)", LOCK)) {
            ps.execute();
        }
        InstrumentLedger l = current(c);
        List<InstrumentLedger.Refused> refused = new ArrayList<>();
        boolean inOrder = true;
        for (Booking b : bookings) {
            Movement m = b.movement();
            if (!l.inOrder(m)) {
                inOrder = false;
                break;
            }
            Optional<String[]> no = m.kind() == Kind.TRANSFER ? l.transfer(m, b.counterparty()) : l.book(m);
            if (no.isPresent()) {
                refused.add(new InstrumentLedger.Refused(m, no.get()[0], no.get()[1]));
            }
        }
        if (!inOrder) {
            // backdated: the whole history with these movements in their days must replay
            l = new InstrumentLedger();
            refused = backdated(c, l, bookings);
        }
        if (!refused.isEmpty()) {
            c.rollback();
            return new Booked(refused, List.of());
        }
        List<Long> ids = new ArrayList<>();
        for (Booking b : bookings) {
            Movement m = b.movement();
            if (m.kind() == Kind.TRANSFER) {
                ids.add(insert(c, b, m, b.counterparty(), actor, at));
                ids.add(insert(
                        c,
                        b,
                        new Movement(
                                m.date(),
                                b.counterparty(),
                                m.instrument(),
                                m.vintage(),
                                Kind.TRANSFER,
                                -m.quantity(),
                                m.serialFrom(),
                                m.serialTo(),
                                m.row()),
                        m.account(),
                        actor,
                        at));
            } else {
                ids.add(insert(c, b, m, b.counterparty(), actor, at));
            }
        }
        AuditLog.record(
                c,
                at,
                actor,
                action,
                "market_movement",
                ids.isEmpty() ? "" : ids.get(0) + (ids.size() > 1 ? "–" + ids.get(ids.size() - 1) : ""),
                null,
                AuditLog.object(
                        "movements", ids.size(), "first", bookings.isEmpty() ? null : describe(bookings.get(0))));
        return new Booked(List.of(), ids, l);
    }

    /**
     * Replays the stored history with the bookings placed in their days: the bookings refused, or — when they would
     * make a stored movement fail — the first booking refused with that movement's reason.
     */
    private static List<InstrumentLedger.Refused> backdated(Connection c, InstrumentLedger l, List<Booking> bookings)
            throws SQLException {
        List<Movement> all = new ArrayList<>();
        for (Stored x : Tx.list(c, MOVEMENT + " order by id", MarketRepository::stored)) {
            all.add(new Movement(
                    x.movement().date(),
                    x.movement().account(),
                    x.movement().instrument(),
                    x.movement().vintage(),
                    x.movement().kind(),
                    x.movement().quantity(),
                    x.movement().serialFrom(),
                    x.movement().serialTo(),
                    -1));
        }
        for (Booking b : bookings) {
            Movement m = b.movement();
            all.add(m);
            if (m.kind() == Kind.TRANSFER) {
                all.add(new Movement(
                        m.date(),
                        b.counterparty(),
                        m.instrument(),
                        m.vintage(),
                        Kind.TRANSFER,
                        -m.quantity(),
                        m.serialFrom(),
                        m.serialTo(),
                        m.row()));
            }
        }
        List<InstrumentLedger.Refused> refused = new ArrayList<>();
        for (InstrumentLedger.Refused r : l.replay(all)) {
            if (r.movement().row() >= 0) {
                refused.add(r);
            } else if (refused.isEmpty() && !bookings.isEmpty()) {
                refused.add(new InstrumentLedger.Refused(
                        bookings.get(0).movement(),
                        r.code(),
                        "booked on " + bookings.get(0).movement().date() + " it would make an earlier-stored movement"
                                + " of " + r.movement().account() + " on "
                                + r.movement().date() + " fail: "
                                + r.reason()));
            }
        }
        return refused;
    }

    private static String describe(Booking b) {
        Movement m = b.movement();
        return m.kind().code() + " " + m.account() + " " + m.instrument().code() + " " + m.vintage() + " "
                + m.quantity();
    }

    private static long insert(Connection c, Booking b, Movement m, String counterparty, String actor, Instant at)
            throws SQLException {
        return Tx.insert(
                c,
                "insert into market_movement (region, day, account, instrument, vintage, kind, quantity, serial_from,"
                        + " serial_to, counterparty, price_yuan, reference, recorded_by, recorded_at, deadline) values (?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                b.region(),
                Date.valueOf(m.date()),
                m.account(),
                m.instrument().code(),
                m.vintage(),
                m.kind().code(),
                java.math.BigDecimal.valueOf(m.quantity()),
                m.serials() ? m.serialFrom() : null,
                m.serials() ? m.serialTo() : null,
                counterparty,
                b.priceYuan() == null ? null : java.math.BigDecimal.valueOf(b.priceYuan()),
                b.reference() == null ? "" : b.reference(),
                actor,
                Timestamp.from(at),
                b.deadline() == null ? null : Date.valueOf(b.deadline()));
    }

    // ---- ETS power units

    /** A power unit of an enterprise covered by the national ETS. */
    public record Unit(
            String unitId,
            String enterprise,
            String name,
            PowerAllocation.FuelClass fuel,
            boolean airCooled,
            Double capacityMw) {}

    /** A unit's year: its output, and the verified emissions once the verification report is in. */
    public record UnitYear(
            String unitId,
            int year,
            double supplyMwh,
            double heatGj,
            double heatRatio,
            double loadFactor,
            Double verifiedT) {}

    /**
     * Registers a unit (or changes its class, cooling, name, capacity), audited; false when it is another's or an
     * industry line's id.
     */
    public boolean registerUnit(String actor, Unit u) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            Optional<String> owner =
                    Tx.one(c, "select enterprise from ets_unit where unit_id = ?", rs -> rs.getString(1), u.unitId());
            boolean line = Tx.one(c, "select 1 from ets_line where line_id = ?", rs -> 1, u.unitId())
                    .isPresent();
            if (line || (owner.isPresent() && !owner.get().equals(u.enterprise()))) {
                return false;
            }
            try (var ps = Tx.prepare(
                    c,
                    "insert into ets_unit (unit_id, enterprise, name, fuel_class, air_cooled, capacity_mw, registered_by,"
                            + " registered_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (unit_id) do update set name ="
                            + " excluded.name, fuel_class = excluded.fuel_class, air_cooled = excluded.air_cooled,"
                            + " capacity_mw = excluded.capacity_mw",
                    u.unitId(),
                    u.enterprise(),
                    u.name(),
                    u.fuel().code(),
                    u.airCooled(),
                    u.capacityMw(),
                    actor,
                    Timestamp.from(at))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    owner.isPresent() ? "ets_unit.update" : "ets_unit.register",
                    "ets_unit",
                    u.unitId(),
                    null,
                    AuditLog.object(
                            "enterprise", u.enterprise(), "fuelClass", u.fuel().code(), "airCooled", u.airCooled()));
            return true;
        });
    }

    /** The units of some enterprises, by id. */
    public List<Unit> units(List<String> enterprises) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select unit_id, enterprise, name, fuel_class, air_cooled, capacity_mw from ets_unit where"
                                + " enterprise = any (?) order by unit_id",
                        MarketRepository::unitRow,
                        (Object) enterprises.toArray(String[]::new)));
    }

    private static Unit unitRow(java.sql.ResultSet rs) throws SQLException {
        return new Unit(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                PowerAllocation.FuelClass.parse(rs.getString(4)).orElseThrow(),
                rs.getBoolean(5),
                rs.getObject(6) == null ? null : rs.getDouble(6));
    }

    /** One unit. */
    public Optional<Unit> unit(String unitId) {
        return Tx.run(
                db,
                c -> Tx.one(
                        c,
                        "select unit_id, enterprise, name, fuel_class, air_cooled, capacity_mw from ets_unit where unit_id ="
                                + " ?",
                        MarketRepository::unitRow,
                        unitId));
    }

    /** The units' years. */
    public List<UnitYear> unitYears(List<String> unitIds, int year) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select unit_id, year, supply_mwh, heat_gj, heat_ratio, load_factor, verified_t from ets_unit_year"
                                + " where unit_id = any (?) and year = ? order by unit_id",
                        rs -> new UnitYear(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getDouble(3),
                                rs.getDouble(4),
                                rs.getDouble(5),
                                rs.getDouble(6),
                                rs.getObject(7) == null ? null : rs.getDouble(7)),
                        (Object) unitIds.toArray(String[]::new),
                        year));
    }

    /** Records (or corrects) a unit's year, audited with the year before and after. */
    public void putUnitYear(String actor, UnitYear y) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            Optional<String> before = Tx.one(
                    c,
                    "select supply_mwh || '|' || heat_gj || '|' || heat_ratio || '|' || load_factor || '|' ||"
                            + " coalesce(verified_t::text, '') from ets_unit_year where unit_id = ? and year = ?",
                    rs -> rs.getString(1),
                    y.unitId(),
                    y.year());
            try (var ps = Tx.prepare(
                    c,
                    "insert into ets_unit_year (unit_id, year, supply_mwh, heat_gj, heat_ratio, load_factor, verified_t,"
                            + " recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (unit_id, year) do"
                            + " update set supply_mwh = excluded.supply_mwh, heat_gj = excluded.heat_gj, heat_ratio ="
                            + " excluded.heat_ratio, load_factor = excluded.load_factor, verified_t = excluded.verified_t,"
                            + " recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
                    y.unitId(),
                    y.year(),
                    y.supplyMwh(),
                    y.heatGj(),
                    y.heatRatio(),
                    y.loadFactor(),
                    y.verifiedT(),
                    actor,
                    Timestamp.from(at))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "ets_unit_year.put",
                    "ets_unit_year",
                    y.unitId() + "/" + y.year(),
                    before.map(AuditLog::json).orElse(null),
                    AuditLog.json(y.supplyMwh() + "|" + y.heatGj() + "|" + y.heatRatio() + "|" + y.loadFactor() + "|"
                            + (y.verifiedT() == null ? "" : y.verifiedT())));
            return null;
        });
    }

    // ---- lines of the sectors covered from 2024

    /** A covered line (生产线、工序) of a cement, steel or aluminium enterprise. */
    public record IndustryLine(
            String lineId,
            String enterprise,
            dev.peakline.markets.IndustryAllocation.Sector sector,
            String name,
            boolean atVerified) {}

    /** A line's year: its output (t of product) and verified emissions. */
    public record LineYear(String lineId, int year, Double outputT, Double verifiedT) {}

    /** Registers a line (or changes it), audited; false when the id is another enterprise's line or a power unit's. */
    public boolean registerLine(String actor, IndustryLine l) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            Optional<String> owner =
                    Tx.one(c, "select enterprise from ets_line where line_id = ?", rs -> rs.getString(1), l.lineId());
            boolean unit = Tx.one(c, "select 1 from ets_unit where unit_id = ?", rs -> 1, l.lineId())
                    .isPresent();
            if (unit || (owner.isPresent() && !owner.get().equals(l.enterprise()))) {
                return false;
            }
            try (var ps = Tx.prepare(
                    c,
                    "insert into ets_line (line_id, enterprise, sector, name, at_verified, registered_by, registered_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?) on conflict (line_id) do update set sector = excluded.sector,"
                            + " name = excluded.name, at_verified = excluded.at_verified",
                    l.lineId(),
                    l.enterprise(),
                    l.sector().code(),
                    l.name(),
                    l.atVerified(),
                    actor,
                    Timestamp.from(at))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    owner.isPresent() ? "ets_line.update" : "ets_line.register",
                    "ets_line",
                    l.lineId(),
                    null,
                    AuditLog.object(
                            "enterprise", l.enterprise(), "sector", l.sector().code(), "atVerified", l.atVerified()));
            return true;
        });
    }

    /** The lines of some enterprises, by id. */
    public List<IndustryLine> lines(List<String> enterprises) {
        return Tx.run(db, c -> lines(c, enterprises));
    }

    private static List<IndustryLine> lines(Connection c, List<String> enterprises) throws SQLException {
        return Tx.list(
                c,
                "select line_id, enterprise, sector, name, at_verified from ets_line where enterprise = any (?)"
                        + " order by line_id",
                rs -> new IndustryLine(
                        rs.getString(1),
                        rs.getString(2),
                        dev.peakline.markets.IndustryAllocation.Sector.parse(rs.getString(3))
                                .orElseThrow(),
                        rs.getString(4),
                        rs.getBoolean(5)),
                (Object) enterprises.toArray(String[]::new));
    }

    /** One line. */
    public Optional<IndustryLine> line(String lineId) {
        return Tx.run(db, c -> {
            Optional<String> owner =
                    Tx.one(c, "select enterprise from ets_line where line_id = ?", rs -> rs.getString(1), lineId);
            if (owner.isEmpty()) {
                return Optional.<IndustryLine>empty();
            }
            return lines(c, List.of(owner.get())).stream()
                    .filter(l -> l.lineId().equals(lineId))
                    .findFirst();
        });
    }

    /** The lines' years. */
    public List<LineYear> lineYears(List<String> lineIds, int year) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select line_id, year, output_t, verified_t from ets_line_year where line_id = any (?) and year"
                                + " = ? order by line_id",
                        rs -> new LineYear(
                                rs.getString(1),
                                rs.getInt(2),
                                rs.getObject(3) == null ? null : rs.getDouble(3),
                                rs.getObject(4) == null ? null : rs.getDouble(4)),
                        (Object) lineIds.toArray(String[]::new),
                        year));
    }

    /** Records (or corrects) a line's year, audited with the year before and after. */
    public void putLineYear(String actor, LineYear y) {
        Instant at = clock.instant();
        Tx.run(db, c -> {
            Optional<String> before = Tx.one(
                    c,
                    "select coalesce(output_t::text, '') || '|' || coalesce(verified_t::text, '') from ets_line_year"
                            + " where line_id = ? and year = ?",
                    rs -> rs.getString(1),
                    y.lineId(),
                    y.year());
            try (var ps = Tx.prepare(
                    c,
                    "insert into ets_line_year (line_id, year, output_t, verified_t, recorded_by, recorded_at) values (?,"
                            + " ?, ?, ?, ?, ?) on conflict (line_id, year) do update set output_t = excluded.output_t,"
                            + " verified_t = excluded.verified_t, recorded_by = excluded.recorded_by, recorded_at ="
                            + " excluded.recorded_at",
                    y.lineId(),
                    y.year(),
                    y.outputT(),
                    y.verifiedT(),
                    actor,
                    Timestamp.from(at))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "ets_line_year.put",
                    "ets_line_year",
                    y.lineId() + "/" + y.year(),
                    before.map(AuditLog::json).orElse(null),
                    AuditLog.json((y.outputT() == null ? "" : y.outputT()) + "|"
                            + (y.verifiedT() == null ? "" : y.verifiedT())));
            return null;
        });
    }

    // ---- allocation runs

    /** A run's line: a unit's allocation and, at the true-up, what is booked beyond the pre-allocation. */
    public record Line(
            String unitId,
            String enterprise,
            double electricityT,
            double heatT,
            long allocationT,
            long bookedT,
            Double verifiedT,
            Long dueT,
            String explanation) {}

    public record Run(
            long id,
            String region,
            int year,
            String stage,
            String status,
            String createdBy,
            Instant createdAt,
            String issuedBy,
            Instant issuedAt,
            List<Line> lines) {}

    /** Stores a previewed run with its lines; its id. */
    public long preview(String actor, String region, int year, String stage, List<Line> lines) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            long id = Tx.insert(
                    c,
                    "insert into allocation_run (region, year, stage, status, created_by, created_at) values (?, ?, ?,"
                            + " 'PREVIEW', ?, ?)",
                    region,
                    year,
                    stage,
                    actor,
                    Timestamp.from(at));
            try (var ps = c.prepareStatement("insert into allocation_line (run_id, unit_id, enterprise, electricity_t,"
                    + " heat_t, allocation_t, booked_t, verified_t, due_t, explanation) values (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?)")) {
                for (Line l : lines) {
                    ps.setLong(1, id);
                    ps.setString(2, l.unitId());
                    ps.setString(3, l.enterprise());
                    ps.setDouble(4, l.electricityT());
                    ps.setDouble(5, l.heatT());
                    ps.setLong(6, l.allocationT());
                    ps.setLong(7, l.bookedT());
                    ps.setObject(8, l.verifiedT());
                    ps.setObject(9, l.dueT());
                    ps.setString(10, l.explanation());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            AuditLog.record(
                    c,
                    at,
                    actor,
                    "allocation.preview",
                    "allocation_run",
                    String.valueOf(id),
                    null,
                    AuditLog.object("region", region, "year", year, "stage", stage, "lines", lines.size()));
            return id;
        });
    }

    public Optional<Run> run(long id) {
        return Tx.run(db, c -> run(c, id));
    }

    private static Optional<Run> run(Connection c, long id) throws SQLException {
        List<Line> lines = Tx.list(
                c,
                "select unit_id, enterprise, electricity_t, heat_t, allocation_t, booked_t, verified_t, due_t, explanation"
                        + " from allocation_line where run_id = ? order by enterprise, unit_id",
                MarketRepository::line,
                id);
        return Tx.one(
                c,
                "select id, region, year, stage, status, created_by, created_at, issued_by, issued_at from allocation_run"
                        + " where id = ?",
                rs -> new Run(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        lines),
                id);
    }

    private static Line line(java.sql.ResultSet rs) throws SQLException {
        return new Line(
                rs.getString(1),
                rs.getString(2),
                rs.getDouble(3),
                rs.getDouble(4),
                rs.getLong(5),
                rs.getLong(6),
                rs.getObject(7) == null ? null : rs.getDouble(7),
                rs.getObject(8) == null ? null : rs.getLong(8),
                rs.getString(9));
    }

    /** The runs of a region, newest first, without their lines. */
    public List<Run> runs(String region) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c,
                        "select id, region, year, stage, status, created_by, created_at, issued_by, issued_at from"
                                + " allocation_run where region = ? order by id desc",
                        rs -> new Run(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getTimestamp(7).toInstant(),
                                rs.getString(8),
                                rs.getTimestamp(9) == null
                                        ? null
                                        : rs.getTimestamp(9).toInstant(),
                                List.of()),
                        region));
    }

    /** The lines of every issued run of a year and stage (any region), by unit: each unit is allocated once. */
    public Map<String, Line> issuedLines(int year, String stage) {
        return Tx.run(db, c -> {
            Map<String, Line> out = new java.util.HashMap<>();
            for (Line l : Tx.list(
                    c,
                    "select l.unit_id, l.enterprise, l.electricity_t, l.heat_t, l.allocation_t, l.booked_t, l.verified_t,"
                            + " l.due_t, l.explanation from allocation_line l join allocation_run r on r.id = l.run_id"
                            + " where r.year = ? and r.stage = ? and r.status = 'ISSUED'",
                    MarketRepository::line,
                    year,
                    stage)) {
                out.put(l.unitId(), l);
            }
            return out;
        });
    }

    /**
     * Issues a previewed run: its movements booked through the ledger and the run marked issued, in one transaction;
     * the refused movements (nothing written) or none; null (nothing written) when the run is no longer a preview or
     * one of its units is in another issued run of its year and stage.
     */
    public Booked issue(String actor, long id, List<Booking> bookings, LocalDate day) {
        Instant at = clock.instant();
        return Tx.run(db, c -> {
            int n;
            try (var ps = Tx.prepare(
                    c,
                    "update allocation_run r set status = 'ISSUED', issued_by = ?, issued_at = ? where id = ? and status ="
                            + " 'PREVIEW' and not exists (select 1 from allocation_line l join allocation_line o on"
                            + " o.unit_id = l.unit_id join allocation_run x on x.id = o.run_id where l.run_id = r.id and"
                            + " x.year = r.year and x.stage = r.stage and x.status = 'ISSUED')",
                    actor,
                    Timestamp.from(at),
                    id)) {
                n = ps.executeUpdate();
            }
            if (n == 0) {
                return null;
            }
            return book(c, actor, "allocation.issue", bookings, at);
        });
    }
}
