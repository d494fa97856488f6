package dev.peakline.app.server.security;

import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Refusal;
import dev.peakline.store.users.UserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller: who it is, where its pages start, and its API tokens. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "me", description = "the signed-in user and its API tokens")
public class MeApi {
    private final Scopes scopes;
    private final UserRepository users;
    private final Clock clock;
    private final org.springframework.security.crypto.password.PasswordEncoder encoder;

    public MeApi(
            Scopes scopes,
            UserRepository users,
            Clock clock,
            org.springframework.security.crypto.password.PasswordEncoder encoder) {
        this.scopes = scopes;
        this.users = users;
        this.clock = clock;
        this.encoder = encoder;
    }

    @GetMapping
    @Operation(summary = "The signed-in user, its role and scope")
    public Map<String, Object> me(@AuthenticationPrincipal PeaklineUser me) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", me.getUsername());
        m.put("displayName", me.user().displayName());
        m.put("role", me.role().name());
        m.put("region", me.user().region());
        m.put("enterprise", me.user().enterprise());
        m.put("verifies", me.verifies().size());
        // today in Beijing by the server's clock: pages take "this month" and "this year" from it, never the browser's
        m.put(
                "today",
                java.time.LocalDate.now(clock.withZone(dev.peakline.domain.ChinaTime.ZONE))
                        .toString());
        scopes.home(me).ifPresent(h -> m.put("homeRegion", h));
        return m;
    }

    /** A new token request: a name and a lifetime in days (1–365). */
    public record TokenRequest(String name, Integer days) {}

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Creates an API token for the caller; the token is shown once",
            description = "From a signed-in session any lifetime of 1–365 days; from an API token only a token that"
                    + " expires no later than the caller's own (403 token.lifetime otherwise).")
    public Map<String, Object> token(@AuthenticationPrincipal PeaklineUser me, @RequestBody TokenRequest req) {
        if (req.name() == null || req.name().isBlank() || req.name().length() > 100) {
            throw Refusal.field(ErrorCode.TOKEN_NAME, "name", "give the token a name of 1–100 characters");
        }
        int days = req.days() == null ? 90 : req.days();
        if (days < 1 || days > 365) {
            throw Refusal.field(ErrorCode.TOKEN_DAYS, "days", "a token lives 1 to 365 days");
        }
        Instant expires = clock.instant().plus(Duration.ofDays(days));
        if (me.viaToken() && expires.isAfter(me.tokenExpires())) {
            throw Refusal.of(
                    ErrorCode.TOKEN_LIFETIME,
                    "a token can only make tokens that expire no later than itself (" + me.tokenExpires()
                            + "); sign in to make a longer one");
        }
        String token = Accounts.newToken();
        users.addToken(me.actor(), me.user().id(), req.name().strip(), Accounts.hash(token), expires);
        return Map.of("token", token, "name", req.name().strip(), "expiresAt", expires.toString());
    }

    @GetMapping("/tokens")
    @Operation(summary = "The caller's API tokens: names, creation, expiry and revocation (never the tokens)")
    public List<UserRepository.Token> tokens(@AuthenticationPrincipal PeaklineUser me) {
        return users.tokens(me.user().id());
    }

    /** A password change: the current password and the new one. */
    public record PasswordChange(String current, String password) {}

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Changes the caller's password (signed-in session only, with the current password)",
            description = "The new password has 12–128 characters, at least 6 different ones, does not contain the"
                    + " username and is not among the passwords tried first.")
    public void password(@AuthenticationPrincipal PeaklineUser me, @RequestBody PasswordChange req) {
        if (me.viaToken()) {
            throw Refusal.forbidden("a password is changed by its owner signed in, never with an API token");
        }
        if (req.current() == null || !encoder.matches(req.current(), me.user().passwordHash())) {
            throw Refusal.field(ErrorCode.PASSWORD_CURRENT, "current", "the current password is not right");
        }
        PasswordPolicy.problem(me.getUsername(), req.password()).ifPresent(why -> {
            throw Refusal.field(ErrorCode.PASSWORD_POLICY, "password", why);
        });
        if (encoder.matches(req.password(), me.user().passwordHash())) {
            throw Refusal.field(ErrorCode.PASSWORD_POLICY, "password", "the new password is the current one");
        }
        users.setPassword(me.actor(), me.user().id(), encoder.encode(req.password()));
    }

    @DeleteMapping("/tokens/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes the caller's token of that name; it answers 401 from the next request on")
    public void revoke(@AuthenticationPrincipal PeaklineUser me, @PathVariable String name) {
        if (!users.revokeToken(me.actor(), me.user().id(), name)) {
            throw Refusal.notFound("an unrevoked token named '" + name + "'");
        }
    }
}
