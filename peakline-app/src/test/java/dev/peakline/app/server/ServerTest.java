package dev.peakline.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peakline.app.server.security.LoginThrottle;
import dev.peakline.app.server.setup.DemoGatewayToken;
import dev.peakline.app.server.setup.Startup;
import dev.peakline.domain.ChinaTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One server for all server tests: the demo province (small: scale 0.05, 2023–2024) on a real embedded PostgreSQL in a
 * fresh data directory, on a random loopback port. Subclasses share the Spring context. Run with {@code
 * -Dpeakline.clock.offset=P365D} the server's clock is a year ahead (the test profile allows it; .ci/run does so for a
 * subset).
 */
@SpringBootTest(classes = PeaklineServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.test.context.ActiveProfiles("test")
public abstract class ServerTest {
    static final Path DATA;
    static final ObjectMapper JSON = new ObjectMapper();
    /** A real MQTT broker (Debian's mosquitto) for the server under test, when it is installed; else null. */
    static final Mosquitto BROKER = Mosquitto.startIfInstalled();

    static {
        try {
            DATA = Files.createTempDirectory("peakline-server-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry r) {
        r.add("peakline.data-dir", DATA::toString);
        r.add("peakline.demo.enabled", () -> "true");
        r.add("peakline.demo.scale", () -> "0.05");
        r.add("peakline.demo.from-year", () -> "2023");
        r.add("peakline.demo.to-year", () -> "2024");
        r.add("server.address", () -> "127.0.0.1");
        r.add("peakline.monitoring.rollup-interval-ms", () -> "100");
        if (BROKER != null) {
            r.add("peakline.mqtt.url", BROKER::url);
        }
    }

    /**
     * A tool the test needs (chromium, mosquitto, the CJK font): skipped on a developer machine without it, a failure in
     * CI (CI=true), where .ci/run installs it, so that a missing install step never turns tests into silent skips.
     */
    static void requireTool(boolean present, String what) {
        if ("true".equals(System.getenv("CI"))) {
            org.assertj.core.api.Assertions.assertThat(present)
                    .as("CI installs %s (.ci/run)", what)
                    .isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "needs " + what);
    }

    @LocalServerPort
    int port;

    @Autowired
    LoginThrottle throttle;

    /** The server's clock: every "today" and "this month" of a test comes from it, never from a literal. */
    @Autowired
    Clock clock;

    @Autowired
    DemoGatewayToken demoGateway;

    /** The running month in China time, by the server's clock: it has not ended, so it cannot be filed. */
    YearMonth thisMonth() {
        return YearMonth.now(clock.withZone(ChinaTime.ZONE));
    }

    /** Today in China time, by the server's clock. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(ChinaTime.ZONE));
    }

    Instant now() {
        return clock.instant();
    }

    @BeforeEach
    void forgetFailedLogins() {
        throttle.reset();
    }

    /** A browser-like HTTP client: keeps cookies and echoes the CSRF cookie in the X-XSRF-TOKEN header. */
    final class Client {
        final CookieManager cookies = new CookieManager();
        final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String bearer;

        Client login(String user) {
            HttpResponse<String> r = loginAs(user, Startup.DEMO_PASSWORD);
            if (r.statusCode() != 200) {
                throw new AssertionError("login " + user + ": " + r.statusCode() + " " + r.body());
            }
            // signing in renews the CSRF token; the next page load brings the new cookie, as in a browser
            get("/api/v1/me");
            return this;
        }

        HttpResponse<String> loginAs(String user, String password) {
            get("/actuator/health");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return send(builder("/login")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        HttpRequest.Builder builder(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "application/json");
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            for (HttpCookie c : cookies.getCookieStore().getCookies()) {
                if (c.getName().equals("XSRF-TOKEN")) {
                    b.header("X-XSRF-TOKEN", c.getValue());
                }
            }
            return b;
        }

        HttpResponse<String> send(HttpRequest.Builder b) {
            try {
                return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path) {
            return send(builder(path).GET());
        }

        /** The body of a GET that must answer 200, as bytes (a workbook, a PDF). */
        byte[] getBytes(String path) {
            try {
                HttpResponse<byte[]> r =
                        http.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new AssertionError("expected 200 but was " + r.statusCode() + " for " + path);
                }
                return r.body();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> post(String path, String json) {
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> put(String path, String json) {
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        /** A PUT naming the state it changes: the ETag a GET of the same path answered. */
        HttpResponse<String> putIfMatch(String path, String json) {
            String etag = get(path).headers().firstValue("ETag").orElseThrow();
            return send(builder(path)
                    .header("Content-Type", "application/json")
                    .header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
        }

        HttpResponse<String> delete(String path) {
            return send(builder(path).DELETE());
        }

        /** A multipart upload of one file part plus text fields. */
        HttpResponse<String> upload(String path, String fileName, byte[] bytes) {
            String boundary = "peakline" + System.nanoTime();
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + bytes.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(bytes, 0, body, head.length, bytes.length);
            System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
            return send(builder(path)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        JsonNode json(HttpResponse<String> r, int status) {
            if (r.statusCode() != status) {
                throw new AssertionError("expected " + status + " but was " + r.statusCode() + ": " + r.body());
            }
            try {
                return r.body().isEmpty() ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A gateway's POST of readings to the ingest API with its token. */
    HttpResponse<String> ingest(Client c, String token, String contentType, String body) {
        return c.send(c.builder("/ingest/v1/readings")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A meter registration body. */
    static String meter(
            String code, String carrier, String unit, String kind, double multiplier, int interval, String installed) {
        return "{\"code\":\"" + code + "\",\"name\":\"" + code + "\",\"carrier\":\"" + carrier + "\",\"unit\":\"" + unit
                + "\",\"kind\":\"" + kind + "\",\"multiplier\":" + multiplier + ",\"intervalSeconds\":" + interval
                + ",\"installedAt\":\"" + installed + "\"}";
    }

    /** The 24 hourly readings of {@code day} (ending 01:00 … 24:00 China time) of a meter, all {@code value}, as items. */
    static String hourlyItems(String meter, java.time.LocalDate day, double value) {
        StringBuilder b = new StringBuilder();
        for (int h = 1; h <= 24; h++) {
            b.append(h == 1 ? "" : ",")
                    .append("{\"meter\":\"")
                    .append(meter)
                    .append("\",\"ts\":\"")
                    .append(day.atStartOfDay(ChinaTime.ZONE).plusHours(h).toOffsetDateTime())
                    .append("\",\"value\":")
                    .append(value)
                    .append('}');
        }
        return b.toString();
    }

    /** An hourly electricity interval meter in kWh, installed at the start of {@code day} (China time). */
    static String hourlyKwhMeter(String code, java.time.LocalDate day) {
        return meter(
                code,
                "电力",
                "kWh",
                "INTERVAL",
                1,
                3600,
                day.atStartOfDay(dev.peakline.domain.ChinaTime.ZONE)
                        .toOffsetDateTime()
                        .toString());
    }

    Client as(String user) {
        return new Client().login(user);
    }

    Client anonymous() {
        return new Client();
    }
}
