package dev.peakline.bench;

import dev.peakline.domain.CreditCode;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.monitoring.MeterRepository;
import dev.peakline.store.monitoring.Readings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Online monitoring at national reach, at a fraction (docs/scale.md): 20,000 key energy-using units × 50 quarter-hour
 * meters ÷ DIVISOR, each unit a gateway sending its 50 readings of a quarter hour in one HTTP request, every unit in
 * every simulated quarter hour, a quarter hour every PACE_MS of wall time (time compressed).
 *
 * <p>{@code JAR DATA_DIR DIVISOR SLOTS PACE_MS CLIENTS}: starts an embedded PostgreSQL and the server jar on it, registers
 * the units' meters (spread over the demo's enterprises, one gateway token each), then runs SLOTS quarter hours. Prints
 * the offered and achieved readings per second, each request's latency (send → the 200 that follows its commit), each
 * quarter hour's lag (its due time → its last reading committed), and the roll-up lag (the last commit → every day
 * roll-up computed).
 */
public final class NationalMonitoringLoad {
    static final int UNITS = 20_000;
    static final int METERS_PER_UNIT = 50;

    private NationalMonitoringLoad() {}

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    record Unit(String enterprise, String token, String[] codes) {}

    static void run(String[] args) throws Exception {
        String jar = args[0];
        Path data = Path.of(args[1]);
        int divisor = Integer.parseInt(args[2]);
        int slots = Integer.parseInt(args[3]);
        long pace = Long.parseLong(args[4]);
        int clients = Integer.parseInt(args[5]);
        int units = UNITS / divisor;
        try (Database db = Database.embedded(data.resolve("bench-db"))) {
            int port = 18091;
            Process server = IngestLoad.startServer(jar, data, db, port, null, "0.05");
            try {
                String base = "http://127.0.0.1:" + port;
                HttpClient http = HttpClient.newHttpClient();
                IngestLoad.waitReady(http, base, server, data);
                long t = System.nanoTime();
                List<Unit> fleet = fleet(db, units);
                System.out.printf(
                        Locale.ROOT,
                        "registered %d units × %d meters = %d meters (1/%d of the nation) in %.1f s%n",
                        units,
                        METERS_PER_UNIT,
                        units * METERS_PER_UNIT,
                        divisor,
                        (System.nanoTime() - t) / 1e9);
                long start = Instant.now()
                        .minus(200, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.DAYS)
                        .toEpochMilli();
                Readings.ensurePartitions(
                        db,
                        List.of(YearMonth.from(
                                Instant.ofEpochMilli(start).atZone(dev.peakline.domain.ChinaTime.ZONE))));
                simulate(http, base, db, fleet, start, slots, pace, clients);
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** The units' meters, over the demo's enterprises in turn, a gateway token per enterprise. */
    static List<Unit> fleet(Database db, int units) throws Exception {
        List<String> enterprises = Tx.run(db, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select credit_code from enterprise order by 1");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        java.util.Map<String, String> tokens = new java.util.HashMap<>();
        MeterRepository repo = new MeterRepository(db, Clock.systemUTC());
        Instant installed = Instant.now().minus(400, ChronoUnit.DAYS);
        List<Unit> fleet = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            String e = enterprises.get(u % enterprises.size());
            String token = tokens.get(e);
            if (token == null) {
                token = IngestLoad.token(db, e, "national");
                tokens.put(e, token);
            }
            String[] codes = new String[METERS_PER_UNIT];
            for (int k = 0; k < METERS_PER_UNIT; k++) {
                codes[k] = String.format(Locale.ROOT, "N%05d-%02d", u, k);
                repo.register(
                        "bench",
                        new Meter(
                                0,
                                CreditCode.of(e),
                                null,
                                codes[k],
                                codes[k],
                                "electricity",
                                "kWh",
                                MeterKind.INTERVAL,
                                1,
                                900,
                                0,
                                installed,
                                null,
                                null));
            }
            fleet.add(new Unit(e, token, codes));
        }
        return fleet;
    }

    static void simulate(
            HttpClient http, String base, Database db, List<Unit> fleet, long start, int slots, long pace, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int requests = fleet.size() * slots;
        double[] latency = new double[requests];
        double[] lag = new double[slots];
        long t0 = System.nanoTime();
        for (int s = 0; s < slots; s++) {
            long due = t0 + s * pace * 1_000_000L;
            while (System.nanoTime() < due) {
                Thread.sleep(1);
            }
            long ts = start + (s + 1) * 900_000L;
            List<Future<Long>> done = new ArrayList<>();
            for (int u = 0; u < fleet.size(); u++) {
                Unit unit = fleet.get(u);
                int k = s * fleet.size() + u;
                done.add(pool.submit(() -> {
                    StringBuilder b = new StringBuilder(METERS_PER_UNIT * 50).append("{\"readings\":[");
                    for (int m = 0; m < METERS_PER_UNIT; m++) {
                        b.append(m == 0 ? "" : ",")
                                .append("{\"meter\":\"")
                                .append(unit.codes()[m])
                                .append("\",\"ts\":")
                                .append(ts)
                                .append(",\"value\":")
                                .append(1 + (m % 7))
                                .append('}');
                    }
                    long sent = System.nanoTime();
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/ingest/v1/readings"))
                                    .header("Authorization", "Bearer " + unit.token())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            b.append("]}").toString()))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    long acked = System.nanoTime();
                    if (r.statusCode() != 200 || !r.body().contains("\"accepted\":" + METERS_PER_UNIT)) {
                        throw new IllegalStateException(r.statusCode() + " " + r.body());
                    }
                    latency[k] = (acked - sent) / 1e6;
                    return acked;
                }));
            }
            long last = 0;
            for (Future<Long> f : done) {
                last = Math.max(last, f.get());
            }
            lag[s] = (last - due) / 1e6;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long committed = System.nanoTime();
        long pending;
        do {
            Thread.sleep(50);
            pending = Tx.run(db, c -> {
                try (PreparedStatement ps = c.prepareStatement("select count(*) from rollup_pending");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        } while (pending > 0);
        double rollupLag = (System.nanoTime() - committed) / 1e9;
        // what a reading costs in PostgreSQL (table and primary key, over every monthly partition)
        double bytesPerReading = Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("select (select sum(pg_total_relation_size(i.inhrelid))"
                            + " from pg_inherits i where i.inhparent = 'reading'::regclass)::float8 / count(*)"
                            + " from reading");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        });
        pool.shutdown();
        long readings = (long) requests * METERS_PER_UNIT;
        Arrays.sort(latency);
        Arrays.sort(lag);
        double offered = pace == 0 ? Double.NaN : fleet.size() * METERS_PER_UNIT / (pace / 1000.0);
        System.out.printf(
                Locale.ROOT,
                "meters=%d quarter_hours=%d pace_ms=%d readings=%d seconds=%.2f offered_per_s=%.0f achieved_per_s=%.0f"
                        + " request_p50_ms=%.1f request_p99_ms=%.1f slot_lag_p50_ms=%.0f slot_lag_max_ms=%.0f"
                        + " rollup_lag_s=%.2f postgres_bytes_per_reading=%.0f%n",
                fleet.size() * METERS_PER_UNIT,
                slots,
                pace,
                readings,
                seconds,
                offered,
                readings / seconds,
                IngestLoad.pct(latency, 0.5),
                IngestLoad.pct(latency, 0.99),
                IngestLoad.pct(lag, 0.5),
                lag[lag.length - 1],
                rollupLag,
                bytesPerReading);
    }
}
