package dev.peakline.app.server;

import dev.peakline.accounting.AccountingOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The Peakline server: REST API under /api/v1, the web UI, on PostgreSQL (embedded by default). */
@SpringBootApplication
public class PeaklineServer {

    /** How the server is started: {@code ./peakline serve} translates its options into these. */
    public record Settings(
            String host,
            int port,
            String dataDir,
            boolean demo,
            double demoScale,
            int demoFromYear,
            int demoToYear,
            String dbUrl,
            String dbUser,
            String dbPassword,
            String mqttUrl,
            String mqttTopic,
            String mapsDir,
            AccountingOptions accounting) {
        public Map<String, Object> properties() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("server.port", port);
            p.put("server.address", host);
            p.put("peakline.data-dir", dataDir);
            p.put("peakline.demo.enabled", demo);
            p.put("peakline.demo.scale", demoScale);
            p.put("peakline.demo.from-year", demoFromYear);
            p.put("peakline.demo.to-year", demoToYear);
            if (dbUrl != null) {
                p.put("peakline.db.url", dbUrl);
                p.put("peakline.db.user", dbUser == null ? "" : dbUser);
                p.put("peakline.db.password", dbPassword == null ? "" : dbPassword);
            }
            if (mqttUrl != null) {
                p.put("peakline.mqtt.url", mqttUrl);
            }
            if (mqttTopic != null) {
                p.put("peakline.mqtt.topic", mqttTopic);
            }
            if (mapsDir != null) {
                p.put("peakline.maps.dir", mapsDir);
            }
            if (accounting != null) {
                p.put("peakline.accounting.guideline", accounting.guideline());
                p.put(
                        "peakline.accounting.electricity",
                        accounting.electricityBasis().name());
                p.put("peakline.accounting.convention", accounting.convention().name());
                p.put("peakline.accounting.gwp", accounting.gwpReport());
                p.put("peakline.accounting.non-co2", accounting.nonCo2Combustion());
            }
            return p;
        }
    }

    /** Starts the server and returns when it is ready. */
    public static ConfigurableApplicationContext start(Settings settings) {
        return new SpringApplicationBuilder(PeaklineServer.class)
                .properties(settings.properties())
                .run();
    }
}
