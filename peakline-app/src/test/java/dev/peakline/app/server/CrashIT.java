package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.app.server.setup.Startup;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing acknowledged is lost: the server (a separate JVM with its embedded PostgreSQL) is killed with SIGKILL while two
 * gateways send readings, started again on the same data, and every batch that had been acknowledged is sent again: each
 * must come back as all duplicates (stored, and stored once).
 */
class CrashIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int BATCH = 500;

    @TempDir
    Path data;

    int port;
    final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    Process start() throws IOException, InterruptedException {
        return start("-Dpeakline.recompute.chunk=5000");
    }

    Process start(String property) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        property,
                        "-cp",
                        cp,
                        "dev.peakline.app.cli.PeaklineCli",
                        "serve",
                        "--demo",
                        "--demo-scale",
                        "0.02",
                        "--demo-from-year",
                        "2024",
                        "--demo-to-year",
                        "2024",
                        "--port",
                        Integer.toString(port),
                        "--data-dir",
                        data.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        data.resolve("server.log").toFile()))
                .start();
        // a bound, not a speed target: a loaded machine (or libfaketime) slows the demo load a lot
        long deadline = System.nanoTime() + Duration.ofMinutes(6).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new AssertionError("server exited: " + Files.readString(data.resolve("server.log")));
            }
            try {
                if (get("/actuator/health").statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new AssertionError("server not ready in 6 minutes");
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", type)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        for (HttpCookie c : ((CookieManager) http.cookieHandler().orElseThrow())
                .getCookieStore()
                .getCookies()) {
            if (c.getName().equals("XSRF-TOKEN")) {
                b.header("X-XSRF-TOKEN", c.getValue());
            }
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String batch(long firstMinute, Instant base) {
        StringBuilder b = new StringBuilder("{\"readings\":[");
        for (int i = 0; i < BATCH; i++) {
            long ts = base.plus(firstMinute + i, ChronoUnit.MINUTES).toEpochMilli();
            b.append(i == 0 ? "" : ",")
                    .append("{\"meter\":\"K-01\",\"ts\":")
                    .append(ts)
                    .append(",\"value\":1.5}");
        }
        return b.append("]}").toString();
    }

    @Test
    void everyAcknowledgedReadingSurvivesSigkillExactlyOnce() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = start();
        get("/actuator/health");
        assertThat(post(
                                "/login",
                                "application/x-www-form-urlencoded",
                                "username=enterprise&password=" + Startup.DEMO_PASSWORD,
                                null)
                        .statusCode())
                .isEqualTo(200);
        get("/api/v1/me");
        String code = JSON.readTree(get("/api/v1/me").body()).path("enterprise").asText();
        // the server is another JVM on this machine's clock; the readings are placed 60 days before its now
        Instant base = Clock.systemUTC().instant().minus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        HttpResponse<String> meter = post(
                "/api/v1/enterprises/" + code + "/meters",
                "application/json",
                "{\"code\":\"K-01\",\"name\":\"crash\",\"carrier\":\"电力\",\"unit\":\"kWh\",\"kind\":\"INTERVAL\","
                        + "\"intervalSeconds\":60,\"installedAt\":\"" + base + "\"}",
                null);
        assertThat(meter.statusCode()).as(meter.body()).isEqualTo(201);
        // the demo's gateway token is random for the data directory, which keeps it
        String token = Files.readString(data.resolve("demo-gateway.token")).strip();
        assertThat(token).startsWith("plg_").hasSize(4 + 64);

        AtomicLong next = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        List<Thread> gateways = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            Thread t = new Thread(() -> {
                while (true) {
                    long first = next.getAndAdd(BATCH);
                    try {
                        HttpResponse<String> r =
                                post("/ingest/v1/readings", "application/json", batch(first, base), token);
                        if (r.statusCode() == 200) {
                            if (JSON.readTree(r.body()).path("accepted").asInt() != BATCH) {
                                refused.incrementAndGet();
                            }
                            acknowledged.add(first);
                        }
                    } catch (IOException | InterruptedException e) {
                        return; // the server is gone
                    }
                }
            });
            t.start();
            gateways.add(t);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (acknowledged.size() < 20) {
            if (System.nanoTime() > deadline) {
                server.destroyForcibly();
                throw new AssertionError("fewer than 20 batches acknowledged in 2 minutes: " + acknowledged.size());
            }
            Thread.sleep(50);
        }
        server.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful close
        server.waitFor();
        for (Thread t : gateways) {
            t.join(60_000);
        }
        long sent = next.get() / BATCH;
        // each acknowledged batch was new when it was sent: all its readings were taken
        assertThat(refused.get())
                .as("acknowledged batches with readings not taken")
                .isZero();

        Process again = start();
        try {
            int stored = 0;
            for (long first : acknowledged) {
                JsonNode r = JSON.readTree(post("/ingest/v1/readings", "application/json", batch(first, base), token)
                        .body());
                assertThat(r.path("accepted").asInt())
                        .as("batch at minute %d was acknowledged but not stored", first)
                        .isZero();
                assertThat(r.path("duplicates").asInt()).isEqualTo(BATCH);
                stored++;
            }
            // a batch never sent before is taken whole after the restart: the duplicates above are real findings
            JsonNode fresh =
                    JSON.readTree(post("/ingest/v1/readings", "application/json", batch(next.get(), base), token)
                            .body());
            assertThat(fresh.path("accepted").asInt()).isEqualTo(BATCH);
            assertThat(fresh.path("duplicates").asInt()).isZero();
            System.out.printf(
                    "SIGKILL test: %d batches sent, %d acknowledged, all %d stored once%n", sent, stored, stored);
        } finally {
            again.destroy();
            again.waitFor();
        }
    }

    JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    void signIn(String user) throws Exception {
        get("/actuator/health");
        assertThat(post(
                                "/login",
                                "application/x-www-form-urlencoded",
                                "username=" + user + "&password=" + Startup.DEMO_PASSWORD,
                                null)
                        .statusCode())
                .isEqualTo(200);
        get("/api/v1/me");
    }

    @Test
    void aRecomputationKilledMidwayIsReportedInterruptedAndResumedAfterTheRestart() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        // one result per transaction, so that the kill lands between chunks
        Process server = start("-Dpeakline.recompute.chunk=1");
        signIn("admin");
        JsonNode job = json(post("/api/v1/factor-sets/recompute", "application/json", "{\"region\":\"520000\"}", null));
        long id = job.path("id").asLong();
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (job.path("done").asInt() == 0
                || job.path("done").asInt() >= job.path("total").asInt()) {
            assertThat(job.path("status").asText())
                    .as("the job ended before it could be killed")
                    .isEqualTo("RUNNING");
            assertThat(System.nanoTime()).as("no progress in 2 minutes").isLessThan(deadline);
            job = json(get("/api/v1/factor-sets/recompute/" + id));
        }
        server.destroyForcibly(); // SIGKILL mid-way
        server.waitFor();
        int total = job.path("total").asInt();
        assertThat(total).isGreaterThan(1);

        Process again = start("-Dpeakline.recompute.chunk=5000");
        try {
            signIn("admin");
            JsonNode cut = json(get("/api/v1/factor-sets/recompute/" + id));
            assertThat(cut.path("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(cut.path("done").asInt()).isBetween(1, total - 1);
            String message = cut.path("message").asText();
            assertThat(message).contains("resumed as job");
            long resumed = Long.parseLong(message.replaceAll(".*resumed as job (\\d+).*", "$1"));
            JsonNode r = json(get("/api/v1/factor-sets/recompute/" + resumed));
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (r.path("status").asText().equals("RUNNING") && System.nanoTime() < until) {
                Thread.sleep(100);
                r = json(get("/api/v1/factor-sets/recompute/" + resumed));
            }
            // the whole region again, every result: no part of it is left on the old factor sets
            assertThat(r.path("status").asText()).isEqualTo("DONE");
            assertThat(r.path("total").asInt()).isEqualTo(total);
            assertThat(r.path("done").asInt()).isEqualTo(total);
            assertThat(r.path("startedBy").asText()).contains("resuming job " + id);
            System.out.printf(
                    "recompute killed at %d/%d, resumed as job %d: %d/%d%n",
                    cut.path("done").asInt(), total, resumed, r.path("done").asInt(), total);
        } finally {
            again.destroy();
            again.waitFor();
        }
    }
}
