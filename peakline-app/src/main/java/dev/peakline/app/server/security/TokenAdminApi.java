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

    public TokenAdminApi(Scopes scopes, UserRepository users) {
        this.scopes = scopes;
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Every user's API tokens (never the tokens themselves); administrators only")
    public List<UserRepository.Token> all(@AuthenticationPrincipal PeaklineUser me) {
        scopes.admin(me);
        return users.allTokens();
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
