package dev.peakline.markets;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry's ledger of instruments: every movement booked as two entries of one quantity, so that for each
 * instrument and vintage the sum over all accounts, the registry's own included, stays zero. Units are created from
 * {@link #ISSUED} (issue, allocate), leave through {@link #SURRENDERED}, {@link #RETIRED}, {@link #CANCELLED} or {@link
 * #EXPIRED}, and move between holders by transfer legs that balance within the day. No holder's balance goes below
 * zero, and a serial number is held by one account at a time and issued once. The ledger also keeps the allowance
 * obligations and what was surrendered toward them, with the offset cap.
 *
 * <p>A day's movements are booked in this order, each kind in the order given: obligations, issues and allocations,
 * transfers out, transfers in, then surrenders, retirements, cancellations and expiries — what an account receives on
 * a day it may surrender on that day. A movement that breaks a rule is refused whole with the reason, and books nothing.
 */
public final class InstrumentLedger {
    /** The registry's contra account that units are created from: its balance is minus what is outstanding. */
    public static final String ISSUED = "@issued";

    public static final String SURRENDERED = "@surrendered";
    public static final String RETIRED = "@retired";
    public static final String CANCELLED = "@cancelled";
    public static final String EXPIRED = "@expired";
    /** Where a day's transfer legs meet: empty at the end of every day. */
    public static final String TRANSIT = "@transit";

    /**
     * The offset cap: CCER may settle at most 5 % of the allowances to be surrendered (《碳排放权交易管理办法（试行）》，生态环境部令第19号，
     * 第二十九条；UNCONFIRMED in this session: recalled, not checked against the text).
     */
    public static final double OFFSET_CAP = 0.05;

    /** Largest quantity of one movement (units): beyond it a figure is a typing error, not a holding. */
    public static final double MAX_QUANTITY = 1e10;

    /** The kinds of movement, with their Chinese names. */
    public enum Kind {
        OBLIGATION("obligation", "应清缴"),
        ISSUE("issue", "签发"),
        ALLOCATE("allocate", "分配"),
        TRANSFER("transfer", "转让"),
        SURRENDER("surrender", "清缴"),
        RETIRE("retire", "注销（自愿）"),
        CANCEL("cancel", "核减"),
        EXPIRE("expire", "过期");

        private final String code;
        private final String chinese;

        Kind(String code, String chinese) {
            this.code = code;
            this.chinese = chinese;
        }

        public String code() {
            return code;
        }

        public String chinese() {
            return chinese;
        }

        public static Optional<Kind> parse(String text) {
            String t = text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT);
            for (Kind k : values()) {
                if (t.equals(k.code) || t.equals(k.chinese) || (k == RETIRE && t.equals("注销"))) {
                    return Optional.of(k);
                }
            }
            return Optional.empty();
        }

        /** The registry account units go to when they leave circulation this way. */
        String sink() {
            return switch (this) {
                case SURRENDER -> SURRENDERED;
                case RETIRE -> RETIRED;
                case CANCEL -> CANCELLED;
                case EXPIRE -> EXPIRED;
                default -> throw new IllegalStateException(code + " takes nothing out of circulation");
            };
        }

        int order() {
            return switch (this) {
                case OBLIGATION -> 0;
                case ISSUE, ALLOCATE -> 1;
                case TRANSFER -> 2;
                default -> 4;
            };
        }
    }

    /**
     * One movement as filed: on {@code date}, to or from {@code account}; quantity positive except for a transfer's
     * outgoing leg; serials 0 when the instrument has none, else the inclusive range, whose length is the quantity.
     * {@code row} says where it came from (a file's line, a form's number).
     */
    public record Movement(
            LocalDate date,
            String account,
            Instrument instrument,
            int vintage,
            Kind kind,
            double quantity,
            long serialFrom,
            long serialTo,
            int row) {
        public boolean serials() {
            return serialFrom > 0;
        }

        /** For a transfer: whether this is the incoming leg. */
        public boolean incoming() {
            return quantity > 0;
        }

        int order() {
            return kind == Kind.TRANSFER && incoming() ? 3 : kind.order();
        }
    }

    /** A movement refused, and why. */
    public record Refused(Movement movement, String code, String reason) {}

    /** An instrument's vintage. */
    public record Lot(Instrument instrument, int vintage) {}

    /** A holding: an account's balance of one instrument's vintage. */
    public record Holding(String account, Instrument instrument, int vintage, double balance) {}

    /** An allowance obligation and what has gone toward it. */
    public static final class Obligation {
        private final String account;
        private final Instrument instrument;
        private final int year;
        private final double due;
        private double allowances;
        private double offsets;

        Obligation(String account, Instrument instrument, int year, double due) {
            this.account = account;
            this.instrument = instrument;
            this.year = year;
            this.due = due;
        }

        public String account() {
            return account;
        }

        public Instrument instrument() {
            return instrument;
        }

        public int year() {
            return year;
        }

        public double due() {
            return due;
        }

        /** Allowances surrendered toward it. */
        public double allowances() {
            return allowances;
        }

        /** Offsets (CCER, provincial credits) surrendered toward it. */
        public double offsets() {
            return offsets;
        }

        /** What is still to surrender (never below zero). */
        public double remaining() {
            return Math.max(0, due - allowances - offsets);
        }

        /** The offsets it may still take under the cap. */
        public double offsetRoom() {
            return Math.max(0, Math.min(OFFSET_CAP * due - offsets, remaining()));
        }
    }

    private final Map<String, Map<Lot, Double>> balances = new LinkedHashMap<>();
    /** Per lot: the serial ranges issued, by first serial, with last serial and holder. */
    private final Map<Lot, TreeMap<Long, long[]>> ranges = new HashMap<>();

    private final Map<Lot, List<String>> holders = new HashMap<>();
    private final List<String> accountNames = new ArrayList<>();
    private final Map<String, Integer> accountIds = new HashMap<>();
    /** Per account: its obligations by account|instrument|year, in the order given. */
    private final Map<String, Map<String, Obligation>> obligations = new LinkedHashMap<>();
    /** Per account and lot: allocated less cancelled. */
    private final Map<String, Map<Lot, Double>> allocated = new HashMap<>();
    /** The latest (date, order) booked: a movement that sorts before it is backdated. */
    private LocalDate lastDay = LocalDate.MIN;

    private int lastOrder = -1;
    /** What each account|lot received by transfers' incoming legs on {@link #lastDay}. */
    private final Map<String, Double> receivedToday = new HashMap<>();

    /**
     * A copy with the same state, to book on without changing this one: as the replay of the same movements would be,
     * in time proportional to what is held (accounts, lots, ranges, obligations), not to the history.
     */
    public InstrumentLedger copy() {
        InstrumentLedger c = new InstrumentLedger();
        // the per-account maps and the obligations are shared until either side changes one (copy on write)
        c.balances.putAll(balances);
        c.allocated.putAll(allocated);
        c.obligations.putAll(obligations);
        freeze();
        ranges.forEach((lot, t) -> {
            TreeMap<Long, long[]> x = new TreeMap<>();
            t.forEach((from, v) -> x.put(from, v.clone()));
            c.ranges.put(lot, x);
        });
        holders.forEach((lot, l) -> c.holders.put(lot, new ArrayList<>(l)));
        c.accountNames.addAll(accountNames);
        c.accountIds.putAll(accountIds);
        c.lastDay = lastDay;
        c.lastOrder = lastOrder;
        c.receivedToday.putAll(receivedToday);
        return c;
    }

    /** What this instance may change in place; the rest it shares with its copies and copies before changing. */
    private final java.util.Set<String> ownBalances = new java.util.HashSet<>();

    private final java.util.Set<String> ownAllocated = new java.util.HashSet<>();
    private final java.util.Set<String> ownObligations = new java.util.HashSet<>();

    /**
     * Gives up changing anything in place, so that copies may share all of it: done by {@link #copy()}, and by whoever
     * keeps an instance for others to copy while it is still the only one to hold it.
     */
    public void freeze() {
        if (!ownBalances.isEmpty() || !ownAllocated.isEmpty() || !ownObligations.isEmpty()) {
            ownBalances.clear();
            ownAllocated.clear();
            ownObligations.clear();
        }
    }

    private Map<Lot, Double> balancesOf(String account) {
        Map<Lot, Double> m = balances.get(account);
        if (m == null || !ownBalances.contains(account)) {
            m = m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
            balances.put(account, m);
            ownBalances.add(account);
        }
        return m;
    }

    private Map<Lot, Double> allocatedOf(String account) {
        Map<Lot, Double> m = allocated.get(account);
        if (m == null || !ownAllocated.contains(account)) {
            m = m == null ? new HashMap<>() : new HashMap<>(m);
            allocated.put(account, m);
            ownAllocated.add(account);
        }
        return m;
    }

    /** The account's obligations, this instance's own to change (copied first when shared). */
    private Map<String, Obligation> ownObligations(String account) {
        Map<String, Obligation> m = obligations.get(account);
        if (m == null || !ownObligations.contains(account)) {
            Map<String, Obligation> n = new LinkedHashMap<>();
            if (m != null) {
                m.forEach((k, o) -> {
                    Obligation x = new Obligation(o.account, o.instrument, o.year, o.due);
                    x.allowances = o.allowances;
                    x.offsets = o.offsets;
                    n.put(k, x);
                });
            }
            obligations.put(account, n);
            ownObligations.add(account);
            return n;
        }
        return m;
    }

    /**
     * Whether booking {@code m} now gives what a replay in day order would: it sorts at or after everything booked so
     * far (its date, then its kind's place in the day). A backdated movement must be validated by a replay instead.
     */
    public boolean inOrder(Movement m) {
        int d = m.date().compareTo(lastDay);
        if (d != 0 || m.order() >= lastOrder) {
            return d >= 0;
        }
        // on the last day, before what it already holds: a replay would book it earlier in the day, which changes
        // nothing when it only adds (an issue, an incoming leg) or, for an outgoing leg, when its holder covers it
        // without what it received that day (outgoing legs are booked before incoming ones; serials received that day
        // cannot be told apart, so none may have been); an obligation may change which one a surrender settled
        return switch (m.kind()) {
            case ISSUE, ALLOCATE -> true;
            case TRANSFER -> {
                if (m.incoming()) {
                    yield true;
                }
                double received =
                        receivedToday.getOrDefault(m.account() + "|" + m.instrument() + "|" + m.vintage(), 0.0);
                yield received == 0
                        || (!m.serials()
                                && balance(m.account(), new Lot(m.instrument(), m.vintage())) - received
                                        >= Math.abs(m.quantity()) - 1e-9);
            }
            default -> false;
        };
    }

    private static int compare(LocalDate day, int order, LocalDate lastDay, int lastOrder) {
        int d = day.compareTo(lastDay);
        return d != 0 ? d : Integer.compare(order, lastOrder);
    }

    /** Books movements of many days (sorted by date, then kind as above, then as given); the refused ones, in order. */
    public List<Refused> replay(List<Movement> movements) {
        List<Movement> sorted = new ArrayList<>(movements);
        sorted.sort(Comparator.comparing(Movement::date).thenComparingInt(Movement::order));
        List<Refused> refused = new ArrayList<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j < sorted.size()
                    && sorted.get(j).date().equals(sorted.get(i).date())) {
                j++;
            }
            refused.addAll(day(sorted.subList(i, j)));
            i = j;
        }
        refused.sort(Comparator.comparingInt(r -> r.movement().row()));
        return refused;
    }

    /** Books one day's movements (all of one date, in the day's order); the refused ones. */
    private List<Refused> day(List<Movement> day) {
        List<Refused> refused = new ArrayList<>();
        List<Movement> transfers = new ArrayList<>();
        for (Movement m : day) {
            Optional<String[]> no = book(m);
            if (no.isPresent()) {
                refused.add(new Refused(m, no.get()[0], no.get()[1]));
            } else if (m.kind() == Kind.TRANSFER) {
                transfers.add(m);
            }
        }
        // the legs must meet: what went out of the day's transit came in
        Map<Lot, Double> transit = balances.getOrDefault(TRANSIT, Map.of());
        for (Map.Entry<Lot, Double> e : new ArrayList<>(transit.entrySet())) {
            if (Math.abs(e.getValue()) > 1e-9) {
                double in = 0;
                double out = 0;
                for (Movement m : transfers) {
                    if (new Lot(m.instrument(), m.vintage()).equals(e.getKey())) {
                        if (m.incoming()) {
                            in += m.quantity();
                        } else {
                            out -= m.quantity();
                        }
                    }
                }
                for (Movement m : transfers) {
                    if (new Lot(m.instrument(), m.vintage()).equals(e.getKey())) {
                        refused.add(new Refused(
                                m,
                                "ledger.unbalanced",
                                "the transfers of " + e.getKey().instrument().code() + " "
                                        + e.getKey().vintage()
                                        + " on " + m.date() + " do not balance: " + fmt(out) + " out, " + fmt(in)
                                        + " in"));
                    }
                }
            }
        }
        return refused;
    }

    /**
     * Books one movement, or says why not ({code, reason}); a refused movement changes nothing. A transfer leg moves
     * through {@link #TRANSIT}; the day's legs must balance (checked by {@link #replay}; a caller booking single
     * movements books both legs of a transfer).
     */
    public Optional<String[]> book(Movement m) {
        Optional<String[]> shape = shape(m);
        if (shape.isPresent()) {
            return shape;
        }
        Optional<String[]> done = apply(m);
        if (done.isEmpty()) {
            if (m.date().isAfter(lastDay)) {
                receivedToday.clear();
            }
            if (compare(m.date(), m.order(), lastDay, lastOrder) > 0) {
                lastDay = m.date();
                lastOrder = m.order();
            }
            if (m.kind() == Kind.TRANSFER && m.incoming() && m.date().equals(lastDay)) {
                receivedToday.merge(m.account() + "|" + m.instrument() + "|" + m.vintage(), m.quantity(), Double::sum);
            }
        }
        return done;
    }

    private Optional<String[]> apply(Movement m) {
        Lot lot = new Lot(m.instrument(), m.vintage());
        double q = Math.abs(m.quantity());
        return switch (m.kind()) {
            case OBLIGATION -> obligation(m);
            case ISSUE, ALLOCATE -> create(m, lot, q);
            case TRANSFER ->
                m.incoming()
                        ? move(
                                m,
                                lot,
                                TRANSIT,
                                m.account(),
                                q,
                                "the transfer's incoming leg has no outgoing leg before it")
                        : move(m, lot, m.account(), TRANSIT, q, null);
            case SURRENDER -> surrender(m, lot, q);
            case CANCEL -> {
                Optional<String[]> moved = move(m, lot, m.account(), CANCELLED, q, null);
                if (moved.isEmpty()) {
                    allocatedOf(m.account()).merge(lot, -q, Double::sum);
                }
                yield moved;
            }
            default -> move(m, lot, m.account(), m.kind().sink(), q, null);
        };
    }

    /** Books both legs of a transfer between two holders, or says why not (nothing booked then). */
    public Optional<String[]> transfer(Movement out, String to) {
        Optional<String[]> no = book(out);
        if (no.isPresent()) {
            return no;
        }
        Movement in = new Movement(
                out.date(),
                to,
                out.instrument(),
                out.vintage(),
                Kind.TRANSFER,
                -out.quantity(),
                out.serialFrom(),
                out.serialTo(),
                out.row());
        Optional<String[]> back = book(in);
        if (back.isPresent()) {
            // undo the outgoing leg: its units go back whence they came
            Movement undo = new Movement(
                    out.date(),
                    out.account(),
                    out.instrument(),
                    out.vintage(),
                    Kind.TRANSFER,
                    -out.quantity(),
                    out.serialFrom(),
                    out.serialTo(),
                    out.row());
            book(undo);
        }
        return back;
    }

    private Optional<String[]> shape(Movement m) {
        if (m.account() == null || m.account().isBlank()) {
            return no("ledger.account", "the account is empty");
        }
        if (m.account().startsWith("@")) {
            return no("ledger.account", "'" + m.account() + "' is one of the registry's own accounts");
        }
        if (!Double.isFinite(m.quantity()) || m.quantity() == 0) {
            return no("ledger.quantity", "the quantity must be a number other than zero");
        }
        if (Math.abs(m.quantity()) > MAX_QUANTITY) {
            return no(
                    "ledger.quantity",
                    fmt(m.quantity()) + " is beyond any holding (at most " + fmt(MAX_QUANTITY) + ")");
        }
        if (m.quantity() < 0 && m.kind() != Kind.TRANSFER) {
            return no(
                    "ledger.quantity",
                    "a " + m.kind().code() + " is written as a positive quantity (only a transfer's outgoing leg is"
                            + " negative)");
        }
        int year = m.date().getYear();
        if (m.vintage() < 2005 || m.vintage() > year + 1) {
            return no(
                    "ledger.vintage",
                    "vintage " + m.vintage() + " is out of range for a movement of " + m.date()
                            + ": from 2005 to the year after the movement's (" + (year + 1) + ")");
        }
        if (m.kind() == Kind.OBLIGATION) {
            if (!m.instrument().settles()) {
                return no(
                        "ledger.instrument",
                        "an obligation is of allowances (cea or provincial_cea) or energy-use rights (energy_right)");
            }
            if (m.serials()) {
                return no("ledger.serial", "an obligation has no serial numbers");
            }
            if (m.instrument() != Instrument.ENERGY_RIGHT && m.quantity() != Math.rint(m.quantity())) {
                return no("ledger.quantity", "an obligation is of whole allowances (tCO2): " + fmt(m.quantity()));
            }
            return Optional.empty();
        }
        if (m.instrument().serialised()) {
            if (!m.serials()) {
                return no(
                        "ledger.serial",
                        m.instrument().code() + " units carry serial numbers: give serial_from and" + " serial_to");
            }
            if (m.serialTo() < m.serialFrom()) {
                return no("ledger.serial", "serial_to " + m.serialTo() + " is before serial_from " + m.serialFrom());
            }
            double n = (double) m.serialTo() - m.serialFrom() + 1;
            if (n != Math.abs(m.quantity())) {
                return no(
                        "ledger.serial",
                        "serials " + m.serialFrom() + "–" + m.serialTo() + " are " + fmt(n) + " units, the quantity "
                                + fmt(Math.abs(m.quantity())));
            }
        } else {
            if (m.serials() || m.serialTo() > 0) {
                return no(
                        "ledger.serial",
                        m.instrument().code() + " units have no serial numbers: leave serial_from"
                                + " and serial_to empty");
            }
            boolean allowance = m.instrument() == Instrument.CEA || m.instrument() == Instrument.PROVINCIAL_CEA;
            if (allowance && m.quantity() != Math.rint(m.quantity())) {
                return no(
                        "ledger.quantity",
                        m.instrument().code() + " is held in whole units ("
                                + m.instrument().unit() + "): " + fmt(m.quantity()));
            }
            if (!allowance && Math.abs(m.quantity() * 1000 - Math.rint(m.quantity() * 1000)) > 1e-6) {
                return no(
                        "ledger.quantity",
                        m.instrument().code() + " is held to 0.001 "
                                + m.instrument().unit() + ": " + m.quantity());
            }
        }
        return Optional.empty();
    }

    private Optional<String[]> obligation(Movement m) {
        String key = m.account() + "|" + m.instrument() + "|" + m.vintage();
        if (obligations.getOrDefault(m.account(), Map.of()).containsKey(key)) {
            return no(
                    "ledger.duplicate", "the obligation of " + m.account() + " for " + m.vintage() + " is given twice");
        }
        ownObligations(m.account()).put(key, new Obligation(m.account(), m.instrument(), m.vintage(), m.quantity()));
        return Optional.empty();
    }

    private Optional<String[]> create(Movement m, Lot lot, double q) {
        if (m.serials()) {
            Optional<String[]> clash = issued(lot, m.serialFrom(), m.serialTo());
            if (clash.isPresent()) {
                return clash;
            }
            ranges.computeIfAbsent(lot, k -> new TreeMap<>())
                    .put(m.serialFrom(), new long[] {m.serialTo(), id(m.account())});
        }
        post(ISSUED, lot, -q);
        post(m.account(), lot, q);
        if (m.kind() == Kind.ALLOCATE) {
            allocatedOf(m.account()).merge(lot, q, Double::sum);
        }
        return Optional.empty();
    }

    private Optional<String[]> surrender(Movement m, Lot lot, double q) {
        if (!m.instrument().carbon() && m.instrument() != Instrument.ENERGY_RIGHT) {
            return no("ledger.instrument", m.instrument().code() + " does not settle an obligation");
        }
        Instrument against = m.instrument() == Instrument.ENERGY_RIGHT
                ? Instrument.ENERGY_RIGHT
                : m.instrument() == Instrument.PROVINCIAL_CREDIT || m.instrument() == Instrument.PROVINCIAL_CEA
                        ? Instrument.PROVINCIAL_CEA
                        : Instrument.CEA;
        Obligation open = null;
        String openKey = null;
        for (Map.Entry<String, Obligation> e :
                obligations.getOrDefault(m.account(), Map.of()).entrySet()) {
            Obligation o = e.getValue();
            if (o.account.equals(m.account())
                    && o.instrument == against
                    && o.remaining() > 1e-9
                    && (m.instrument().offset() || m.vintage() <= o.year)
                    && (open == null || o.year < open.year)) {
                open = o;
                openKey = e.getKey();
            }
        }
        if (open == null) {
            return no(
                    "ledger.no_obligation",
                    m.account() + " has no open " + against.code() + " obligation"
                            + (m.instrument().offset() ? "" : " of " + m.vintage() + " or later")
                            + " that this surrender could settle");
        }
        if (q > open.remaining() + 1e-9) {
            return no(
                    "ledger.over_surrender",
                    "surrenders " + fmt(q) + " but " + fmt(open.remaining()) + " of " + open.year + " is still due");
        }
        if (m.instrument().offset() && q > open.offsetRoom() + 1e-9) {
            return no(
                    "ledger.offset_cap",
                    "offsets may settle at most " + fmt(OFFSET_CAP * 100) + " % of the " + fmt(open.due) + " due for "
                            + open.year + " (" + fmt(OFFSET_CAP * open.due) + "); " + fmt(open.offsets)
                            + " already surrendered, so at most " + fmt(open.offsetRoom()) + " more, not " + fmt(q));
        }
        Optional<String[]> moved = move(m, lot, m.account(), SURRENDERED, q, null);
        if (moved.isEmpty()) {
            open = ownObligations(m.account()).get(openKey);
            if (m.instrument().offset()) {
                open.offsets += q;
            } else {
                open.allowances += q;
            }
        }
        return moved;
    }

    /** Moves q of the lot from one account to another, the serial range with it, or says why not. */
    private Optional<String[]> move(Movement m, Lot lot, String from, String to, double q, String noSource) {
        if (m.serials() && !from.equals(TRANSIT)) {
            // who holds the serials says more than a balance
            Optional<String[]> held = holds(lot, from, m.serialFrom(), m.serialTo());
            if (held.isPresent()) {
                return held;
            }
        }
        if (!from.startsWith("@") || from.equals(TRANSIT)) {
            double have = balance(from, lot);
            if (have + 1e-9 < q && !(from.equals(TRANSIT) && noSource == null)) {
                return from.equals(TRANSIT)
                        ? no(
                                "ledger.unbalanced",
                                noSource + " (" + fmt(q) + " of "
                                        + lot.instrument().code() + " " + lot.vintage() + " not sent on " + m.date()
                                        + ")")
                        : no(
                                "ledger.overdraft",
                                from + " holds " + fmt(have) + " of "
                                        + lot.instrument().code() + " " + lot.vintage() + " and cannot give " + fmt(q));
            }
        }
        if (m.serials()) {
            Optional<String[]> held = holds(lot, from, m.serialFrom(), m.serialTo());
            if (held.isPresent()) {
                return held;
            }
            reassign(lot, m.serialFrom(), m.serialTo(), id(to));
        }
        post(from, lot, -q);
        post(to, lot, q);
        return Optional.empty();
    }

    /** Whether any serial of [from, to] was issued before in the lot's instrument (any vintage). */
    private Optional<String[]> issued(Lot lot, long from, long to) {
        for (Map.Entry<Lot, TreeMap<Long, long[]>> e : ranges.entrySet()) {
            if (e.getKey().instrument() != lot.instrument()) {
                continue;
            }
            Map.Entry<Long, long[]> below = e.getValue().floorEntry(to);
            if (below != null && below.getValue()[0] >= from) {
                return no(
                        "ledger.serial_twice",
                        "serials " + from + "–" + to + " overlap " + below.getKey() + "–" + below.getValue()[0]
                                + ", issued before");
            }
        }
        return Optional.empty();
    }

    /** Whether the account holds every serial of [from, to] in the lot. */
    private Optional<String[]> holds(Lot lot, String account, long from, long to) {
        TreeMap<Long, long[]> r = ranges.getOrDefault(lot, new TreeMap<>());
        long at = from;
        int who = id(account);
        while (at <= to) {
            Map.Entry<Long, long[]> e = r.floorEntry(at);
            if (e == null || e.getValue()[0] < at) {
                return no(
                        "ledger.serial_unknown",
                        "serial " + at + " of " + lot.instrument().code() + " " + lot.vintage() + " was never issued");
            }
            if (e.getValue()[1] != who) {
                return no(
                        "ledger.serial_held",
                        "serial " + at + " of " + lot.instrument().code() + " " + lot.vintage() + " is held by "
                                + accountNames.get((int) e.getValue()[1]) + ", not " + account);
            }
            at = e.getValue()[0] + 1;
        }
        return Optional.empty();
    }

    /** Gives [from, to] (held whole by one account, checked) to another, splitting the ranges it lies in. */
    private void reassign(Lot lot, long from, long to, long holder) {
        TreeMap<Long, long[]> r = ranges.get(lot);
        long at = from;
        while (at <= to) {
            Map.Entry<Long, long[]> e = r.floorEntry(at);
            long start = e.getKey();
            long end = e.getValue()[0];
            long was = e.getValue()[1];
            r.remove(start);
            if (start < at) {
                r.put(start, new long[] {at - 1, was});
            }
            long stop = Math.min(end, to);
            r.put(at, new long[] {stop, holder});
            if (end > stop) {
                r.put(stop + 1, new long[] {end, was});
            }
            at = stop + 1;
        }
        // neighbours of one holder merge back into one range
        Map.Entry<Long, long[]> e = r.lowerEntry(from) != null ? r.lowerEntry(from) : r.floorEntry(from);
        while (e != null) {
            Map.Entry<Long, long[]> next = r.higherEntry(e.getKey());
            if (next != null && next.getKey() == e.getValue()[0] + 1 && next.getValue()[1] == e.getValue()[1]) {
                e.getValue()[0] = next.getValue()[0];
                r.remove(next.getKey());
                continue;
            }
            if (e.getKey() > to) {
                break;
            }
            e = next;
        }
    }

    private int id(String account) {
        return accountIds.computeIfAbsent(account, a -> {
            accountNames.add(a);
            return accountNames.size() - 1;
        });
    }

    private void post(String account, Lot lot, double q) {
        balancesOf(account).merge(lot, q, Double::sum);
        id(account);
    }

    /** What was allocated to the account of the lot, less what was cancelled from it (a true-up's deduction). */
    public double allocated(String account, Lot lot) {
        return allocated.getOrDefault(account, Map.of()).getOrDefault(lot, 0.0);
    }

    /** The account's balances by lot (empty when it never held anything). */
    public Map<Lot, Double> balances(String account) {
        return java.util.Collections.unmodifiableMap(balances.getOrDefault(account, Map.of()));
    }

    /** The account's balance of the lot. */
    public double balance(String account, Lot lot) {
        return balances.getOrDefault(account, Map.of()).getOrDefault(lot, 0.0);
    }

    /** Every account's balance of every lot it ever held, the registry's own accounts included, in booking order. */
    public List<Holding> holdings() {
        List<Holding> out = new ArrayList<>();
        balances.forEach(
                (a, lots) -> lots.forEach((lot, b) -> out.add(new Holding(a, lot.instrument(), lot.vintage(), b))));
        return out;
    }

    /** The obligations, account by account (each account's in the order given). */
    public List<Obligation> obligations() {
        List<Obligation> out = new ArrayList<>();
        obligations.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /** The serial ranges of the lot with their holders: {from, to} → holder. */
    public List<Map.Entry<long[], String>> serials(Lot lot) {
        List<Map.Entry<long[], String>> out = new ArrayList<>();
        ranges.getOrDefault(lot, new TreeMap<>())
                .forEach((from, v) -> out.add(Map.entry(new long[] {from, v[0]}, accountNames.get((int) v[1]))));
        return out;
    }

    /** The lots any serial range was issued in. */
    public java.util.Set<Lot> serialLots() {
        return ranges.keySet();
    }

    private static Optional<String[]> no(String code, String reason) {
        return Optional.of(new String[] {code, reason});
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        }
        return String.format(java.util.Locale.ROOT, "%,.3f", v);
    }
}
