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

    @Autowired
    dev.peakline.app.server.monitoring.MqttIngest mqtt;

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
    void theFaviconIsServedToAnyone() {
        // every page asked for /favicon.ico and logged a console error when it was missing
        byte[] icon = new Client().getBytes("/favicon.ico");
        assertThat(icon).startsWith(0, 0, 1, 0); // an ICO header: reserved 0, type 1 (icon)
        assertThat(icon.length).isGreaterThan(22);
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
        e.json(e.post("/api/v1/enterprises/" + code + "/meters", hourlyKwhMeter("Q-01", day.minusDays(1))), 201);
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

    @Autowired
    dev.peakline.store.Database db;

    long count(String sql) {
        try (var c = db.connection();
                var st = c.createStatement();
                var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The demo gateway's POST of readings. */
    HttpResponse<String> ingest(Client c, String contentType, String body) {
        return ingest(c, demoGateway.value(), contentType, body);
    }

    @Test
    void datesOutside2000To2100AreRefusedEverywhereAndMakeNoPartition() {
        Client ent = as("enterprise");
        String code = own(ent);
        String base = "/api/v1/enterprises/" + code;
        JsonNode meter = ent.json(
                ent.post(
                        base + "/meters",
                        "{\"code\":\"OLD-1970\",\"name\":\"旧表\",\"carrier\":\"电力\",\"unit\":\"kWh\","
                                + "\"kind\":\"INTERVAL\",\"installedAt\":\"1970-01-01T00:00:00+08:00\"}"),
                422);
        assertThat(meter.get("problems").get(0).get("column").asText()).isEqualTo("installedAt");
        assertThat(meter.get("problems").get(0).get("message").asText()).contains("outside 2000–2100");
        assertThat(ent.json(ent.get(base + "/meters"), 200).toString()).doesNotContain("OLD-1970");

        // readings of 1970 (ISO and epoch milliseconds) and of year 9999 are rejected one by one, the batch goes on
        String meterCode =
                ent.json(ent.get(base + "/meters"), 200).get(0).get("code").asText();
        JsonNode r = ent.json(
                ingest(
                        ent,
                        "application/json",
                        "{\"readings\":[{\"meter\":\"" + meterCode
                                + "\",\"ts\":\"1970-01-01T00:15:00+08:00\",\"value\":1},"
                                + "{\"meter\":\"" + meterCode + "\",\"ts\":0,\"value\":1},"
                                + "{\"meter\":\"" + meterCode
                                + "\",\"ts\":\"9999-12-31T00:00:00+08:00\",\"value\":1}]}"),
                200);
        assertThat(r.get("accepted").asInt()).isZero();
        assertThat(r.get("rejected").size()).isEqualTo(3);
        assertThat(r.get("rejected").toString()).contains("outside 2000–2100");
        assertThat(count("select count(*) from pg_class where relname in ('reading_1970_01', 'reading_9999_12')"))
                .isZero();

        // reconciling 1970-01 is refused before anything is read or drafted
        JsonNode rec = ent.json(ent.post(base + "/monitoring/reconcile?period=1970-01", ""), 422);
        assertThat(rec.get("code").asText()).isEqualTo("period");
        assertThat(count("select count(*) from filing where period = '1970-01'"))
                .isZero();

        // a date beyond PostgreSQL's range is a clear refusal, not an error of the database
        Client admin = as("admin");
        JsonNode far = admin.json(
                admin.post(
                        "/api/v1/factor-sets/activations",
                        "{\"region\":\"520000\",\"activeFrom\":\"+300000-01-01\",\"setId\":\"peakline-reference\","
                                + "\"setVersion\":\"" + dev.peakline.reference.FactorSetLoader.SHIPPED_VERSION + "\"}"),
                422);
        assertThat(far.get("problems").get(0).get("column").asText()).isEqualTo("activeFrom");
    }

    @Test
    void malformedJsonAnswers4xxNamingTheField() {
        Client ent = as("enterprise");
        String base = "/api/v1/enterprises/" + own(ent);
        JsonNode nul = ent.json(ent.post(base + "/filings", "{\"period\":\"2025-10\",\"activity\":[null]}"), 400);
        assertThat(nul.get("problems").get(0).get("column").asText()).isEqualTo("activity[0]");
        assertThat(nul.get("problems").get(0).get("column").asText()).isEqualTo("activity[0]");

        JsonNode control = ent.json(
                ent.post(
                        base + "/filings",
                        "{\"period\":\"2025-10\",\"activity\":[{\"carrier\":\"烟\\u0000煤\",\"use\":\"燃烧\","
                                + "\"amount\":\"1\",\"unit\":\"t\"}]}"),
                400);
        assertThat(control.get("problems").get(0).get("column").asText()).isEqualTo("activity[0].carrier");
        assertThat(control.get("detail").asText()).contains("U+0000");

        Client province = as("province");
        String huge = "项".repeat(1_000_000);
        HttpResponse<String> big = province.post(
                "/api/v1/projects",
                "{\"name\":\"" + huge + "\",\"region\":\"520181\",\"industry\":\"3216\",\"product\":\"电解铝\"}");
        JsonNode b = province.json(big, 400);
        assertThat(b.get("problems").get(0).get("column").asText()).isEqualTo("name");
        assertThat(big.body().length()).isLessThan(5_000); // the answer does not repeat the text

        JsonNode param = ent.json(ent.get(base + "/filings?year=2025&q=a%00b"), 400);
        assertThat(param.get("problems").get(0).get("column").asText()).isEqualTo("q");

        JsonNode hex = ent.json(
                ent.post(
                        base + "/filings",
                        "{\"period\":\"2025-10\",\"activity\":[{\"carrier\":\"烟煤\",\"use\":\"燃烧\","
                                + "\"amount\":\"0x1p3\",\"unit\":\"t\"}]}"),
                422);
        assertThat(hex.get("problems").get(0).get("code").asText()).isEqualTo("number.format");
        assertThat(ent.json(ent.get(base + "/filings?year=2025"), 200).toString())
                .doesNotContain("2025-10");
    }

    @Test
    void unevenNulAndGbkFilesAreRefusedWithTheirRowAndNothingIsStored() {
        Client ent = as("enterprise");
        String code = own(ent);
        String base = "/api/v1/enterprises/" + code;
        String header = "enterprise,region,industry,period,carrier,quantity,unit,use\n";
        String row = code + ",520181,3216,2025-11,烟煤,100,t,燃烧";
        JsonNode uneven = ent.json(
                ent.upload(
                        base + "/filings/upload?period=2025-11",
                        "uneven.csv",
                        (header + row + "\n" + row + ",surplus\n").getBytes(StandardCharsets.UTF_8)),
                422);
        assertThat(uneven.get("code").asText()).isEqualTo("upload.shape");
        assertThat(uneven.get("problems").get(0).get("row").asInt()).isEqualTo(3);

        JsonNode nul = ent.json(
                ent.upload(
                        base + "/filings/upload?period=2025-11",
                        "nul.csv",
                        (header + row.replace("烟煤", "烟\u0000煤") + "\n").getBytes(StandardCharsets.UTF_8)),
                422);
        assertThat(nul.get("problems").get(0).get("column").asText()).isEqualTo("E");

        JsonNode gbk = ent.json(
                ent.upload(
                        base + "/filings/upload?period=2025-11",
                        "gbk.csv",
                        (header + row + "\n").getBytes(java.nio.charset.Charset.forName("GBK"))),
                422);
        assertThat(gbk.get("code").asText()).isEqualTo("upload.encoding");
        assertThat(gbk.get("detail").asText()).contains("not UTF-8 (line 2");
        assertThat(ent.json(ent.get(base + "/filings?year=2025"), 200).toString())
                .doesNotContain("2025-11");
    }

    @Test
    void meterCsvWithBomEpochMillisAndAnUnevenRowStoresTheGoodRows() {
        Client ent = as("enterprise");
        String code = own(ent);
        LocalDate day = today().minusDays(6);
        ent.json(ent.post("/api/v1/enterprises/" + code + "/meters", hourlyKwhMeter("CSV-01", day.minusDays(1))), 201);
        long t1 = day.atStartOfDay(ChinaTime.ZONE).plusHours(1).toInstant().toEpochMilli();
        String csv = "\uFEFFmeter,ts,value\n"
                + "CSV-01," + t1 + ",5\n"
                + "CSV-01," + day.atStartOfDay(ChinaTime.ZONE).plusHours(2).toOffsetDateTime() + ",7,surplus\n"
                + "CSV-01," + day.atStartOfDay(ChinaTime.ZONE).plusHours(3).toOffsetDateTime() + ",0x1p3\n"
                + "CSV-01," + day.atStartOfDay(ChinaTime.ZONE).plusHours(4).toOffsetDateTime() + ",2.5\n";
        JsonNode r = ent.json(ingest(ent, "text/csv", csv), 200);
        assertThat(r.get("accepted").asInt()).isEqualTo(2); // hours 1 and 4
        assertThat(r.get("rejected").toString()).contains("row.shape", "reading.value");

        JsonNode gbk = ent.json(
                ent.send(ent.builder("/ingest/v1/readings")
                        .header("Authorization", "Bearer " + demoGateway.value())
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(
                                "meter,ts,value\n电表,1,1\n".getBytes(java.nio.charset.Charset.forName("GBK"))))),
                422);
        assertThat(gbk.toString()).contains("not UTF-8");
    }

    @Test
    void ofTenConcurrentWritersOfOneDraftOneWinsAndNineAreToldItIsStale() throws Exception {
        Client ent = as("enterprise");
        String base = "/api/v1/enterprises/" + own(ent);
        String line = "{\"carrier\":\"天然气\",\"use\":\"燃烧\",\"unit\":\"万Nm3\",\"amount\":\"";
        long id = ent.json(ent.post(base + "/filings", "{\"period\":\"2023-07\",\"activity\":[" + line + "1\"}]}"), 201)
                .get("id")
                .asLong();
        String path = "/api/v1/filings/" + id;
        HttpResponse<String> read = ent.get(path);
        String etag = read.headers().firstValue("ETag").orElseThrow();
        assertThat(etag).isEqualTo("\"" + id + ".1\"");

        // without If-Match nothing is overwritten blindly
        assertThat(ent.json(ent.put(path, "{\"activity\":[" + line + "2\"}]}"), 428)
                        .get("code")
                        .asText())
                .isEqualTo("filing.precondition");

        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
        for (int w = 1; w <= 10; w++) {
            String amount = String.valueOf(10 + w);
            answers.add(pool.submit(() -> ent.send(ent.builder(path)
                    .header("Content-Type", "application/json")
                    .header("If-Match", etag)
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"activity\":[" + line + amount + "\"}]}")))));
        }
        java.util.List<Integer> codes = new java.util.ArrayList<>();
        for (var a : answers) {
            codes.add(a.get().statusCode());
        }
        pool.shutdown();
        assertThat(codes).filteredOn(c -> c == 200).hasSize(1);
        assertThat(codes).filteredOn(c -> c == 409).hasSize(9);
        // the one that won is what is stored, at revision 2
        JsonNode now = ent.json(ent.get(path), 200);
        assertThat(now.get("filing").get("revision").asInt()).isEqualTo(2);
        String winner = now.get("content").get("activity").get(0).get("amount").asText();
        assertThat(new java.math.BigDecimal(winner).intValue()).isBetween(11, 20);
        // a stale tag is refused with the code the UI shows as "reload"
        JsonNode stale = ent.json(
                ent.send(ent.builder(path)
                        .header("Content-Type", "application/json")
                        .header("If-Match", etag)
                        .PUT(HttpRequest.BodyPublishers.ofString("{\"activity\":[" + line + "99\"}]}"))),
                409);
        assertThat(stale.get("code").asText()).isEqualTo("filing.stale");
    }

    /** A malformed message of one of twenty kinds, drawn from a seeded generator (the same 1,000 every run). */
    static byte[] malformed(java.util.Random rnd, int i, String token) {
        String t = "\"token\":\"" + token + "\"";
        String s = switch (i % 20) {
            case 0 -> null;
            case 1 -> "{\"readings\":[{\"meter\":";
            case 2 -> "[".repeat(1 + rnd.nextInt(10_000));
            case 3 -> "{" + t + ",\"readings\":\"x\"}";
            case 4 -> "{" + t + ",\"readings\":[1,2,3]}";
            case 5 -> "{" + t + ",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":{},\"value\":1}]}";
            case 6 ->
                "{" + t + ",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":\"2026-13-45T99:00:00+08:00\",\"value\":1}]}";
            case 7 -> "{" + t + ",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":1e400,\"value\":1}]}";
            case 8 -> "{" + t + ",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":0,\"value\":\"abc\"}]}";
            case 9 -> "{" + t + ",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":0,\"value\":" + "9".repeat(99) + "}]}";
            case 10 -> "{\"token\":12,\"readings\":[]}";
            case 11 -> "{\"token\":[\"" + token + "\"],\"readings\":[]}";
            case 12 -> "{" + t + ",\"readings\":[{\"meter\":\"" + "x".repeat(100_000) + "\",\"ts\":0,\"value\":1}]}";
            case 13 -> "{" + t + ",\"readings\":[{\"meter\":\"FZ-\\u0000\",\"ts\":0,\"value\":1}]}";
            case 14 -> "{" + t + ",\"statistics\":[{\"meter\":\"FZ-01\",\"period\":\"week\",\"ts\":0,\"value\":1}]}";
            case 15 ->
                "{" + t + ",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":\"1970-01-01T00:00:00+08:00\",\"value\":-1}]}";
            case 16 -> "\uFEFF{" + t + ",\"readings\":null}";
            case 17 ->
                "{" + t
                        + ",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":\"2026-01-01T00:00:00+08:00\",\"value\":1,\"unit\":\"MWh\"}]}";
            case 18 -> "{\"token\":\"plg_" + Long.toHexString(rnd.nextLong()) + "\",\"readings\":[]}";
            default -> "{" + t + ",\"readings\":[" + "{},".repeat(rnd.nextInt(50)) + "null]}";
        };
        if (s == null) {
            byte[] b = new byte[1 + rnd.nextInt(512)];
            rnd.nextBytes(b);
            return b;
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theMqttConsumerSurvivesAThousandMalformedMessagesAndStoresEveryValidOneBetweenThem() throws Exception {
        requireTool(BROKER != null, "mosquitto");
        Client e = as("enterprise");
        String code = own(e);
        LocalDate day = today().minusDays(12);
        e.json(e.post("/api/v1/enterprises/" + code + "/meters", hourlyKwhMeter("FZ-01", day.minusDays(1))), 201);
        // the consumer thread dies as a fatal error would kill it: the supervisor starts another within a second
        int restarts = (int) mqtt.state().get("restarts");
        mqtt.killConsumerForTest();
        String topic = "peakline/v1/" + code + "/readings";
        MqttClient client = new MqttClient(BROKER.url(), "fuzzing-gateway", new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        o.setMaxInflight(1000);
        client.connect(o);
        java.util.Random rnd = new java.util.Random(20261128L);
        int valid = 0;
        for (int i = 0; i < 1_000; i++) {
            client.publish(topic, malformed(rnd, i, demoGateway.value()), 1, false);
            if (i % 20 == 19) {
                // one valid reading of 1 kWh, each in its own hour of three days
                String msg = "{\"token\":\"" + demoGateway.value() + "\",\"readings\":[{\"meter\":\"FZ-01\",\"ts\":\""
                        + day.atStartOfDay(ChinaTime.ZONE).plusHours(1 + valid).toOffsetDateTime()
                        + "\",\"value\":1}]}";
                client.publish(topic, msg.getBytes(StandardCharsets.UTF_8), 1, false);
                valid++;
            }
        }
        client.disconnect();
        client.close();
        assertThat(valid).isEqualTo(50);
        // every valid reading stored: 50 × 1 kWh over the three days
        double total = 0;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline && total != 50.0) {
            worker.drain();
            total = 0;
            for (JsonNode d : e.json(
                    e.get("/api/v1/enterprises/" + code + "/monitoring/days?meter=FZ-01&from=" + day + "&to="
                            + day.plusDays(3)),
                    200)) {
                total += d.path("consumption").asDouble();
            }
            Thread.sleep(200);
        }
        assertThat(total).isEqualTo(50.0);
        // the consumer is alive, was restarted once, and the health says so (with details for an administrator)
        assertThat((int) mqtt.state().get("restarts")).isEqualTo(restarts + 1);
        assertThat(mqtt.healthy()).isTrue();
        JsonNode health = as("admin").json(as("admin").get("/actuator/health"), 200);
        assertThat(health.path("components")
                        .path("mqtt")
                        .path("details")
                        .path("consumerAlive")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void oversizeAndMalformedAnswersCarryACodeAndPagesSendNoReferrerAbroad() {
        Client ent = as("enterprise");
        String base = "/api/v1/enterprises/" + own(ent);
        JsonNode big =
                ent.json(ent.upload(base + "/filings/upload?period=2025-10", "big.csv", new byte[11 << 20]), 413);
        assertThat(big.get("code").asText()).isEqualTo("upload.too_large");
        JsonNode broken = ent.json(ent.post(base + "/filings", "{\"period\":"), 400);
        assertThat(broken.get("code").asText()).isEqualTo("malformed");
        HttpResponse<String> page = ent.get("/dashboard.html");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    }

    @Test
    void aVerifierReconcilesWithoutDraftingTheEnterprisesMonth() {
        Client ent = as("enterprise");
        String code = own(ent);
        String period = thisMonth().minusMonths(1).toString();
        Client ver = as("verifier");
        HttpResponse<String> r = ver.post("/api/v1/enterprises/" + code + "/monitoring/reconcile?period=" + period, "");
        assertThat(r.statusCode()).as(r.body()).isIn(200, 422);
        // whatever the meters showed, no draft of the verifier's stands in the enterprise's way
        assertThat(count("select count(*) from filing where enterprise = '" + code + "' and period = '" + period
                        + "' and source = 'METERS'"))
                .isZero();
    }

    @Test
    void eachLineCarriesItsDataQualityToTheVerifier() {
        Client ent = as("enterprise");
        String base = "/api/v1/enterprises/" + own(ent);
        String line = "{\"carrier\":\"天然气\",\"use\":\"燃烧\",\"amount\":\"3\",\"unit\":\"万Nm3\",\"quality\":";
        JsonNode bad = ent.json(
                ent.post(base + "/filings", "{\"period\":\"2023-09\",\"activity\":[" + line + "\"大概\"}]}"), 422);
        assertThat(bad.get("problems").get(0).get("column").asText()).isEqualTo("quality");
        long id = ent.json(
                        ent.post(base + "/filings", "{\"period\":\"2023-09\",\"activity\":[" + line + "\"实测\"}]}"), 201)
                .get("id")
                .asLong();
        JsonNode detail = as("verifier").json(as("verifier").get("/api/v1/filings/" + id), 200);
        assertThat(detail.get("content").get("activity").get(0).get("quality").asText())
                .isEqualTo("MEASURED");
    }
}
