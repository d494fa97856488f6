package dev.peakline.bench;

import dev.peakline.markets.Instrument;
import dev.peakline.markets.InstrumentLedger.Kind;
import dev.peakline.markets.InstrumentLedger.Movement;
import dev.peakline.store.Database;
import dev.peakline.store.markets.MarketRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The registry's booking path, what a surrender or a transfer waits on: a ledger of {@code accounts} × 5 movements a
 * year over some years is booked, then {@code n} single transfers are booked one request at a time through {@link
 * MarketRepository#book} (the server's path without HTTP: lock, the ledger's rules, insert, audit), and the same
 * transfers by the peer — the minimal equivalent in SQL in the same PostgreSQL: the advisory lock, the giver's balance
 * of the lot summed, both legs inserted, one transaction each. Prints {@code path=… seconds=… per_booking_ms=…}.
 *
 * <p>Usage: {@code LedgerLoad ACCOUNTS YEARS N}.
 */
public final class LedgerLoad {
    private LedgerLoad() {}

    public static void main(String[] args) throws Exception {
        int accounts = Integer.parseInt(args[0]);
        int years = Integer.parseInt(args[1]);
        int n = Integer.parseInt(args[2]);
        Path dir = Files.createTempDirectory("peakline-ledger-bench");
        try (Database db = Database.embedded(dir)) {
            try (Connection c = db.connection();
                    PreparedStatement ps = c.prepareStatement(
                            "insert into region (code, name, level) values ('520000', '贵州省', 'PROVINCE') on conflict do"
                                    + " nothing")) {
                ps.executeUpdate();
            }
            MarketRepository repo = new MarketRepository(db, Clock.systemUTC());
            // the history: per year each account is allocated, owes, trades with the next and surrenders
            long t0 = System.nanoTime();
            int movements = 0;
            for (int y = 0; y < years; y++) {
                int year = 2015 + y;
                LocalDate day = LocalDate.of(year + 1, 3, 31);
                List<MarketRepository.Booking> b = new ArrayList<>();
                for (int a = 0; a < accounts; a++) {
                    String acc = account(a);
                    b.add(booking(new Movement(day, acc, Instrument.CEA, year, Kind.ALLOCATE, 100_000, 0, 0, 1)));
                    b.add(booking(new Movement(day, acc, Instrument.CEA, year, Kind.OBLIGATION, 90_000, 0, 0, 1)));
                }
                movements += check(repo.book("bench", "bench.allocate", b));
                b.clear();
                LocalDate trade = day.plusMonths(6);
                for (int a = 0; a < accounts; a++) {
                    b.add(new MarketRepository.Booking(
                            "520000",
                            new Movement(trade, account(a), Instrument.CEA, year, Kind.TRANSFER, -5_000, 0, 0, 1),
                            account((a + 1) % accounts),
                            60.0,
                            "bench"));
                    b.add(booking(new Movement(
                            trade.plusDays(1), account(a), Instrument.CEA, year, Kind.SURRENDER, 90_000, 0, 0, 1)));
                }
                movements += check(repo.book("bench", "bench.trade", b)) + accounts;
            }
            System.err.printf(
                    "ledger: %d accounts × %d years = %d movements, booked in %.1f s%n",
                    accounts, years, movements, (System.nanoTime() - t0) / 1e9);
            int year = 2015 + years - 1;
            LocalDate today = LocalDate.of(2015 + years + 1, 1, 10);
            // Peakline: one booking a request
            long p0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                check(repo.book(
                        "bench",
                        "market.transfer",
                        List.of(new MarketRepository.Booking(
                                "520000",
                                new Movement(
                                        today, account(i % accounts), Instrument.CEA, year, Kind.TRANSFER, -1, 0, 0, 1),
                                account((i + 7) % accounts),
                                61.0,
                                ""))));
            }
            double peakline = (System.nanoTime() - p0) / 1e9;
            // the peer: the same transfers as SQL
            long s0 = System.nanoTime();
            try (Connection c = db.connection()) {
                c.setAutoCommit(false);
                try (PreparedStatement lock = c.prepareStatement("select pg_advisory_xact_lock(30000030)");
                        PreparedStatement bal =
                                c.prepareStatement("select coalesce(sum(quantity), 0) from market_movement"
                                        + " where account = ? and instrument = 'cea' and vintage = ?");
                        PreparedStatement ins = c.prepareStatement("insert into market_movement (region, day, account,"
                                + " instrument, vintage, kind, quantity, counterparty, price_yuan, recorded_by, recorded_at)"
                                + " values ('520000', ?, ?, 'cea', ?, 'transfer', ?, ?, 61, 'peer', now())")) {
                    for (int i = 0; i < n; i++) {
                        String from = account(i % accounts);
                        String to = account((i + 7) % accounts);
                        lock.execute();
                        bal.setString(1, from);
                        bal.setInt(2, year);
                        double held;
                        try (ResultSet rs = bal.executeQuery()) {
                            rs.next();
                            held = rs.getDouble(1);
                        }
                        if (held < 1) {
                            throw new IllegalStateException("peer: " + from + " holds " + held);
                        }
                        for (Object[] leg : new Object[][] {{from, -1, to}, {to, 1, from}}) {
                            ins.setDate(1, java.sql.Date.valueOf(today));
                            ins.setString(2, (String) leg[0]);
                            ins.setInt(3, year);
                            ins.setBigDecimal(4, java.math.BigDecimal.valueOf((Integer) leg[1]));
                            ins.setString(5, (String) leg[2]);
                            ins.executeUpdate();
                        }
                        c.commit();
                    }
                }
            }
            double sql = (System.nanoTime() - s0) / 1e9;
            System.out.printf(
                    java.util.Locale.ROOT,
                    "path=peakline movements=%d seconds=%.3f per_booking_ms=%.2f%n",
                    movements,
                    peakline,
                    peakline * 1000 / n);
            System.out.printf(
                    java.util.Locale.ROOT,
                    "path=sql movements=%d seconds=%.3f per_booking_ms=%.2f%n",
                    movements,
                    sql,
                    sql * 1000 / n);
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String account(int a) {
        return String.format("91520000BENCH%05d", a);
    }

    private static MarketRepository.Booking booking(Movement m) {
        return new MarketRepository.Booking("520000", m, null, null, "bench");
    }

    private static int check(MarketRepository.Booked b) {
        if (!b.ok()) {
            throw new IllegalStateException(b.refused().get(0).reason());
        }
        return b.ids().size();
    }
}
