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
 * Limits password guessing: after {@link #PER_USER} failed logins for a username from one address, or
 * {@link #PER_ADDRESS} from one address for any usernames, within {@link #WINDOW}, further attempts from that address
 * are refused until the oldest failure leaves the window. A username is never locked for everyone: someone guessing
 * {@code admin}'s password from one place does not lock the administrator out everywhere else. IPv6 addresses count by
 * their /64 network, so that a host cannot step around the limit by changing the low bits of its address.
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
        String a = network(address);
        return Math.max(wait("u:" + username + "@" + a, PER_USER, now), wait("a:" + a, PER_ADDRESS, now));
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
        String a = network(address);
        for (String key : new String[] {"u:" + username + "@" + a, "a:" + a}) {
            Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (d) {
                d.addLast(now);
            }
        }
    }

    public void succeeded(String username, String address) {
        failures.remove("u:" + username + "@" + network(address));
    }

    /** The address an attempt is counted under: an IPv4 address itself, an IPv6 address's /64 network. */
    static String network(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address == null ? "" : address;
        }
        try {
            byte[] b = java.net.InetAddress.getByName(address).getAddress();
            if (b.length != 16) {
                return address;
            }
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 8; i += 2) {
                s.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff)))
                        .append(':');
            }
            return s.append(":/64").toString();
        } catch (java.net.UnknownHostException e) {
            return address;
        }
    }

    /** Forgets every failure (tests, and an administrator's reset). */
    public void reset() {
        failures.clear();
    }
}
