package dev.peakline.app.server.monitoring;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} includes MQTT ingest: down while enabled but disconnected or without its consumer. */
@Component("mqtt")
public class MqttHealth implements HealthIndicator {
    private final MqttIngest mqtt;

    public MqttHealth(MqttIngest mqtt) {
        this.mqtt = mqtt;
    }

    @Override
    public Health health() {
        return (mqtt.healthy() ? Health.up() : Health.down())
                .withDetails(mqtt.state())
                .build();
    }
}
