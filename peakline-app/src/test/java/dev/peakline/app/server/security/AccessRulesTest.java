package dev.peakline.app.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The password policy and the login throttle, without a server. */
class AccessRulesTest {
    @Test
    void thePasswordPolicyTakesLengthAndRefusesTheGuessable() {
        assertThat(PasswordPolicy.problem("wang", "黔山秀水-2026-碳达峰")).isEmpty();
        assertThat(PasswordPolicy.problem("wang", "correct horse battery")).isEmpty();
        assertThat(PasswordPolicy.problem("wang", "short1!"))
                .hasValueSatisfying(w -> assertThat(w).contains("12"));
        assertThat(PasswordPolicy.problem("wang", "x".repeat(129)))
                .hasValueSatisfying(w -> assertThat(w).contains("128"));
        assertThat(PasswordPolicy.problem("wang", "abababababab"))
                .hasValueSatisfying(w -> assertThat(w).contains("6 different"));
        assertThat(PasswordPolicy.problem("wangfang", "my-WANGFANG-2026"))
                .hasValueSatisfying(w -> assertThat(w).contains("username"));
        assertThat(PasswordPolicy.problem("wang", "Password1234"))
                .hasValueSatisfying(w -> assertThat(w).contains("first that attackers try"));
        assertThat(PasswordPolicy.problem("wang", "peakline-demo-2")).isPresent();
        assertThat(PasswordPolicy.problem("wang", null)).isPresent();
    }

    @Test
    void guessingFromOneAddressDoesNotLockTheUserOutElsewhere() {
        LoginThrottle t = new LoginThrottle(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            t.failed("admin", "203.0.113.9");
        }
        assertThat(t.retryAfter("admin", "203.0.113.9")).isEqualTo(LoginThrottle.WINDOW.toSeconds());
        assertThat(t.retryAfter("admin", "198.51.100.7")).isZero();
        // the attacker's address is limited for every username once it reaches PER_ADDRESS
        for (int i = 0; i < LoginThrottle.PER_ADDRESS; i++) {
            t.failed("user" + i, "203.0.113.9");
        }
        assertThat(t.retryAfter("someone-else", "203.0.113.9")).isPositive();
    }

    @Test
    void ipv6AddressesCountByTheirSlash64() {
        assertThat(LoginThrottle.network("2001:db8:1:2:aaaa::1"))
                .isEqualTo(LoginThrottle.network("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(LoginThrottle.network("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.network("2001:db8:1:2::1"));
        assertThat(LoginThrottle.network("192.0.2.1")).isEqualTo("192.0.2.1");
        LoginThrottle t = new LoginThrottle(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
        for (int i = 0; i < LoginThrottle.PER_USER; i++) {
            t.failed("admin", "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }
        assertThat(t.retryAfter("admin", "2001:db8:1:2::ffff")).isPositive();
    }
}
