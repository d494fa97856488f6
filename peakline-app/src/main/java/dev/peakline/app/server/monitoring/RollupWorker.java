package dev.peakline.app.server.monitoring;

import dev.peakline.store.monitoring.Rollups;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Computes the queued day roll-ups in the background, about two seconds behind the readings (fewer, larger rounds leave the CPU to ingestion), on one thread.
 * The queue lives in the database with the readings, so a restart loses no roll-up; {@link #drain()} lets a caller
 * wait for the roll-ups to catch up.
 */
@Component
public class RollupWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RollupWorker.class);
    static final int CHUNK = 2000;

    private final Rollups rollups;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "peakline-rollup");
        t.setDaemon(true);
        return t;
    });

    public RollupWorker(Rollups rollups, @Value("${peakline.monitoring.rollup-interval-ms:2000}") long intervalMs) {
        this.rollups = rollups;
        executor.scheduleWithFixedDelay(this::runQuietly, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            while (rollups.runPending(CHUNK) > 0) {
                // until the queue is empty
            }
        } catch (RuntimeException e) {
            LOG.warn("day roll-up failed, retrying on the next round: {}", e.getMessage());
        }
    }

    /** Computes everything queued now, on the worker's thread, and returns when done. */
    public void drain() {
        try {
            executor.submit(this::runQuietly).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("roll-up did not finish: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
