package dev.peakline.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A gateway (接入端) simulator: asks the server for its enterprise's meters, fills each meter's gap since its latest
 * reading, then sends a reading per meter every tick, over HTTP, MQTT or both in turn, and prints what the server took.
 */
@Command(
        name = "gateway",
        mixinStandardHelpOptions = true,
        description =
                "Simulates an enterprise's gateway: streams its meters' readings to a Peakline server over HTTP and MQTT.")
public final class GatewayCommand implements Callable<Integer> {
    @Option(names = "--server", description = "The Peakline server (default http://localhost:8080).")
    String server = "http://localhost:8080";

    @Option(
            names = "--token",
            description = "The enterprise's gateway token (plg_…); or set PEAKLINE_GATEWAY_TOKEN.",
            defaultValue = "${env:PEAKLINE_GATEWAY_TOKEN}")
    String token;

    @Option(names = "--mqtt-url", description = "Also publish over MQTT to this broker, e.g. tcp://127.0.0.1:1883.")
    String mqttUrl;

    @Option(names = "--mqtt-topic", description = "Topic scheme (default peakline/v1/{enterprise}/readings).")
    String topic = "peakline/v1/{enterprise}/readings";

    @Option(names = "--tick", description = "Seconds between sends (default 5).")
    int tick = 5;

    @Option(names = "--duration", description = "Seconds to run (default 60; 0 runs until stopped).")
    int duration = 60;

    @Option(names = "--backfill-days", description = "At most this many days are filled before streaming (default 2).")
    int backfillDays = 2;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    /** One point as the gateway keeps it. */
    private static final class Point {
        String code;
        String kind;
        int interval;
        double value;
        long lastTs;
        double rate;
        double multiplier = 1;
        /** A data centre's meter: the simulated centre and the position it measures (null otherwise). */
        dev.peakline.datacentre.LoadCurve curve;

        dev.peakline.datacentre.Pue.Position position;
    }

    @Override
    public Integer call() throws Exception {
        if (token == null || !token.startsWith("plg_")) {
            System.err.println("--token plg_… is required (the demo prints its gateway token at start)");
            return 2;
        }
        if (tick < 1 || duration < 0 || backfillDays < 0) {
            System.err.println("--tick must be at least 1 s, --duration and --backfill-days not negative");
            return 2;
        }
        HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(server + "/ingest/v1/meters"))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            System.err.println("the server refused the token: " + r.statusCode() + " " + r.body());
            return 1;
        }
        JsonNode info = json.readTree(r.body());
        String enterprise = info.path("enterprise").asText();
        SplittableRandom random = new SplittableRandom(enterprise.hashCode());
        long now = System.currentTimeMillis();
        List<Point> points = new ArrayList<>();
        for (JsonNode m : info.path("meters")) {
            Point p = new Point();
            p.code = m.path("meter").asText();
            p.kind = m.path("kind").asText();
            p.interval = m.path("intervalSeconds").asInt();
            p.multiplier = m.path("multiplier").asDouble(1);
            p.value = m.path("latestValue").asDouble(0);
            long latest = m.has("latestTs")
                    ? Instant.parse(m.path("latestTs").asText()).toEpochMilli()
                    : 0;
            p.lastTs = Math.max(latest, now - backfillDays * 86_400_000L);
            p.lastTs -= p.lastTs % (p.interval * 1000L);
            // register units per second, so that a quarter hour adds a few to a few hundred units
            p.rate = (0.01 + random.nextDouble() * 0.2);
            if (m.has("position") && m.path("unit").asText().equals("kWh")) {
                // a data centre's meter: IT load on a daily curve, cooling on the temperature (the demo's curve)
                p.position = dev.peakline.datacentre.Pue.Position.parse(
                                m.path("position").asText())
                        .orElse(null);
                p.curve = new dev.peakline.datacentre.LoadCurve(
                        m.path("itCapacityKw").asDouble(),
                        0.6,
                        1.3,
                        m.path("itCapacityKw").asDouble() * 0.1);
            }
            points.add(p);
        }
        System.out.printf(
                "gateway of %s: %d meters%s%n", enterprise, points.size(), mqttUrl == null ? "" : ", HTTP and MQTT");
        MqttClient mqtt = null;
        if (mqttUrl != null) {
            mqtt = new MqttClient(mqttUrl, "peakline-gateway-" + enterprise, new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            o.setMaxInflight(1000);
            mqtt.connect(o);
        }
        long end = duration == 0 ? Long.MAX_VALUE : System.currentTimeMillis() + duration * 1000L;
        int sends = 0;
        while (true) {
            ObjectNode msg = json.createObjectNode();
            ArrayNode readings = msg.putArray("readings");
            long t = System.currentTimeMillis();
            for (Point p : points) {
                // every due interval since the last one sent (backfill on the first round), then the current instant
                long step = p.interval * 1000L;
                for (long ts = p.lastTs + step; ts <= t; ts += step) {
                    add(readings, p, ts, random);
                }
            }
            boolean viaMqtt = mqtt != null && sends % 2 == 1;
            String summary;
            if (readings.isEmpty()) {
                summary = "nothing due";
            } else if (viaMqtt) {
                msg.put("token", token);
                mqtt.publish(topic.replace("{enterprise}", enterprise), json.writeValueAsBytes(msg), 1, false);
                summary = "published over MQTT";
            } else {
                HttpResponse<String> res = http.send(
                        HttpRequest.newBuilder(URI.create(server + "/ingest/v1/readings"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        json.writeValueAsString(msg), StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode o = json.readTree(res.body());
                summary = res.statusCode() == 200
                        ? "HTTP: " + o.path("accepted").asInt() + " accepted, "
                                + o.path("duplicates").asInt() + " duplicates, "
                                + o.path("rejected").size() + " rejected"
                        : "HTTP " + res.statusCode() + ": " + res.body();
            }
            System.out.printf("%s  %d readings  %s%n", Instant.ofEpochMilli(t), readings.size(), summary);
            if (!readings.isEmpty()) {
                sends++;
            }
            if (System.currentTimeMillis() + tick * 1000L > end) {
                break;
            }
            Thread.sleep(tick * 1000L);
        }
        if (mqtt != null) {
            mqtt.disconnect();
            mqtt.close();
        }
        return 0;
    }

    private void add(ArrayNode readings, Point p, long ts, SplittableRandom random) {
        double amount = p.curve != null && p.position != null
                ? p.curve.kw(p.position, Instant.ofEpochMilli(ts).atZone(dev.peakline.domain.ChinaTime.ZONE))
                        * (ts - p.lastTs)
                        / 3_600_000.0
                        / p.multiplier
                : p.rate * (ts - p.lastTs) / 1000.0 * (0.8 + 0.4 * random.nextDouble());
        double value = p.kind.equals("INTERVAL") ? amount : (p.value = p.value + amount);
        ObjectNode r = readings.addObject();
        r.put("meter", p.code);
        r.put("ts", ts);
        r.put("value", Math.round(value * 1000) / 1000.0);
        p.lastTs = ts;
    }
}
