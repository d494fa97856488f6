package dev.peakline.app.server.security;

import dev.peakline.problems.Refusal;
import dev.peakline.store.users.UserRepository;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's view of every user's API tokens, and revocation of any of them. */
@RestController
@RequestMapping("/api/v1/admin/tokens")
@Tag(name = "admin", description = "administration: every user's API tokens")
public class TokenAdminApi {
    private final Scopes scopes;
    private final UserRepository users;
    private final dev.peakline.store.monitoring.Monitoring monitoring;
    private final dev.peakline.store.registry.EnterpriseRepository enterprises;

    public TokenAdminApi(
            Scopes scopes,
            UserRepository users,
            dev.peakline.store.monitoring.Monitoring monitoring,
            dev.peakline.store.registry.EnterpriseRepository enterprises) {
        this.scopes = scopes;
        this.users = users;
        this.monitoring = monitoring;
        this.enterprises = enterprises;
    }

    /**
     * A token as administrators see it (never the token itself): {@code API} (a user's, owner = username) or
     * {@code GATEWAY} (a metering gateway's, owner = the enterprise's credit code), with expiry and last use.
     */
    public record Listed(
            String kind,
            String owner,
            String ownerName,
            String name,
            java.time.Instant createdAt,
            java.time.Instant expiresAt,
            java.time.Instant lastUsedAt,
            boolean revoked) {}

    @GetMapping
    @Operation(summary = "Every user's API tokens (never the tokens themselves); administrators only")
    public List<UserRepository.Token> all(@AuthenticationPrincipal PeaklineUser me) {
        scopes.admin(me);
        return users.allTokens();
    }

    @GetMapping("/all")
    @Operation(
            summary = "Every API and gateway token with its owner, expiry and last use, newest first; administrators"
                    + " only")
    public List<Listed> everyToken(@AuthenticationPrincipal PeaklineUser me) {
        scopes.admin(me);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        users.list().forEach(u -> names.put(u.username(), u.displayName()));
        List<Listed> out = new java.util.ArrayList<>();
        for (UserRepository.Token t : users.allTokens()) {
            out.add(new Listed(
                    "API",
                    t.username(),
                    names.getOrDefault(t.username(), ""),
                    t.name(),
                    t.createdAt(),
                    t.expiresAt(),
                    t.lastUsedAt(),
                    t.revoked()));
        }
        var gateways = monitoring.allGatewayTokens();
        java.util.Map<String, String> enterpriseNames = enterprises.names(
                gateways.stream().map(g -> g.enterprise().value()).distinct().toList());
        for (var g : gateways) {
            out.add(new Listed(
                    "GATEWAY",
                    g.enterprise().value(),
                    enterpriseNames.getOrDefault(g.enterprise().value(), ""),
                    g.name(),
                    g.createdAt(),
                    null,
                    g.lastUsedAt(),
                    g.revoked()));
        }
        out.sort(java.util.Comparator.comparing(Listed::createdAt).reversed());
        return out;
    }

    @DeleteMapping("/{username}/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revokes a user's token of that name; administrators only")
    public void revoke(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String username, @PathVariable String name) {
        scopes.admin(me);
        UserRepository.User u =
                users.byUsername(username).orElseThrow(() -> Refusal.notFound("user '" + username + "'"));
        if (!users.revokeToken(me.actor(), u.id(), name)) {
            throw Refusal.notFound("an unrevoked token named '" + name + "' of " + username);
        }
    }
}
