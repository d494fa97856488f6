package dev.peakline.app.server.monitoring;

import dev.peakline.monitoring.Meter;
import dev.peakline.store.monitoring.MeterRepository;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The ingest path's view of the meter registry: per enterprise, each point's devices by installation, so that a
 * reading finds the device that was in service at its timestamp without a query. Changed by the registry API, which
 * drops the enterprise's entry.
 */
@Component
public class MeterDirectory {
    private final MeterRepository meters;
    private final Map<String, Map<String, List<Meter>>> cache = new ConcurrentHashMap<>();

    public MeterDirectory(MeterRepository meters) {
        this.meters = meters;
    }

    /** The enterprise's points, each with its devices oldest first. */
    public Map<String, List<Meter>> points(String enterprise) {
        return cache.computeIfAbsent(enterprise, e -> {
            Map<String, List<Meter>> points = new LinkedHashMap<>();
            for (Meter m : meters.ofEnterprises(List.of(e))) {
                points.computeIfAbsent(m.code(), k -> new ArrayList<>()).add(m);
            }
            points.replaceAll((k, v) -> List.copyOf(v));
            return Collections.unmodifiableMap(points);
        });
    }

    /** The device at a point at an instant (epoch ms), if one was in service. */
    public Optional<Meter> at(String enterprise, String code, long epochMillis) {
        List<Meter> devices = points(enterprise).get(code);
        if (devices == null) {
            return Optional.empty();
        }
        // the later device wins at the instant of a swap: the old one's final and the new one's initial reading
        // were both written by the registry, and new readings at that instant belong to the new device
        for (int i = devices.size() - 1; i >= 0; i--) {
            Meter m = devices.get(i);
            long installed = m.installedAt().toEpochMilli();
            long removed =
                    m.removedAt() == null ? Long.MAX_VALUE : m.removedAt().toEpochMilli();
            if (epochMillis >= installed && epochMillis < removed) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }

    /** A merge moved the meters of one enterprise to another. */
    @org.springframework.context.event.EventListener
    public void merged(dev.peakline.app.server.registry.EnterprisesMerged m) {
        invalidate(m.from());
        invalidate(m.into());
    }

    public void invalidate(String enterprise) {
        cache.remove(enterprise);
    }
}
