package dev.peakline.app.server.security;

import dev.peakline.store.users.UserRepository;
import dev.peakline.store.users.UserRepository.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks users up for password logins and bearer tokens; makes and hashes tokens. */
@Component
public class Accounts implements UserDetailsService {
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Tokens start with this, so they are recognisable in logs and secret scanners. */
    public static final String TOKEN_PREFIX = "plk_";

    private final UserRepository users;

    public Accounts(UserRepository users) {
        this.users = users;
    }

    @Override
    public PeaklineUser loadUserByUsername(String username) {
        return users.byUsername(username)
                .map(this::caller)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** The caller for a bearer token, if the token is valid. */
    public Optional<PeaklineUser> byToken(String token) {
        if (!token.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        return users.bearer(hash(token))
                .filter(b -> !b.user().locked())
                .map(b -> new PeaklineUser(
                        b.user(),
                        caller(b.user()).verifies(),
                        // a token without an expiry still counts as a token: it never outlives itself
                        b.expiresAt() == null ? java.time.Instant.MAX : b.expiresAt()));
    }

    private PeaklineUser caller(UserRepository.User u) {
        return new PeaklineUser(u, u.role() == Role.VERIFIER ? users.assignments(u.id()) : Set.of());
    }

    /** A new random user token (256 bits). */
    public static String newToken() {
        return newToken(TOKEN_PREFIX);
    }

    /** A new random token (256 bits) with a prefix that says what it is for. */
    public static String newToken(String prefix) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return prefix + HexFormat.of().formatHex(b);
    }

    /** Tokens are stored as SHA-256 hashes: they are random, so a slow hash adds nothing. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
