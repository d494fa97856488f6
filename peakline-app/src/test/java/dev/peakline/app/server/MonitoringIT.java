package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.app.server.monitoring.RollupWorker;
import dev.peakline.domain.ChinaTime;
import dev.peakline.store.monitoring.Monitoring;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Meters, gateway tokens, HTTP and MQTT ingestion, roll-ups, quality and reconciliation through the server. */
@SpringBootTest(classes = PeaklineServer.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MonitoringIT extends ServerTest {
    @Autowired
    RollupWorker worker;

    @Autowired
    Monitoring monitoring;

    String own(Client c) {
        return c.json(c.get("/api/v1/me"), 200).path("enterprise").asText();
    }

    static String at(LocalDate day, int minutes) {
        return day.atStartOfDay(ChinaTime.ZONE)
                .plusMinutes(minutes)
                .toOffsetDateTime()
                .toString();
    }

    @Test
    void registryRejectsBadMetersAndOnlyTheEnterpriseChangesIt() {
        Client e = as("enterprise");
        String code = own(e);
        JsonNode bad = e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        "{\"code\":\"X 1\",\"name\":\"\",\"carrier\":\"焦炉煤气X\",\"unit\":\"kWh\",\"kind\":\"PULSE\","
                                + "\"multiplier\":0,\"intervalSeconds\":30,\"installedAt\":\"yesterday\"}"),
                422);
        assertThat(bad.path("code").asText()).isEqualTo("meter.invalid");
        List<String> codes = new ArrayList<>();
        bad.path("problems").forEach(p -> codes.add(p.path("code").asText()));
        assertThat(codes)
                .contains(
                        "meter.code",
                        "meter.name",
                        "meter.carrier",
                        "meter.kind",
                        "meter.multiplier",
                        "meter.interval",
                        "meter.installed");
        // electricity counted in m³ is the wrong dimension
        JsonNode unit = e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        meter("E-09", "电力", "m3", "REGISTER", 1, 900, "2024-01-01T00:00:00+08:00")),
                422);
        assertThat(unit.path("problems").get(0).path("field").asText()
                        + unit.path("problems").get(0).path("message").asText())
                .contains("not m3");
        // the point E-01 already has a device in service
        assertThat(e.post(
                                "/api/v1/enterprises/" + code + "/meters",
                                meter("E-01", "电力", "kWh", "REGISTER", 1, 900, "2024-01-01T00:00:00+08:00"))
                        .statusCode())
                .isEqualTo(409);
        // a government user reads the registry but does not change it
        Client gov = as("province");
        assertThat(gov.json(gov.get("/api/v1/enterprises/" + code + "/meters"), 200)
                        .size())
                .isGreaterThanOrEqualTo(2);
        assertThat(gov.post(
                                "/api/v1/enterprises/" + code + "/meters",
                                meter("E-08", "电力", "kWh", "REGISTER", 1, 900, "2024-01-01T00:00:00+08:00"))
                        .statusCode())
                .isEqualTo(403);
        // nothing refused was written
        String registry = e.get("/api/v1/enterprises/" + code + "/meters").body();
        assertThat(registry).doesNotContain("\"X 1\"", "E-09", "E-08");
    }

    @Autowired
    dev.peakline.app.server.monitoring.Ingest ingest;

    @Test
    void theStreamedReadOfAMessageGivesWhatTheTreeGivesAndLeavesTheRestToIt() {
        Client e = as("enterprise");
        String code = own(e);
        LocalDate day = today().minusDays(3);
        e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        meter("ST-33", "电力", "kWh", "INTERVAL", 1, 900, at(day.minusDays(1), 0))),
                201);
        long t0 = day.atStartOfDay(ChinaTime.ZONE).toInstant().toEpochMilli();
        // the usual message: epoch milliseconds, whole and decimal values, a unit on some, a token field passed over
        StringBuilder b = new StringBuilder("{\"token\":\"plg_x\",\"readings\":[");
        for (int q = 1; q <= 96; q++) {
            b.append(q == 1 ? "" : ",")
                    .append("{\"meter\":\"ST-33\",\"ts\":")
                    .append(t0 + q * 900_000L)
                    .append(",\"value\":")
                    .append(q % 3 == 0 ? "2.5" : q % 3 == 1 ? "7" : "1.0e1")
                    .append(q % 2 == 0 ? ",\"unit\":\"kWh\"" : "")
                    .append('}');
        }
        String clean = b.append("]}").toString();
        var streamed = ingest.streamed(code, clean.getBytes(StandardCharsets.UTF_8));
        assertThat(streamed).isNotNull();
        assertThat(streamed.lines())
                .hasSize(97)
                .isEqualTo(ingest.fromTree(code, clean.getBytes(StandardCharsets.UTF_8))
                        .lines());
        // anything else is the tree's: a reading to reject, an ISO time, statistics, a repeated or unknown field, bad
        // JSON
        String item = "{\"meter\":\"ST-33\",\"ts\":" + (t0 + 900_000L) + ",\"value\":1}";
        for (String other : List.of(
                "{\"readings\":[" + item + ",{\"meter\":\"ST-33\",\"ts\":" + t0 + ",\"value\":-1}]}",
                "{\"readings\":[" + item + ",{\"meter\":\"NOPE\",\"ts\":" + t0 + ",\"value\":1}]}",
                "{\"readings\":[{\"meter\":\"ST-33\",\"ts\":\"" + at(day, 15) + "\",\"value\":1}]}",
                "{\"readings\":[" + item + "],\"statistics\":[]}",
                "{\"readings\":[{\"meter\":\"ST-33\",\"meter\":\"ST-33\",\"ts\":" + t0 + ",\"value\":1}]}",
                "{\"readings\":[{\"meter\":\"ST-33\",\"ts\":" + t0 + ",\"value\":1,\"note\":\"x\"}]}",
                "{\"readings\":[" + item + "]",
                "[" + item + "]")) {
            assertThat(ingest.streamed(code, other.getBytes(StandardCharsets.UTF_8)))
                    .as(other)
                    .isNull();
        }
        // and the HTTP answer for the clean message: 96 readings of 96 taken
        String token = e.json(e.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"stream\"}"), 201)
                .path("token")
                .asText();
        assertThat(e.json(ingest(e, token, "application/json", clean), 200)
                        .path("accepted")
                        .asInt())
                .isEqualTo(96);
    }

    @Test
    void httpReadingsAreCheckedStoredOnceAndRolledUp() {
        Client e = as("enterprise");
        String code = own(e);
        LocalDate day = today().minusDays(2);
        e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        meter("E-02", "电力", "kWh", "INTERVAL", 1, 900, at(day.minusDays(1), 0))),
                201);
        String token = e.json(e.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"test\"}"), 201)
                .path("token")
                .asText();
        assertThat(token).startsWith("plg_");

        // 96 quarter-hour intervals ending 00:15 … 24:00, 10 kWh each, two missing (ending 03:00 and 03:15)
        StringBuilder b = new StringBuilder("{\"readings\":[");
        for (int q = 1; q <= 96; q++) {
            if (q == 12 || q == 13) {
                continue;
            }
            b.append("{\"meter\":\"E-02\",\"ts\":\"")
                    .append(at(day, q * 15))
                    .append("\",\"value\":10,\"unit\":\"kWh\"},");
        }
        // five bad items: negative, wrong unit, future, unknown meter, unreadable time
        b.append("{\"meter\":\"E-02\",\"ts\":\"").append(at(day, 5)).append("\",\"value\":-1},");
        b.append("{\"meter\":\"E-02\",\"ts\":\"").append(at(day, 6)).append("\",\"value\":1,\"unit\":\"m3\"},");
        b.append("{\"meter\":\"E-02\",\"ts\":\"")
                .append(at(day.plusDays(30), 0))
                .append("\",\"value\":1},");
        b.append("{\"meter\":\"NOPE\",\"ts\":\"").append(at(day, 0)).append("\",\"value\":1},");
        b.append("{\"meter\":\"E-02\",\"ts\":\"yesterday noon\",\"value\":1}]}");
        JsonNode first = e.json(ingest(e, token, "application/json", b.toString()), 200);
        assertThat(first.path("accepted").asInt()).isEqualTo(94);
        List<String> reasons = new ArrayList<>();
        first.path("rejected")
                .forEach(r -> reasons.add(
                        r.path("item").asInt() + ":" + r.path("reason").asText()));
        assertThat(reasons)
                .containsExactly(
                        "94:reading.negative",
                        "95:reading.unit",
                        "96:reading.future",
                        "97:meter.unknown",
                        "98:reading.timestamp");
        // the same batch again: all duplicates, nothing stored twice
        JsonNode again = e.json(ingest(e, token, "application/json", b.toString()), 200);
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(94);
        // the rejected items are kept with their reasons
        JsonNode rejected = e.json(e.get("/api/v1/enterprises/" + code + "/monitoring/rejected?limit=10"), 200);
        assertThat(rejected.toString()).contains("reading.negative", "meter.unknown");

        worker.drain();
        JsonNode days = e.json(
                e.get("/api/v1/enterprises/" + code + "/monitoring/days?meter=E-02&from=" + day + "&to=" + day), 200);
        // 94 × 10 kWh = 940; 94 of 96 expected
        assertThat(days.get(0).path("consumption").asDouble()).isEqualTo(940.0);
        assertThat(days.get(0).path("completeness").asDouble()).isCloseTo(94.0 / 96, within(1e-12));
        assertThat(days.get(0).path("gapSeconds").asInt()).isEqualTo(1800);

        // the two late intervals arrive as CSV: the day is complete, 960 kWh
        String csv = "meter,ts,value\nE-02," + at(day, 180) + ",10\nE-02," + at(day, 195) + ",10\n";
        assertThat(e.json(ingest(e, token, "text/csv", csv), 200)
                        .path("accepted")
                        .asInt())
                .isEqualTo(2);
        worker.drain();
        days = e.json(
                e.get("/api/v1/enterprises/" + code + "/monitoring/days?meter=E-02&from=" + day + "&to=" + day), 200);
        assertThat(days.get(0).path("consumption").asDouble()).isEqualTo(960.0);
        assertThat(days.get(0).path("measured").asBoolean()).isTrue();

        // the monitoring page shows the meters with their latest readings
        JsonNode page = e.json(e.get("/api/v1/enterprises/" + code + "/monitoring"), 200);
        List<String> meters = new ArrayList<>();
        page.path("meters").forEach(m -> meters.add(m.path("meter").asText()));
        assertThat(meters).contains("E-01", "G-01", "E-02");
        assertThat(page.path("carriers").toString()).contains("electricity");
    }

    @Test
    void tokensAreScopedAndRefusalsRecorded() {
        Client e = as("enterprise");
        Client other = as("enterprise2");
        String otherCode = own(other);
        String otherToken = other.json(
                        other.post("/api/v1/enterprises/" + otherCode + "/gateway-tokens", "{\"name\":\"gw\"}"), 201)
                .path("token")
                .asText();
        // another enterprise's token cannot write this enterprise's meters: its points are unknown to it
        JsonNode r = e.json(
                ingest(
                        e,
                        otherToken,
                        "application/json",
                        "{\"readings\":[{\"meter\":\"E-01\",\"ts\":\"" + now().minusSeconds(60) + "\",\"value\":1}]}"),
                200);
        assertThat(r.path("enterprise").asText()).isEqualTo(otherCode);
        assertThat(r.path("rejected").get(0).path("reason").asText()).isEqualTo("meter.unknown");
        assertThat(r.path("accepted").asInt()).isZero();
        // no token or a wrong one: 401, counted but nothing of it stored
        long before = refusals("HTTP", "auth.token");
        int storedBefore = monitoring.rejected(null, 1000).size();
        HttpResponse<String> none = ingest(anonymous(), "plg_0000", "application/json", "{\"readings\":[]}");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(refusals("HTTP", "auth.token")).isEqualTo(before + 1);
        assertThat(monitoring.rejected(null, 1000)).hasSize(storedBefore);
        // unreadable JSON: 422 with where, recorded for the enterprise
        HttpResponse<String> broken = ingest(e, otherToken, "application/json", "{\"readings\":[{\"meter\":");
        assertThat(broken.statusCode()).isEqualTo(422);
        assertThat(broken.body()).contains("message.malformed", "line 1");
        // a revoked token stops working at once
        other.send(other.builder("/api/v1/enterprises/" + otherCode + "/gateway-tokens/gw")
                .DELETE());
        assertThat(ingest(e, otherToken, "application/json", "{\"readings\":[]}")
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void meteredMonthsBecomeDraftsOrAreReconciledWithFilings() {
        Client other = as("enterprise2");
        String code = own(other);
        other.json(
                other.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        meter("P-01", "电力", "kWh", "REGISTER", 40, 3600, "2024-01-01T00:00:00+08:00")),
                201);
        String token = other.json(
                        other.post("/api/v1/enterprises/" + code + "/gateway-tokens", "{\"name\":\"rec\"}"), 201)
                .path("token")
                .asText();
        // June 2024 (filed and approved in the demo): the register goes 0 → 1,000 over the month; × 40 = 40 MWh
        other.json(
                ingest(
                        other,
                        token,
                        "application/json",
                        "{\"readings\":["
                                + "{\"meter\":\"P-01\",\"ts\":\"2024-06-01T00:00:00+08:00\",\"value\":0},"
                                + "{\"meter\":\"P-01\",\"ts\":\"2024-07-01T00:00:00+08:00\",\"value\":1000}]}"),
                200);
        JsonNode june =
                other.json(other.post("/api/v1/enterprises/" + code + "/monitoring/reconcile?period=2024-06", ""), 200);
        JsonNode power = find(june, "electricity");
        assertThat(power.path("metered").asDouble()).isEqualTo(40.0);
        assertThat(power.path("unit").asText()).isEqualTo("MWh");
        double filed = power.path("filed").asDouble();
        assertThat(filed).isPositive();
        assertThat(power.path("deviation").asDouble()).isCloseTo((40.0 - filed) / filed, within(1e-12));
        assertThat(power.path("flagged").asBoolean()).isEqualTo(Math.abs((40.0 - filed) / filed) > 0.05);
        // the verifier sees the reconciliation with the filing
        long approved = power.path("filingId").asLong();
        JsonNode detail = other.json(other.get("/api/v1/filings/" + approved), 200);
        assertThat(detail.path("reconciliation").toString()).contains("electricity");

        // January 2025 has no filing: the meters make a draft. The meter is replaced on the 16th:
        // old 1,000 → 1,250 (final), new 0 → 250; (250 + 250) × 40 = 20,000 kWh = 20 MWh
        other.json(
                ingest(
                        other,
                        token,
                        "application/json",
                        "{\"readings\":[{\"meter\":\"P-01\",\"ts\":\"2025-01-01T00:00:00+08:00\",\"value\":1000}]}"),
                200);
        other.json(
                other.post(
                        "/api/v1/enterprises/" + code + "/meters/P-01/replace",
                        "{\"at\":\"2025-01-16T00:00:00+08:00\",\"finalReading\":1250,\"initialReading\":0,\"meter\":"
                                + meter("P-01", "电力", "kWh", "REGISTER", 40, 3600, "2025-01-16T00:00:00+08:00") + "}"),
                200);
        other.json(
                ingest(
                        other,
                        token,
                        "application/json",
                        "{\"readings\":[{\"meter\":\"P-01\",\"ts\":\"2025-02-01T00:00:00+08:00\",\"value\":250}]}"),
                200);
        JsonNode jan =
                other.json(other.post("/api/v1/enterprises/" + code + "/monitoring/reconcile?period=2025-01", ""), 200);
        JsonNode row = find(jan, "electricity");
        assertThat(row.path("metered").asDouble()).isEqualTo(20.0);
        long draft = row.path("draftId").asLong();
        assertThat(draft).isPositive();
        JsonNode filing = other.json(other.get("/api/v1/filings/" + draft), 200);
        assertThat(filing.toString()).contains("METERS", "DRAFT", "electricity", "purchased");
        // a month that has not ended is not reconciled
        assertThat(other.post("/api/v1/enterprises/" + code + "/monitoring/reconcile?period=" + thisMonth(), "")
                        .statusCode())
                .isEqualTo(422);
    }

    @Test
    void theGatewaySimulatorFillsANewMetersHistoryOverHttp() {
        // the simulator is a program of its own on the machine's clock: with the server's shifted
        // (peakline.clock.offset)
        // its readings would fall a year before the meter's installation
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("peakline.clock.offset", "").isBlank(), "the gateway runs on the real clock");
        Client e = as("enterprise");
        String code = own(e);
        Instant installed = now().minusSeconds(1800);
        e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        meter(
                                "S-01",
                                "电力",
                                "kWh",
                                "INTERVAL",
                                1,
                                60,
                                installed
                                        .atZone(ChinaTime.ZONE)
                                        .toOffsetDateTime()
                                        .toString())),
                201);
        int exit = new picocli.CommandLine(new dev.peakline.app.cli.PeaklineCli())
                .execute(
                        "gateway",
                        "--server",
                        "http://127.0.0.1:" + port,
                        "--token",
                        demoGateway.value(),
                        "--tick",
                        "1",
                        "--duration",
                        "1");
        assertThat(exit).isZero();
        // the 30 minutes since installation, one interval a minute
        JsonNode meters = e.json(e.get("/api/v1/enterprises/" + code + "/monitoring"), 200)
                .path("meters");
        JsonNode s01 = null;
        for (JsonNode m : meters) {
            if (m.path("meter").asText().equals("S-01")) {
                s01 = m;
            }
        }
        assertThat(s01).isNotNull();
        assertThat(Instant.parse(s01.path("latestTs").asText())).isAfter(now().minusSeconds(120));
        long stored = monitoring.count(s01.path("id").asLong(), installed.minusSeconds(60), now().plusSeconds(60));
        assertThat(stored).isBetween(29L, 32L);
    }

    static JsonNode find(JsonNode rows, String carrier) {
        for (JsonNode r : rows) {
            if (r.path("carrier").asText().equals(carrier)) {
                return r;
            }
        }
        throw new AssertionError("no " + carrier + " in " + rows);
    }

    @Test
    void regionQualityListsMeteredEnterprisesWithinScope() {
        Client gov = as("province");
        worker.drain();
        JsonNode q = gov.json(gov.get("/api/v1/regions/520000/monitoring/quality"), 200);
        assertThat(q.path("rows").size()).isGreaterThanOrEqualTo(2);
        // the demo has one enterprise whose meters went silent six hours ago
        long silent = 0;
        for (JsonNode r : q.path("rows")) {
            silent += r.path("silentMeters").asLong();
            assertThat(r.path("completeness").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(silent).isGreaterThanOrEqualTo(2);
        Client city = as("guiyang");
        assertThat(city.get("/api/v1/regions/520000/monitoring/quality").statusCode())
                .isEqualTo(403);
        assertThat(city.json(city.get("/api/v1/regions/520100/monitoring/quality"), 200)
                        .path("rows")
                        .size())
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void mqttMessagesAreStoredAndBadOnesRejected() throws Exception {
        requireTool(BROKER != null, "mosquitto");
        Client e = as("enterprise");
        String code = own(e);
        String token = demoGateway.value();
        LocalDate day = today().minusDays(3);
        e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        meter("M-01", "电力", "kWh", "INTERVAL", 1, 3600, at(day.minusDays(1), 0))),
                201);
        MqttClient client = new MqttClient(BROKER.url(), "test-gateway", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(100); // all 26 messages may be in flight on a slow machine
        client.connect(o);
        String topic = "peakline/v1/" + code + "/readings";
        for (int h = 1; h <= 24; h++) {
            String msg = "{\"token\":\"" + token + "\",\"readings\":[{\"meter\":\"M-01\",\"ts\":\"" + at(day, h * 60)
                    + "\",\"value\":" + h + "}]}";
            client.publish(topic, msg.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        client.publish(topic, "not json".getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish(
                "peakline/v1/" + own(as("enterprise2")) + "/readings",
                ("{\"token\":\"" + token + "\",\"readings\":[]}").getBytes(StandardCharsets.UTF_8),
                1,
                false);
        client.disconnect();
        client.close();
        // 1 + 2 + … + 24 = 300 kWh once all 24 are in
        long deadline = System.nanoTime() + 30_000_000_000L;
        double total = 0;
        while (System.nanoTime() < deadline) {
            worker.drain();
            JsonNode days = e.json(
                    e.get("/api/v1/enterprises/" + code + "/monitoring/days?meter=M-01&from=" + day + "&to=" + day),
                    200);
            total = days.isEmpty() ? 0 : days.get(0).path("consumption").asDouble();
            if (total == 300.0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(total).isEqualTo(300.0);
        // "not json" cannot show whose it is: counted, not filed under the enterprise its topic names; the valid token
        // sent to another enterprise's topic is filed under the token's own enterprise
        assertThat(monitoring.rejected(code, 50))
                .noneSatisfy(r -> assertThat(r.channel() + " " + r.payload()).isEqualTo("MQTT not json"));
        assertThat(refusals("MQTT", "message.malformed")).isPositive();
        assertThat(monitoring.rejected(code, 50))
                .anySatisfy(r -> assertThat(r.reason()).isEqualTo("auth.scope"));
    }

    /** Today's count of refusals of unknown senders on a channel for a reason, as the administrator sees it. */
    long refusals(String channel, String reason) {
        Client admin = as("admin");
        long n = 0;
        for (JsonNode r : admin.json(admin.get("/api/v1/monitoring/refusals?days=1"), 200)) {
            if (r.get("channel").asText().equals(channel)
                    && r.get("reason").asText().equals(reason)) {
                n += r.get("count").asLong();
            }
        }
        return n;
    }
}
