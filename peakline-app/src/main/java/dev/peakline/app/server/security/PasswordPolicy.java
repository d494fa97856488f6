package dev.peakline.app.server.security;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a password must be, after NIST SP 800-63B §5.1.1.2 (length over composition rules, a list of passwords known to
 * be guessed first, no reuse of the user's own name): 12 to 128 characters, at least 6 different characters, not
 * containing the username, not one of the commonly guessed or published passwords (including the demo's).
 */
public final class PasswordPolicy {
    public static final int MIN = 12;
    public static final int MAX = 128;

    /** Passwords that guessing tools try first, and those printed in Peakline's own documentation. */
    private static final Set<String> GUESSED_FIRST = Set.of(
            "peakline-demo",
            "password1234",
            "password12345",
            "passw0rd1234",
            "123456789012",
            "1234567890ab",
            "qwertyuiop12",
            "qwertyuiopas",
            "abcdefghijkl",
            "iloveyou1234",
            "administrator",
            "admin1234567",
            "changeme1234",
            "welcome12345",
            "letmein12345",
            "woaini123456",
            "a1b2c3d4e5f6",
            "1q2w3e4r5t6y",
            "zaq12wsxcde3");

    private PasswordPolicy() {}

    /** Why {@code password} is not acceptable for {@code username}, or empty when it is. */
    public static Optional<String> problem(String username, String password) {
        if (password == null || password.length() < MIN) {
            return Optional.of("a password has at least " + MIN + " characters");
        }
        if (password.length() > MAX) {
            return Optional.of("a password has at most " + MAX + " characters");
        }
        if (password.chars().distinct().count() < 6) {
            return Optional.of("a password needs at least 6 different characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("a password may not contain the username");
        }
        if (GUESSED_FIRST.contains(lower) || lower.startsWith("peakline")) {
            return Optional.of("this password is among the first that attackers try; choose another");
        }
        return Optional.empty();
    }
}
