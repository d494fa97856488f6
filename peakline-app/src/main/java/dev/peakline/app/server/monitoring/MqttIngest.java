package dev.peakline.app.server.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Subscribes to the enterprises' gateway topics on an MQTT broker ({@code peakline.mqtt.url}; nothing happens when it is
 * empty, and HTTP ingestion works alone). The topic names the enterprise ({@code peakline/v1/{enterprise}/readings} by
 * default) and the message carries the gateway token.
 *
 * <p>The session is persistent (clean session off) and subscribed at QoS 1 with manual acknowledgement: a message is
 * acknowledged to the broker only after the transaction holding its readings has committed, so a crash between
 * receipt and commit makes the broker deliver it again, and the idempotent write stores it once. Messages arriving
 * within a few milliseconds are grouped per enterprise into one transaction. A message that cannot be read or is not
 * authorised is recorded as rejected and acknowledged (sending it again would not help).
 */
@Component
public class MqttIngest implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttIngest.class);
    static final String PLACEHOLDER = "{enterprise}";

    private final Ingest ingest;
    private final String url;
    private final String template;
    private final String clientId;
    private final String user;
    private final String password;
    private final int enterpriseLevel;
    private final BlockingQueue<Arrived> queue = new ArrayBlockingQueue<>(4096);
    private volatile boolean running;
    private MqttClient client;
    private Thread drainer;

    private record Arrived(String topic, MqttMessage message) {}

    public MqttIngest(
            Ingest ingest,
            @Value("${peakline.mqtt.url:}") String url,
            @Value("${peakline.mqtt.topic:peakline/v1/{enterprise}/readings}") String template,
            @Value("${peakline.mqtt.client-id:peakline-ingest}") String clientId,
            @Value("${peakline.mqtt.user:}") String user,
            @Value("${peakline.mqtt.password:}") String password) {
        this.ingest = ingest;
        this.url = url;
        this.template = template;
        this.clientId = clientId;
        this.user = user;
        this.password = password;
        List<String> levels = List.of(template.split("/", -1));
        this.enterpriseLevel = levels.indexOf(PLACEHOLDER);
        if (enterpriseLevel < 0) {
            throw new IllegalArgumentException(
                    "peakline.mqtt.topic must have a level " + PLACEHOLDER + ": " + template);
        }
    }

    /** The subscription filter: the template with the enterprise level as a wildcard. */
    public String filter() {
        return template.replace(PLACEHOLDER, "+");
    }

    public boolean enabled() {
        return !url.isBlank();
    }

    @EventListener(ApplicationReadyEvent.class)
    public synchronized void start() throws MqttException {
        if (!enabled() || running) {
            return;
        }
        running = true;
        startDrainer();
        // the supervisor: should the consumer thread ever die, a new one takes the queue within a second
        Thread supervisor = new Thread(
                () -> {
                    while (running) {
                        try {
                            Thread.sleep(1000);
                        } catch (InterruptedException e) {
                            return;
                        }
                        supervise();
                    }
                },
                "peakline-mqtt-supervisor");
        supervisor.setDaemon(true);
        supervisor.start();
        client = new MqttClient(url, clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(new MqttCallbackExtended() {
            @Override
            public void connectComplete(boolean reconnect, String serverUri) {
                if (reconnect) {
                    subscribe();
                }
            }

            @Override
            public void connectionLost(Throwable cause) {
                LOG.warn("MQTT connection lost: {}; reconnecting", cause == null ? "" : cause.getMessage());
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
                // blocks when the queue is full, which stops reading from the broker: back-pressure, not loss
                queue.put(new Arrived(topic, message));
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {}
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxInflight(1000);
        o.setKeepAliveInterval(30);
        if (!user.isBlank()) {
            o.setUserName(user);
            o.setPassword(password.toCharArray());
        }
        client.connect(o);
        subscribe();
        LOG.info("MQTT ingest subscribed to {} on {}", filter(), url);
    }

    private synchronized void startDrainer() {
        drainer = new Thread(this::drain, "peakline-mqtt-ingest");
        drainer.setDaemon(true);
        drainer.start();
    }

    /** Restarts the consumer thread if it died; true when it had to. */
    synchronized boolean supervise() {
        if (running && (drainer == null || !drainer.isAlive())) {
            restarts++;
            LOG.error("the MQTT consumer thread had stopped; restarted ({} restarts)", restarts);
            startDrainer();
            return true;
        }
        return false;
    }

    private int restarts;

    /** The state health reports: whether ingest is on, connected, its consumer alive, its queue and restarts. */
    public java.util.Map<String, Object> state() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("enabled", enabled());
        m.put("connected", client != null && client.isConnected());
        m.put("consumerAlive", drainer != null && drainer.isAlive());
        m.put("queued", queue.size());
        m.put("restarts", restarts);
        return m;
    }

    /** Health is down when ingest is on but not connected or without a consumer. */
    public boolean healthy() {
        return !enabled()
                || !running
                || (client != null && client.isConnected() && drainer != null && drainer.isAlive());
    }

    /** For tests: stops the consumer thread as a fatal error would, leaving the supervisor to restart it. */
    public void killConsumerForTest() {
        Thread d = drainer;
        if (d != null) {
            d.interrupt();
        }
    }

    private void subscribe() {
        try {
            client.subscribe(filter(), 1);
        } catch (MqttException e) {
            LOG.warn("MQTT subscribe to {} failed: {}", filter(), e.getMessage());
        }
    }

    private void drain() {
        List<Arrived> taken = new ArrayList<>();
        while (running) {
            try {
                Arrived first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, 255);
                handle(taken);
                taken.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // the consumer never dies of one group: it is logged and the next group is taken; the group's
                // unacknowledged messages come again from the broker's persistent session after a reconnect
                LOG.error("MQTT ingest failed on a group of {} messages; going on", taken.size(), e);
                taken.clear();
            }
        }
    }

    /** Stores a group of messages, one transaction per enterprise, and acknowledges each after its commit. */
    private void handle(List<Arrived> group) throws InterruptedException {
        Map<String, List<Arrived>> byEnterprise = new LinkedHashMap<>();
        Map<String, List<Ingest.Prepared>> prepared = new LinkedHashMap<>();
        for (Arrived a : group) {
            String[] levels = a.topic().split("/", -1);
            String enterprise = enterpriseLevel < levels.length ? levels[enterpriseLevel] : "";
            try {
                Ingest.Prepared p = ingest.prepareMqtt(enterprise, a.message().getPayload());
                byEnterprise.computeIfAbsent(enterprise, k -> new ArrayList<>()).add(a);
                prepared.computeIfAbsent(enterprise, k -> new ArrayList<>()).add(p);
            } catch (Ingest.Refused r) {
                storeRetrying(() -> ingest.refuse(
                        "MQTT",
                        r.unauthorised() ? r.owner() : enterprise,
                        a.topic(),
                        r,
                        a.message().getPayload()));
                ack(a);
            } catch (RuntimeException ex) {
                // anything else a message provokes is our bug: the message is recorded and acknowledged, never
                // redelivered for ever, and the messages behind it go on
                LOG.error("MQTT message on {} could not be read", a.topic(), ex);
                storeRetrying(() -> ingest.refuse(
                        "MQTT",
                        null,
                        a.topic(),
                        new Ingest.Refused("message.unreadable", "the message could not be read", false),
                        a.message().getPayload()));
                ack(a);
            }
        }
        for (var e : byEnterprise.entrySet()) {
            storeRetrying(() -> ingest.store(
                    e.getKey(), "MQTT", "mqtt " + e.getValue().get(0).topic(), prepared.get(e.getKey())));
            for (Arrived a : e.getValue()) {
                ack(a);
            }
        }
    }

    /** Retries a write until it commits: an unacknowledged message must not be dropped while the database is away. */
    private void storeRetrying(Runnable write) throws InterruptedException {
        long backoff = 200;
        while (running) {
            try {
                write.run();
                return;
            } catch (RuntimeException ex) {
                LOG.warn("MQTT batch not stored ({}); retrying in {} ms", ex.getMessage(), backoff);
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
        throw new InterruptedException("stopped before the batch was stored");
    }

    private void ack(Arrived a) {
        try {
            client.messageArrivedComplete(a.message().getId(), a.message().getQos());
        } catch (MqttException e) {
            LOG.warn("MQTT acknowledgement failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (drainer != null) {
            drainer.interrupt();
        }
        if (client != null) {
            try {
                if (client.isConnected()) {
                    client.disconnect(2000);
                }
                client.close();
            } catch (MqttException e) {
                LOG.debug("MQTT close: {}", e.getMessage());
            }
        }
    }
}
