package dev.peakline.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peakline.app.server.monitoring.RollupWorker;
import dev.peakline.domain.ChinaTime;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Hostile input: the platform answers quickly and clearly, stores nothing of it, and never leaks a secret. */
class HardeningIT extends ServerTest {
    @Autowired
    RollupWorker worker;

    String own(Client c) {
        return c.json(c.get("/api/v1/me"), 200).path("enterprise").asText();
    }

    /** A zip whose one sheet part is {@code mb} MiB of spaces: a few tens of KB on the wire. */
    static byte[] bomb(int mb) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < mb; i++) {
                zip.write(spaces);
            }
        }
        return out.toByteArray();
    }

    @Test
    void aDecompressionBombIsRefusedBeforeItIsParsedAndNothingIsStored() throws Exception {
        Client ent = as("enterprise");
        String base = "/api/v1/enterprises/" + own(ent);
        byte[] bytes = bomb(200);
        assertThat(bytes.length).isLessThan(1 << 20); // 200 MiB of XML in less than 1 MiB
        JsonNode r = ent.json(ent.upload(base + "/filings/upload?period=2025-07", "bomb.xlsx", bytes), 413);
        assertThat(r.get("code").asText()).isEqualTo("upload.too_large");
        assertThat(r.get("detail").asText()).contains("expands to more than 32 MB");
        assertThat(ent.json(ent.get(base + "/filings?year=2025"), 200).toString())
                .doesNotContain("2025-07");
        // the server still answers
        assertThat(ent.get("/api/v1/me").statusCode()).isEqualTo(200);
    }

    @Test
    void aFileOfGarbageGetsAShortAnswerWithTheCountOfItsProblems() {
        Client ent = as("enterprise");
        String code = own(ent);
        StringBuilder csv = new StringBuilder("enterprise,region,industry,period,carrier,quantity,unit,use\n");
        for (int i = 0; i < 50_000; i++) {
            csv.append("x").append(i).append(",y,z,w,v,u,t,s\n");
        }
        HttpResponse<String> r = ent.upload(
                "/api/v1/enterprises/" + code + "/filings/upload?period=2025-08",
                "garbage.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        JsonNode p = ent.json(r, 422);
        assertThat(p.get("problems").size()).isEqualTo(100);
        assertThat(p.get("problemCount").asInt()).isGreaterThanOrEqualTo(50_000);
        // the answer is a small fraction of the file (≈ 1.3 MB sent)
        assertThat(r.body().length()).isLessThan(100_000);
    }

    @Test
    void aRefusedMessageIsKeptWithoutItsToken() {
        Client e = as("enterprise");
        String code = own(e);
        String token = demoGateway.value();
        String body = "{\"token\":\"" + token + "\",\"password\":\"hunter2\",\"readings\":[{";
        HttpResponse<String> r = e.send(e.builder("/ingest/v1/readings")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertThat(r.statusCode()).isEqualTo(422);
        String rejected = as("province")
                .json(as("province").get("/api/v1/enterprises/" + code + "/monitoring/rejected?limit=50"), 200)
                .toString();
        assertThat(rejected).contains("[redacted]").doesNotContain(token).doesNotContain(token.substring(4));
        assertThat(rejected).doesNotContain("hunter2");
    }

    @Test
    void aPoisonMessageOverMqttIsRecordedAndTheValidOnesBehindItAreStored() throws Exception {
        requireTool(BROKER != null, "mosquitto");
        Client e = as("enterprise");
        String code = own(e);
        LocalDate day = today().minusDays(4);
        e.json(
                e.post(
                        "/api/v1/enterprises/" + code + "/meters",
                        "{\"code\":\"Q-01\",\"name\":\"Q-01\",\"carrier\":\"电力\",\"unit\":\"kWh\",\"kind\":\"INTERVAL\","
                                + "\"multiplier\":1,\"intervalSeconds\":3600,\"installedAt\":\""
                                + day.minusDays(1).atStartOfDay(ChinaTime.ZONE).toOffsetDateTime() + "\"}"),
                201);
        String topic = "peakline/v1/" + code + "/readings";
        MqttClient client = new MqttClient(BROKER.url(), "hostile-gateway", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(100);
        client.connect(o);
        // 5,000 levels of nesting and no token; then a message of nulls and garbage; then valid readings
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        client.publish(topic, deep.getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish(topic, "{\"readings\":[null,{}],\"token\":null}".getBytes(StandardCharsets.UTF_8), 1, false);
        client.publish(topic, new byte[] {0, (byte) 0xff, 0x7b}, 1, false);
        for (int h = 1; h <= 4; h++) {
            String msg = "{\"token\":\"" + demoGateway.value() + "\",\"readings\":[{\"meter\":\"Q-01\",\"ts\":\""
                    + day.atStartOfDay(ChinaTime.ZONE).plusHours(h).toOffsetDateTime() + "\",\"value\":" + h + "}]}";
            client.publish(topic, msg.getBytes(StandardCharsets.UTF_8), 1, false);
        }
        client.disconnect();
        client.close();
        // 1 + 2 + 3 + 4 = 10 kWh once all four are in
        double total = 0;
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline && total != 10.0) {
            worker.drain();
            JsonNode days = e.json(
                    e.get("/api/v1/enterprises/" + code + "/monitoring/days?meter=Q-01&from=" + day + "&to=" + day),
                    200);
            total = days.isEmpty() ? 0 : days.get(0).path("consumption").asDouble();
            Thread.sleep(100);
        }
        assertThat(total).isEqualTo(10.0);
    }

    @Test
    void anImplausibleMeasuredValueIsRefusedWithItsRowAndNothingIsStored() {
        Client ent = as("enterprise");
        String base = "/api/v1/enterprises/" + own(ent);
        String line = "{\"carrier\":\"烟煤\",\"use\":\"燃烧\",\"amount\":\"100\",\"unit\":\"t\",\"measuredNcv\":";
        JsonNode r = ent.json(
                ent.post(
                        base + "/filings",
                        "{\"period\":\"2025-09\",\"activity\":[" + line + "\"20.1\"}," + line + "\"1e300\"}]}"),
                422);
        assertThat(r.get("code").asText()).isEqualTo("filing.invalid");
        assertThat(r.get("problems").get(0).get("code").asText()).isEqualTo("measured.implausible");
        assertThat(r.get("problems").get(0).get("row").asInt()).isEqualTo(2);
        assertThat(ent.json(ent.get(base + "/filings?year=2025"), 200).toString())
                .doesNotContain("2025-09");
    }
}
