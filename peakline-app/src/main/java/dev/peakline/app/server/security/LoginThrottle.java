package dev.peakline.app.server.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Limits password guessing: after {@link #PER_USER} failed logins for a username, or {@link #PER_ADDRESS} from one
 * address, within {@link #WINDOW}, further attempts are refused until the oldest failure leaves the window.
 */
@Component
public class LoginThrottle {
    public static final int PER_USER = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Seconds until an attempt is allowed again; 0 when it is allowed now. */
    public long retryAfter(String username, String address) {
        Instant now = clock.instant();
        return Math.max(wait("u:" + username, PER_USER, now), wait("a:" + address, PER_ADDRESS, now));
    }

    private long wait(String key, int limit, Instant now) {
        Deque<Instant> d = failures.get(key);
        if (d == null) {
            return 0;
        }
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst().plus(WINDOW).isBefore(now)) {
                d.pollFirst();
            }
            if (d.size() < limit) {
                return 0;
            }
            return Math.max(1, Duration.between(now, d.peekFirst().plus(WINDOW)).toSeconds());
        }
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {"u:" + username, "a:" + address}) {
            Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
            }
        }
    }

    public void succeeded(String username) {
        failures.remove("u:" + username);
    }

    /** Forgets every failure (tests, and an administrator's reset). */
    public void reset() {
        failures.clear();
    }
}
