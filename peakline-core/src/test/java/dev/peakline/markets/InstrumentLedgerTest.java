package dev.peakline.markets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Lot;
import dev.peakline.markets.InstrumentLedger.Movement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstrumentLedgerTest {
    private static final LocalDate D = LocalDate.of(2023, 3, 1);
    private int row;

    private Movement m(LocalDate d, String acct, Instrument i, int vintage, Kind k, double q, long from, long to) {
        return new Movement(d, acct, i, vintage, k, q, from, to, ++row);
    }

    private Movement m(String acct, Instrument i, int vintage, Kind k, double q) {
        return m(D, acct, i, vintage, k, q, 0, 0);
    }

    @Test
    void allocationTransferAndSurrenderConserveTheTotal() {
        InstrumentLedger l = new InstrumentLedger();
        List<InstrumentLedger.Refused> refused = l.replay(List.of(
                m("A", Instrument.CEA, 2021, Kind.ALLOCATE, 1_000),
                m("B", Instrument.CEA, 2021, Kind.ALLOCATE, 500),
                m("A", Instrument.CEA, 2021, Kind.TRANSFER, -300),
                m("B", Instrument.CEA, 2021, Kind.TRANSFER, 300),
                m("B", Instrument.CEA, 2021, Kind.OBLIGATION, 800),
                m("B", Instrument.CEA, 2021, Kind.SURRENDER, 800)));
        assertThat(refused).isEmpty();
        Lot lot = new Lot(Instrument.CEA, 2021);
        // A 1,000 − 300 = 700; B 500 + 300 − 800 = 0; issued −1,500; surrendered 800: sum 0
        assertThat(l.balance("A", lot)).isEqualTo(700);
        assertThat(l.balance("B", lot)).isEqualTo(0);
        assertThat(l.balance(InstrumentLedger.ISSUED, lot)).isEqualTo(-1_500);
        assertThat(l.balance(InstrumentLedger.SURRENDERED, lot)).isEqualTo(800);
        assertThat(l.balance(InstrumentLedger.TRANSIT, lot)).isEqualTo(0);
        assertThat(l.obligations().get(0).remaining()).isZero();
    }

    @Test
    void anOverdraftADoubleSerialAndAnUnbalancedTransferAreRefusedByRow() {
        InstrumentLedger l = new InstrumentLedger();
        List<InstrumentLedger.Refused> refused = l.replay(List.of(
                m("A", Instrument.CEA, 2021, Kind.ALLOCATE, 100),
                m("A", Instrument.CEA, 2021, Kind.RETIRE, 101), // row 2: overdraft
                m(D, "A", Instrument.CCER, 2020, Kind.ISSUE, 10, 1, 10),
                m(D, "B", Instrument.CCER, 2021, Kind.ISSUE, 5, 8, 12), // row 4: serials 8–10 issued before
                m(D, "B", Instrument.CCER, 2020, Kind.RETIRE, 2, 1, 2), // row 5: held by A
                m(D.plusDays(1), "A", Instrument.CEA, 2021, Kind.TRANSFER, -50, 0, 0), // rows 6, 7: 50 out, 40 in
                m(D.plusDays(1), "B", Instrument.CEA, 2021, Kind.TRANSFER, 40, 0, 0),
                m(D, "A", Instrument.CEA, 2030, Kind.ALLOCATE, 10, 0, 0), // row 8: vintage after 2024
                m(D, "A", Instrument.CEA, 2021, Kind.ALLOCATE, -10, 0, 0), // row 9: negative
                m(D, "A", Instrument.CCER, 2020, Kind.ISSUE, 3, 20, 21))); // row 10: 2 serials for 3
        assertThat(refused)
                .extracting(r -> r.movement().row() + " " + r.code())
                .containsExactly(
                        "2 ledger.overdraft",
                        "4 ledger.serial_twice",
                        "5 ledger.serial_held",
                        "6 ledger.unbalanced",
                        "7 ledger.unbalanced",
                        "8 ledger.vintage",
                        "9 ledger.quantity",
                        "10 ledger.serial");
        assertThat(refused.get(0).reason()).isEqualTo("A holds 100 of cea 2021 and cannot give 101");
        assertThat(refused.get(3).reason()).contains("50 out, 40 in");
    }

    @Test
    void offsetsSettleAtMostFivePercentAndNoAllowanceIsBorrowedFromALaterYear() {
        InstrumentLedger l = new InstrumentLedger();
        LocalDate d = LocalDate.of(2024, 6, 1);
        List<InstrumentLedger.Refused> refused = l.replay(List.of(
                m(d, "A", Instrument.CEA, 2023, Kind.OBLIGATION, 10_000, 0, 0),
                m(d, "A", Instrument.CCER, 2022, Kind.ISSUE, 600, 1, 600),
                m(d, "A", Instrument.CEA, 2024, Kind.ALLOCATE, 20_000, 0, 0),
                // 5 % of 10,000 = 500: 501 is one too many (row 4), 500 fits (row 5)
                m(d, "A", Instrument.CCER, 2022, Kind.SURRENDER, 501, 1, 501),
                m(d, "A", Instrument.CCER, 2022, Kind.SURRENDER, 500, 1, 500),
                // the 2024 allowances cannot settle 2023 (row 6)
                m(d, "A", Instrument.CEA, 2024, Kind.SURRENDER, 9_500, 0, 0)));
        assertThat(refused)
                .extracting(r -> r.movement().row() + " " + r.code())
                .containsExactly("4 ledger.offset_cap", "6 ledger.no_obligation");
        assertThat(refused.get(0).reason()).contains("at most 500 more, not 501");
        InstrumentLedger.Obligation o = l.obligations().get(0);
        assertThat(o.offsets()).isEqualTo(500);
        assertThat(o.remaining()).isEqualTo(9_500);
        // the standing: 9,500 still due, no 2023 allowances held → short by 9,500, overdue after 2024-12-31
        var s = Compliance.standings(l, d, Compliance::defaultDeadline).get(0);
        assertThat(s.shortfall()).isEqualTo(9_500);
        assertThat(s.status()).isEqualTo(Compliance.Status.SHORT);
        assertThat(Compliance.standings(l, LocalDate.of(2025, 1, 1), Compliance::defaultDeadline)
                        .get(0)
                        .status())
                .isEqualTo(Compliance.Status.OVERDUE);
    }

    @Test
    void holdingsGoToTheOldestObligationFirstAndAreNeverCountedTwice() {
        // A owes 700 for 2021 and 600 for 2022, holds 1,000 of 2021 and 200 of 2022: 2021 takes 700 of 2021; 2022
        // takes the other 300 of 2021 and the 200 of 2022 and is 100 short; nothing to sell
        InstrumentLedger l = new InstrumentLedger();
        assertThat(l.replay(List.of(
                        m(D, "A", Instrument.CEA, 2021, Kind.OBLIGATION, 700, 0, 0),
                        m(D, "A", Instrument.CEA, 2022, Kind.OBLIGATION, 600, 0, 0),
                        m(D, "A", Instrument.CEA, 2021, Kind.ALLOCATE, 1_000, 0, 0),
                        m(D, "A", Instrument.CEA, 2022, Kind.ALLOCATE, 200, 0, 0))))
                .isEmpty();
        // the 2021–2022 cycle's deadline: the end of 2023
        List<Compliance.Standing> s = Compliance.standings(l, D, o -> LocalDate.of(2023, 12, 31));
        assertThat(s.get(0).status()).isEqualTo(Compliance.Status.SURPLUS);
        assertThat(s.get(0).heldAllowances()).isEqualTo(700);
        assertThat(s.get(1).heldAllowances()).isEqualTo(500);
        assertThat(s.get(1).shortfall()).isEqualTo(100);
        assertThat(s.get(1).status()).isEqualTo(Compliance.Status.SHORT);
        assertThat(s.get(1).excess()).isZero();
    }

    @Test
    void serialRangesSplitAndMergeAsTheyMove() {
        InstrumentLedger l = new InstrumentLedger();
        LocalDate d = LocalDate.of(2024, 1, 10);
        assertThat(l.replay(List.of(
                        m(d, "P", Instrument.GEC, 2023, Kind.ISSUE, 100, 1001, 1100),
                        m(d, "P", Instrument.GEC, 2023, Kind.TRANSFER, -30, 1031, 1060),
                        m(d, "E", Instrument.GEC, 2023, Kind.TRANSFER, 30, 1031, 1060),
                        m(d.plusDays(1), "E", Instrument.GEC, 2023, Kind.TRANSFER, -30, 1031, 1060),
                        m(d.plusDays(1), "P", Instrument.GEC, 2023, Kind.TRANSFER, 30, 1031, 1060),
                        m(d.plusDays(2), "P", Instrument.GEC, 2023, Kind.RETIRE, 10, 1091, 1100))))
                .isEmpty();
        // back with P: one range 1001–1090 for P, 1091–1100 retired
        assertThat(l.serials(new Lot(Instrument.GEC, 2023)))
                .extracting(e -> e.getKey()[0] + "-" + e.getKey()[1] + " " + e.getValue())
                .containsExactly("1001-1090 P", "1091-1100 @retired");
    }

    @Test
    void randomMovementsConserveTotalsKeepBalancesAboveZeroAndSerialsUnique() {
        Random r = new Random(20_231_101L);
        String[] accounts = {"A", "B", "C", "D", "E"};
        for (int run = 0; run < 200; run++) {
            InstrumentLedger l = new InstrumentLedger();
            List<Movement> ms = new ArrayList<>();
            long nextSerial = 1;
            Map<String, Integer> mine = new HashMap<>();
            for (int i = 0; i < 60; i++) {
                LocalDate d = D.plusDays(r.nextInt(20));
                Instrument inst = r.nextBoolean() ? Instrument.CEA : Instrument.CCER;
                int vintage = 2020 + r.nextInt(3);
                String a = accounts[r.nextInt(accounts.length)];
                String b = accounts[r.nextInt(accounts.length)];
                long q = 1 + r.nextInt(200);
                boolean serial = inst.serialised();
                long from = serial ? (r.nextInt(4) == 0 ? 1 + r.nextInt((int) nextSerial) : nextSerial) : 0;
                long to = serial ? from + q - 1 : 0;
                switch (r.nextInt(4)) {
                    case 0 -> {
                        ms.add(m(d, a, inst, vintage, Kind.ISSUE, q, from, to));
                        nextSerial = Math.max(nextSerial, to + 1);
                    }
                    case 1, 2 -> {
                        ms.add(m(d, a, inst, vintage, Kind.TRANSFER, -q, from, to));
                        ms.add(m(d, b, inst, vintage, Kind.TRANSFER, q, from, to));
                    }
                    default -> ms.add(m(d, a, inst, vintage, Kind.RETIRE, q, from, to));
                }
                mine.merge(a, 1, Integer::sum);
            }
            l.replay(ms);
            Map<Lot, Double> sum = new HashMap<>();
            for (InstrumentLedger.Holding h : l.holdings()) {
                sum.merge(new Lot(h.instrument(), h.vintage()), h.balance(), Double::sum);
                if (!h.account().startsWith("@")) {
                    assertThat(h.balance()).as("balance of %s", h.account()).isGreaterThanOrEqualTo(0);
                }
            }
            sum.values().forEach(v -> assertThat(v).isZero());
            for (Lot lot : l.serialLots()) {
                long last = 0;
                double held = 0;
                for (var e : l.serials(lot)) {
                    assertThat(e.getKey()[0]).isGreaterThan(last);
                    last = e.getKey()[1];
                    if (!e.getValue().startsWith("@")) {
                        held += e.getKey()[1] - e.getKey()[0] + 1;
                    }
                }
                // the serials held match the balances held
                double balances = l.holdings().stream()
                        .filter(h -> new Lot(h.instrument(), h.vintage()).equals(lot)
                                && !h.account().startsWith("@"))
                        .mapToDouble(InstrumentLedger.Holding::balance)
                        .sum();
                assertThat(held).isEqualTo(balances);
            }
        }
    }

    private static String state(InstrumentLedger l) {
        StringBuilder b = new StringBuilder();
        l.holdings().stream()
                .map(h -> h.account() + "|" + h.instrument() + "|" + h.vintage() + "=" + h.balance())
                .sorted()
                .forEach(x -> b.append(x).append('\n'));
        for (Lot lot : new java.util.TreeSet<>(
                        l.serialLots().stream().map(Lot::toString).toList())
                .stream()
                        .map(x -> l.serialLots().stream()
                                .filter(y -> y.toString().equals(x))
                                .findFirst()
                                .orElseThrow())
                        .toList()) {
            l.serials(lot)
                    .forEach(e -> b.append(lot)
                            .append(' ')
                            .append(e.getKey()[0])
                            .append('-')
                            .append(e.getKey()[1])
                            .append(' ')
                            .append(e.getValue())
                            .append('\n'));
        }
        l.obligations()
                .forEach(o -> b.append(o.account())
                        .append(o.year())
                        .append(' ')
                        .append(o.remaining())
                        .append('\n'));
        return b.toString();
    }

    @Test
    void aCopyBookedOnFromWhereTheHistoryStoppedEqualsTheWholeReplayAndLeavesTheOriginalAlone() {
        Random r = new Random(7L);
        String[] accounts = {"A", "B", "C"};
        for (int run = 0; run < 100; run++) {
            List<Movement> ms = new ArrayList<>();
            long serial = 1;
            for (int i = 0; i < 40; i++) {
                LocalDate d = D.plusDays(r.nextInt(10));
                String a = accounts[r.nextInt(3)];
                String b = accounts[r.nextInt(3)];
                long q = 1 + r.nextInt(100);
                switch (r.nextInt(5)) {
                    case 0 -> {
                        ms.add(m(d, a, Instrument.CCER, 2022, Kind.ISSUE, q, serial, serial + q - 1));
                        serial += q;
                    }
                    case 1 -> ms.add(m(d, a, Instrument.CEA, 2022, Kind.ALLOCATE, q, 0, 0));
                    case 2 -> {
                        ms.add(m(d, a, Instrument.CEA, 2022, Kind.TRANSFER, -q, 0, 0));
                        ms.add(m(d, b, Instrument.CEA, 2022, Kind.TRANSFER, q, 0, 0));
                    }
                    case 3 -> ms.add(m(d, a, Instrument.CEA, 2022, Kind.OBLIGATION, q, 0, 0));
                    default -> ms.add(m(d, a, Instrument.CEA, 2022, Kind.SURRENDER, q, 0, 0));
                }
            }
            // the history up to a day, then the rest of the days booked on a copy
            LocalDate cut = D.plusDays(r.nextInt(10));
            List<Movement> before =
                    ms.stream().filter(x -> x.date().isBefore(cut)).toList();
            List<Movement> after =
                    ms.stream().filter(x -> !x.date().isBefore(cut)).toList();
            InstrumentLedger whole = new InstrumentLedger();
            whole.replay(ms);
            InstrumentLedger head = new InstrumentLedger();
            head.replay(before);
            String headState = state(head);
            InstrumentLedger rest = head.copy();
            assertThat(after.stream().allMatch(rest::inOrder)).isTrue();
            rest.replay(after);
            assertThat(state(rest)).isEqualTo(state(whole));
            assertThat(state(head)).isEqualTo(headState);
            // a movement dated before what was booked is not in order
            if (!after.isEmpty() && cut.isAfter(D)) {
                assertThat(rest.inOrder(m(D, "A", Instrument.CEA, 2022, Kind.ALLOCATE, 1, 0, 0)))
                        .isFalse();
            }
        }
    }

    @Test
    void bookingOnTheLiveStateWhereItIsInOrderGivesWhatTheReplayOfTheAcceptedMovementsGives() {
        // as the registry books: a movement in order on the live state, any other by replaying all accepted with it;
        // whatever was accepted must replay to the live state (the cache's invariant)
        Random r = new Random(11L);
        String[] accounts = {"A", "B", "C"};
        for (int run = 0; run < 150; run++) {
            InstrumentLedger live = new InstrumentLedger();
            List<Movement> accepted = new ArrayList<>();
            int appended = 0;
            for (int i = 0; i < 50; i++) {
                LocalDate d = D.plusDays(r.nextInt(4) + i / 10);
                String a = accounts[r.nextInt(3)];
                String b = accounts[r.nextInt(3)];
                long q = 1 + r.nextInt(60);
                List<Movement> add = new ArrayList<>();
                switch (r.nextInt(5)) {
                    case 0, 1 -> add.add(m(d, a, Instrument.CEA, 2022, Kind.ALLOCATE, q, 0, 0));
                    case 2, 3 -> {
                        add.add(m(d, a, Instrument.CEA, 2022, Kind.TRANSFER, -q, 0, 0));
                        add.add(m(d, b, Instrument.CEA, 2022, Kind.TRANSFER, q, 0, 0));
                    }
                    default -> add.add(m(d, a, Instrument.CEA, 2022, Kind.RETIRE, q, 0, 0));
                }
                Movement first = add.get(0);
                if (live.inOrder(first)) {
                    InstrumentLedger next = live.copy();
                    boolean ok = first.kind() == Kind.TRANSFER
                            ? next.transfer(first, add.get(1).account()).isEmpty()
                            : next.book(first).isEmpty();
                    if (ok) {
                        live = next;
                        accepted.addAll(add);
                        appended++;
                    }
                } else {
                    List<Movement> all = new ArrayList<>(accepted);
                    all.addAll(add);
                    InstrumentLedger replayed = new InstrumentLedger();
                    if (replayed.replay(all).isEmpty()) {
                        live = replayed;
                        accepted = all;
                    }
                }
            }
            InstrumentLedger whole = new InstrumentLedger();
            assertThat(whole.replay(accepted)).isEmpty();
            assertThat(state(live)).isEqualTo(state(whole));
            assertThat(appended).isPositive();
        }
    }
}
