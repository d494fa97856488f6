package dev.peakline.store.users;

import dev.peakline.store.AuditLog;
import dev.peakline.store.Database;
import dev.peakline.store.Tx;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Users (用户) with one role and its scope: an administrator; a government user scoped to a region subtree; an
 * enterprise user scoped to one enterprise; a verifier assigned to enterprises. Passwords and API tokens are stored
 * only as hashes made by the caller. Every change is audited.
 */
public final class UserRepository {
    public enum Role {
        ADMIN,
        GOVERNMENT,
        ENTERPRISE,
        VERIFIER
    }

    public record User(
            long id,
            String username,
            String displayName,
            String passwordHash,
            Role role,
            String region,
            String enterprise,
            boolean locked) {
        String json() {
            return "{\"id\":" + id + ",\"username\":" + AuditLog.json(username) + ",\"role\":"
                    + AuditLog.json(role.name()) + ",\"region\":" + (region == null ? "null" : AuditLog.json(region))
                    + ",\"enterprise\":" + (enterprise == null ? "null" : AuditLog.json(enterprise))
                    + ",\"displayName\":" + AuditLog.json(displayName) + ",\"locked\":" + locked + "}";
        }
    }

    private static final String SELECT =
            "select id, username, display_name, password_hash, role, region, enterprise, locked from app_user";

    private final Database db;
    private final Clock clock;

    public UserRepository(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Creates a user; the scope columns must match the role (the schema refuses otherwise). */
    public User create(
            String actor,
            String username,
            String displayName,
            String passwordHash,
            Role role,
            String region,
            String enterprise) {
        return Tx.run(db, c -> {
            long id;
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "insert into app_user (username, display_name, password_hash, role, region, enterprise)"
                                    + " values (?, ?, ?, ?, ?, ?) returning id",
                            username,
                            displayName,
                            passwordHash,
                            role.name(),
                            region,
                            enterprise);
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
            User u = new User(id, username, displayName, passwordHash, role, region, enterprise, false);
            AuditLog.record(c, clock.instant(), actor, "user.create", "user", String.valueOf(id), null, u.json());
            return u;
        });
    }

    public Optional<User> byUsername(String username) {
        return one(SELECT + " where username = ?", username);
    }

    /** A token's owner and when the token expires (null: never). */
    public record Bearer(User user, Instant expiresAt) {}

    /** The owner and expiry of an unrevoked, unexpired token with this hash. */
    public Optional<Bearer> bearer(String tokenHash) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                            c,
                            "select u.id, u.username, u.display_name, u.password_hash, u.role, u.region, u.enterprise,"
                                    + " u.locked, t.expires_at, t.last_used_at from api_token t join app_user u on"
                                    + " u.id = t.user_id"
                                    + " where t.token_hash = ? and not t.revoked and (t.expires_at is null or"
                                    + " t.expires_at > ?)",
                            tokenHash,
                            Timestamp.from(clock.instant()));
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Bearer>empty();
                }
                Timestamp expires = rs.getTimestamp(9);
                Bearer b = new Bearer(user(rs), expires == null ? null : expires.toInstant());
                touch(c, "api_token", tokenHash, rs.getTimestamp(10), clock.instant());
                return Optional.of(b);
            }
        });
    }

    /** Every user, by username (for administrators). */
    public java.util.List<User> list() {
        return Tx.run(db, c -> Tx.list(c, SELECT + " order by username", UserRepository::user));
    }

    /**
     * Changes a user's name, role, scope and lock, audited with before and after; the scope columns must match the
     * role (the schema refuses otherwise).
     */
    public User update(
            String actor, long id, String displayName, Role role, String region, String enterprise, boolean locked) {
        return Tx.run(db, c -> {
            User before;
            try (PreparedStatement ps = Tx.prepare(c, SELECT + " where id = ? for update", id);
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw dev.peakline.problems.Refusal.notFound("user " + id);
                }
                before = user(rs);
            }
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update app_user set display_name = ?, role = ?, region = ?, enterprise = ?, locked = ?"
                            + " where id = ?",
                    displayName,
                    role.name(),
                    region,
                    enterprise,
                    locked,
                    id)) {
                ps.executeUpdate();
            }
            User after = new User(
                    id, before.username(), displayName, before.passwordHash(), role, region, enterprise, locked);
            AuditLog.record(
                    c, clock.instant(), actor, "user.update", "user", String.valueOf(id), before.json(), after.json());
            return after;
        });
    }

    /** Sets a user's password hash, audited (without the hash). */
    public void setPassword(String actor, long id, String passwordHash) {
        Tx.run(db, c -> {
            try (PreparedStatement ps =
                    Tx.prepare(c, "update app_user set password_hash = ? where id = ?", passwordHash, id)) {
                if (ps.executeUpdate() == 0) {
                    throw dev.peakline.problems.Refusal.notFound("user " + id);
                }
            }
            AuditLog.record(
                    c, clock.instant(), actor, "user.password", "user", String.valueOf(id), null, "{\"changed\":true}");
            return null;
        });
    }

    private Optional<User> one(String sql, Object... args) {
        return Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(c, sql, args);
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(user(rs)) : Optional.empty();
            }
        });
    }

    private static User user(ResultSet rs) throws SQLException {
        String region = rs.getString(6);
        return new User(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                Role.valueOf(rs.getString(5)),
                region == null ? null : region.trim(),
                rs.getString(7),
                rs.getBoolean(8));
    }

    /** Makes these the verifier's enterprises: those not named lose the assignment. */
    public void reassign(String actor, long verifier, Set<String> enterprises) {
        Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "delete from verifier_assignment where user_id = ? and not (enterprise = any (?))",
                    verifier,
                    enterprises.toArray(String[]::new))) {
                ps.executeUpdate();
            }
            return null;
        });
        assign(actor, verifier, enterprises);
    }

    /** Assigns enterprises to a verifier. */
    public void assign(String actor, long verifier, Set<String> enterprises) {
        Tx.run(db, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into verifier_assignment (user_id, enterprise) values (?, ?) on conflict do nothing")) {
                for (String e : enterprises) {
                    ps.setLong(1, verifier);
                    ps.setString(2, e);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "verifier.assign",
                    "user",
                    String.valueOf(verifier),
                    null,
                    "{\"enterprises\":" + enterprises.size() + "}");
            return null;
        });
    }

    /** The enterprises assigned to a verifier. */
    public Set<String> assignments(long verifier) {
        return Tx.run(db, c -> {
            Set<String> out = new TreeSet<>();
            try (PreparedStatement ps =
                            Tx.prepare(c, "select enterprise from verifier_assignment where user_id = ?", verifier);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Stores a new API token's hash for a user. */
    public void addToken(String actor, long user, String name, String tokenHash, Instant expiresAt) {
        Tx.run(db, c -> {
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "insert into api_token (token_hash, user_id, name, expires_at) values (?, ?, ?, ?)",
                    tokenHash,
                    user,
                    name,
                    expiresAt == null ? null : Timestamp.from(expiresAt))) {
                ps.executeUpdate();
            }
            AuditLog.record(
                    c,
                    clock.instant(),
                    actor,
                    "token.create",
                    "user",
                    String.valueOf(user),
                    null,
                    "{\"token\":" + AuditLog.json(name) + "}");
            return null;
        });
    }

    /** An API token as its owner and administrators see it: never the token or its hash. */
    public record Token(
            String username,
            String name,
            Instant createdAt,
            Instant expiresAt,
            boolean revoked,
            Instant revokedAt,
            Instant lastUsedAt) {}

    /**
     * Notes a token's use, at most once a minute (so a busy client does not write on every request): nothing is written
     * when the use already noted ({@code lastUsed}, as just read; null when never) is less than a minute old.
     */
    public static void touch(java.sql.Connection c, String table, String tokenHash, Timestamp lastUsed, Instant at)
            throws SQLException {
        if (lastUsed != null && lastUsed.toInstant().isAfter(at.minusSeconds(60))) {
            return;
        }
        try (PreparedStatement ps = Tx.prepare(
                c,
                "update " + table + " set last_used_at = ? where token_hash = ? and (last_used_at is null or"
                        + " last_used_at < ?)",
                Timestamp.from(at),
                tokenHash,
                Timestamp.from(at.minusSeconds(60)))) {
            ps.executeUpdate();
        }
    }

    private static final String TOKENS =
            "select u.username, t.name, t.created_at, t.expires_at, t.revoked, t.revoked_at, t.last_used_at"
                    + " from api_token t join app_user u on u.id = t.user_id";

    private static Token token(ResultSet rs) throws SQLException {
        Timestamp expires = rs.getTimestamp(4);
        Timestamp revokedAt = rs.getTimestamp(6);
        return new Token(
                rs.getString(1),
                rs.getString(2),
                rs.getTimestamp(3).toInstant(),
                expires == null ? null : expires.toInstant(),
                rs.getBoolean(5),
                revokedAt == null ? null : revokedAt.toInstant(),
                rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant());
    }

    /** A user's tokens, newest first. */
    public java.util.List<Token> tokens(long user) {
        return Tx.run(
                db,
                c -> Tx.list(
                        c, TOKENS + " where t.user_id = ? order by t.created_at desc", UserRepository::token, user));
    }

    /** Every user's tokens (for administrators), by user and newest first. */
    public java.util.List<Token> allTokens() {
        return Tx.run(db, c -> Tx.list(c, TOKENS + " order by u.username, t.created_at desc", UserRepository::token));
    }

    /**
     * Revokes a user's unrevoked token of that name, audited; it answers 401 from the next request on (tokens are looked
     * up on every request). False when the user has no such token.
     */
    public boolean revokeToken(String actor, long user, String name) {
        return Tx.run(db, c -> {
            int n;
            try (PreparedStatement ps = Tx.prepare(
                    c,
                    "update api_token set revoked = true, revoked_at = ? where user_id = ? and name = ? and not revoked",
                    Timestamp.from(clock.instant()),
                    user,
                    name)) {
                n = ps.executeUpdate();
            }
            if (n > 0) {
                AuditLog.record(
                        c,
                        clock.instant(),
                        actor,
                        "token.revoke",
                        "user",
                        String.valueOf(user),
                        "{\"token\":" + AuditLog.json(name) + "}",
                        null);
            }
            return n > 0;
        });
    }

    public int count() {
        return Tx.run(db, (Connection c) -> Tx.count(c, "app_user"));
    }
}
