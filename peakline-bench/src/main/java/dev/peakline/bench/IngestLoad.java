package dev.peakline.bench;

import dev.peakline.domain.CreditCode;
import dev.peakline.monitoring.Meter;
import dev.peakline.monitoring.MeterKind;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import dev.peakline.store.monitoring.MeterRepository;
import dev.peakline.store.monitoring.Monitoring;
import dev.peakline.store.monitoring.Readings;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.postgresql.PGConnection;

/**
 * Sustained meter-reading ingestion into PostgreSQL, end to end, next to a plain COPY of the same readings.
 *
 * <p>{@code JAR DATA_DIR MQTT_URL|- CLIENTS BATCH READINGS}: starts an embedded PostgreSQL here, starts the Peakline
 * server jar as a separate process on it (with the MQTT broker when given), registers 1,000 quarter-hour interval meters
 * and a gateway token, then sends READINGS readings: over HTTP by CLIENTS threads in batches of BATCH (each batch
 * timed from send to the 200 that follows its commit); over MQTT by CLIENTS publishers at QoS 1 in messages of BATCH
 * (timed from the first publish until the last reading is committed); and by COPY straight into the reading table from
 * CLIENTS connections in transactions of BATCH (the peer: no parsing, checks, staging or idempotency). Prints one line
 * per path with readings per second and batch latency percentiles.
 */
public final class IngestLoad {
    static final int METERS = 1000;

    private IngestLoad() {}

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        String jar = args[0];
        Path data = Path.of(args[1]);
        String mqtt = args[2].equals("-") ? null : args[2];
        int clients = Integer.parseInt(args[3]);
        int batch = Integer.parseInt(args[4]);
        int total = Integer.parseInt(args[5]);
        try (Database db = Database.embedded(data.resolve("bench-db"))) {
            int port = 18090;
            Process server = startServer(jar, data, db, port, mqtt, "0.02");
            try {
                String base = "http://127.0.0.1:" + port;
                HttpClient http = HttpClient.newHttpClient();
                waitReady(http, base, server, data);
                Fixture f = fixture(db);
                long start = Instant.now()
                        .minus(400, ChronoUnit.DAYS)
                        .truncatedTo(ChronoUnit.DAYS)
                        .toEpochMilli();
                Readings.ensurePartitions(db, months(start, total));

                result("http", http(http, base, f, clients, batch, total, start, 0));
                if (mqtt != null) {
                    result("mqtt", mqtt(db, mqtt, f, clients, batch, total, start, 1));
                }
                result("copy", copy(db, f, clients, batch, total, start, 2));
            } finally {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /** The Peakline server jar as a process of its own on the embedded database, with the demo at a scale. */
    static Process startServer(String jar, Path data, Database db, int port, String mqtt, String demoScale)
            throws java.io.IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "java",
                "-Xmx2g",
                "-jar",
                jar,
                "serve",
                "--demo",
                "--demo-scale",
                demoScale,
                "--demo-from-year",
                "2024",
                "--demo-to-year",
                "2024",
                "--port",
                Integer.toString(port),
                "--db-url",
                db.url(),
                "--db-user",
                "postgres",
                "--db-password",
                // the embedded server authenticates every connection with the password it made at its first start
                Files.readString(data.resolve("bench-db").resolve("postgres.password"))
                        .strip()));
        if (mqtt != null) {
            cmd.addAll(List.of("--mqtt-url", mqtt));
        }
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(data.resolve("server.log").toFile())
                .start();
    }

    /** A gateway token for an enterprise, stored as its SHA-256 as the server does. */
    static String token(Database db, String enterprise, String name) throws Exception {
        byte[] raw = new byte[32];
        new java.security.SecureRandom().nextBytes(raw);
        String token = "plg_" + HexFormat.of().formatHex(raw);
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        new Monitoring(db, Clock.systemUTC()).addGatewayToken("bench", null, CreditCode.of(enterprise), name, hash);
        return token;
    }

    record Fixture(String enterprise, String token, long[] meters, String[] codes) {}

    record Figures(long readings, double seconds, double[] latencies) {}

    static void result(String path, Figures f) {
        double[] l = f.latencies();
        Arrays.sort(l);
        System.out.printf(
                Locale.ROOT,
                "path=%s readings=%d seconds=%.2f readings_per_s=%.0f batch_p50_ms=%.1f batch_p95_ms=%.1f batch_p99_ms=%.1f%n",
                path,
                f.readings(),
                f.seconds(),
                f.readings() / f.seconds(),
                pct(l, 0.5),
                pct(l, 0.95),
                pct(l, 0.99));
    }

    static double pct(double[] sorted, double p) {
        return sorted.length == 0
                ? Double.NaN
                : sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }

    static List<YearMonth> months(long start, int total) {
        // three paths, each over its own stretch of minutes: 3 × total / METERS quarter hours per meter
        long end = start + 3L * (total / METERS + 1) * 900_000L + 86_400_000L;
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = Readings.month(Instant.ofEpochMilli(start));
                !m.isAfter(Readings.month(Instant.ofEpochMilli(end)));
                m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    static void waitReady(HttpClient http, String base, Process server, Path data) throws Exception {
        for (int i = 0; i < 1500; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("server exited: " + Files.readString(data.resolve("server.log")));
            }
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("server not ready");
    }

    /** 1,000 interval meters at the first enterprise, and a gateway token for it (stored as its SHA-256, as the server does). */
    static Fixture fixture(Database db) throws Exception {
        String enterprise = Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement("select credit_code from enterprise order by 1 limit 1");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
        MeterRepository repo = new MeterRepository(db, Clock.systemUTC());
        long[] ids = new long[METERS];
        String[] codes = new String[METERS];
        Instant installed = Instant.now().minus(800, ChronoUnit.DAYS);
        for (int i = 0; i < METERS; i++) {
            codes[i] = String.format("B-%04d", i);
            ids[i] = repo.register(
                            "bench",
                            new Meter(
                                    0,
                                    CreditCode.of(enterprise),
                                    null,
                                    codes[i],
                                    "bench " + i,
                                    "electricity",
                                    "kWh",
                                    MeterKind.INTERVAL,
                                    1,
                                    900,
                                    0,
                                    installed,
                                    null,
                                    null))
                    .id();
        }
        return new Fixture(enterprise, token(db, enterprise, "bench"), ids, codes);
    }

    /** Batch k of a path: BATCH readings, meters in turn, each meter's quarter hours in order. */
    static String json(Fixture f, long start, int path, int k, int batch, int total, String token) {
        StringBuilder b = new StringBuilder(batch * 60).append('{');
        if (token != null) {
            b.append("\"token\":\"").append(token).append("\",");
        }
        b.append("\"readings\":[");
        long perPath = (long) (total / METERS + 1) * 900_000L;
        for (int i = 0; i < batch; i++) {
            long n = (long) k * batch + i;
            int meter = (int) (n % METERS);
            long ts = start + path * perPath + (n / METERS) * 900_000L;
            b.append(i == 0 ? "" : ",")
                    .append("{\"meter\":\"")
                    .append(f.codes()[meter])
                    .append("\",\"ts\":")
                    .append(ts)
                    .append(",\"value\":")
                    .append(1 + (n % 7))
                    .append('}');
        }
        return b.append("]}").toString();
    }

    static Figures http(
            HttpClient http, String base, Fixture f, int clients, int batch, int total, long start, int path)
            throws Exception {
        int batches = total / batch;
        List<String> bodies = new ArrayList<>(batches);
        for (int k = 0; k < batches; k++) {
            bodies.add(json(f, start, path, k, batch, total, null));
        }
        AtomicInteger next = new AtomicInteger();
        double[] lat = new double[batches];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<Long>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long accepted = 0;
                for (int k; (k = next.getAndIncrement()) < batches; ) {
                    long s = System.nanoTime();
                    HttpResponse<String> r = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/ingest/v1/readings"))
                                    .header("Authorization", "Bearer " + f.token())
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(k)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    lat[k] = (System.nanoTime() - s) / 1e6;
                    if (r.statusCode() != 200 || !r.body().contains("\"accepted\":" + batch)) {
                        throw new IllegalStateException("batch " + k + ": " + r.statusCode() + " "
                                + r.body().substring(0, Math.min(300, r.body().length())));
                    }
                    accepted += batch;
                }
                return accepted;
            }));
        }
        long sum = 0;
        for (Future<Long> x : futures) {
            sum += x.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return new Figures(sum, seconds, lat);
    }

    static Figures mqtt(Database db, String url, Fixture f, int clients, int batch, int total, long start, int path)
            throws Exception {
        int batches = total / batch;
        List<byte[]> bodies = new ArrayList<>(batches);
        for (int k = 0; k < batches; k++) {
            bodies.add(json(f, start, path, k, batch, total, f.token()).getBytes(StandardCharsets.UTF_8));
        }
        long before = stored(db, "MQTT");
        String topic = "peakline/v1/" + f.enterprise() + "/readings";
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int id = c;
            futures.add(pool.submit(() -> {
                MqttClient client = new MqttClient(url, "bench-" + id, new MemoryPersistence());
                MqttConnectOptions o = new MqttConnectOptions();
                o.setMaxInflight(100);
                client.connect(o);
                for (int k; (k = next.getAndIncrement()) < batches; ) {
                    client.publish(topic, bodies.get(k), 1, false);
                }
                client.disconnect();
                client.close();
                return null;
            }));
        }
        for (Future<?> x : futures) {
            x.get();
        }
        double published = (System.nanoTime() - t0) / 1e9;
        long expected = (long) batches * batch;
        while (stored(db, "MQTT") - before < expected) {
            Thread.sleep(20);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "mqtt_published_s=%.2f mqtt_committed_s=%.2f%n", published, seconds);
        return new Figures(expected, seconds, new double[] {(seconds - published) * 1000});
    }

    static long stored(Database db, String channel) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps =
                    c.prepareStatement("select coalesce(sum(accepted), 0) from ingest_batch where channel = ?")) {
                ps.setString(1, channel);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    static Figures copy(Database db, Fixture f, int clients, int batch, int total, long start, int path)
            throws Exception {
        int batches = total / batch;
        long perPath = (long) (total / METERS + 1) * 900_000L;
        List<String> bodies = new ArrayList<>(batches);
        for (int k = 0; k < batches; k++) {
            StringBuilder b = new StringBuilder(batch * 48);
            for (int i = 0; i < batch; i++) {
                long n = (long) k * batch + i;
                long ts = start + path * perPath + (n / METERS) * 900_000L;
                b.append(f.meters()[(int) (n % METERS)])
                        .append('\t')
                        .append(Instant.ofEpochMilli(ts))
                        .append('\t')
                        .append(1 + (n % 7))
                        .append("\t-1\n");
            }
            bodies.add(b.toString());
        }
        AtomicInteger next = new AtomicInteger();
        double[] lat = new double[batches];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<Long>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                long n = 0;
                try (Connection conn = db.connection()) {
                    conn.setAutoCommit(false);
                    for (int k; (k = next.getAndIncrement()) < batches; ) {
                        long s = System.nanoTime();
                        n += conn.unwrap(PGConnection.class)
                                .getCopyAPI()
                                .copyIn(
                                        "copy reading (meter_id, ts, value, batch_id) from stdin",
                                        new StringReader(bodies.get(k)));
                        conn.commit();
                        lat[k] = (System.nanoTime() - s) / 1e6;
                    }
                }
                return n;
            }));
        }
        long sum = 0;
        for (Future<Long> x : futures) {
            sum += x.get();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        return new Figures(sum, seconds, lat);
    }
}
