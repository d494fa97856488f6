package dev.peakline.app.server.security;

import dev.peakline.problems.ErrorCode;
import dev.peakline.problems.Problem;
import dev.peakline.problems.Refusal;
import dev.peakline.store.users.UserRepository;
import dev.peakline.store.users.UserRepository.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's user management: list, create, change (name, role, scope, lock), reset a password, assign a
 * verifier's enterprises. Every change is audited by the repository; passwords follow {@link PasswordPolicy}.
 */
@RestController
@RequestMapping("/api/v1/admin/users")
@Tag(name = "admin", description = "administration: users, their roles, scopes and passwords")
public class UserAdminApi {
    private final Scopes scopes;
    private final UserRepository users;
    private final PasswordEncoder encoder;

    public UserAdminApi(Scopes scopes, UserRepository users, PasswordEncoder encoder) {
        this.scopes = scopes;
        this.users = users;
        this.encoder = encoder;
    }

    /** A user as administrators see it: never its password hash. */
    public record View(
            String username,
            String displayName,
            String role,
            String region,
            String enterprise,
            boolean locked,
            Set<String> verifies) {}

    /** A new user, or the changes to one (username and password are ignored on change). */
    public record UserForm(
            String username,
            String displayName,
            String role,
            String region,
            String enterprise,
            String password,
            Boolean locked,
            List<String> verifies) {}

    /** A password an administrator sets (for a user who lost theirs). */
    public record PasswordReset(String password) {}

    @GetMapping
    @Operation(summary = "Every user with role, scope and lock; administrators only")
    public List<View> list(@AuthenticationPrincipal PeaklineUser me) {
        scopes.admin(me);
        return users.list().stream().map(this::view).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a user with a role, its scope and a first password; administrators only")
    public View create(@AuthenticationPrincipal PeaklineUser me, @RequestBody UserForm f) {
        scopes.admin(me);
        List<Problem> p = new ArrayList<>();
        if (f.username() == null || !f.username().matches("[a-z0-9][a-z0-9._-]{2,49}")) {
            p.add(problem("username", "a username is 3–50 lower-case letters, digits, dots, hyphens or underscores"));
        }
        Role role = checked(f, p);
        String password = f.password();
        PasswordPolicy.problem(f.username(), password).ifPresent(why -> p.add(problem("password", why)));
        refuseIf(p);
        UserRepository.User u = users.create(
                me.actor(),
                f.username(),
                f.displayName().strip(),
                encoder.encode(password),
                role,
                role == Role.GOVERNMENT ? f.region() : null,
                role == Role.ENTERPRISE ? f.enterprise() : null);
        if (role == Role.VERIFIER && f.verifies() != null) {
            users.assign(me.actor(), u.id(), new LinkedHashSet<>(f.verifies()));
        }
        return view(users.byUsername(u.username()).orElseThrow());
    }

    @PutMapping("/{username}")
    @Operation(summary = "Changes a user's name, role, scope, lock and a verifier's enterprises; administrators only")
    public View change(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String username, @RequestBody UserForm f) {
        scopes.admin(me);
        UserRepository.User u = find(username);
        List<Problem> p = new ArrayList<>();
        Role role = checked(f, p);
        boolean locked = f.locked() != null && f.locked();
        if (u.id() == me.user().id() && (role != Role.ADMIN || locked)) {
            p.add(problem("role", "an administrator cannot demote or lock their own account"));
        }
        refuseIf(p);
        users.update(
                me.actor(),
                u.id(),
                f.displayName().strip(),
                role,
                role == Role.GOVERNMENT ? f.region() : null,
                role == Role.ENTERPRISE ? f.enterprise() : null,
                locked);
        if (role == Role.VERIFIER) {
            users.reassign(me.actor(), u.id(), f.verifies() == null ? Set.of() : new LinkedHashSet<>(f.verifies()));
        }
        return view(find(username));
    }

    @PostMapping("/{username}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Sets a user's password (the policy applies); administrators only")
    public void reset(
            @AuthenticationPrincipal PeaklineUser me, @PathVariable String username, @RequestBody PasswordReset r) {
        scopes.admin(me);
        UserRepository.User u = find(username);
        PasswordPolicy.problem(u.username(), r.password()).ifPresent(why -> {
            throw Refusal.field(ErrorCode.PASSWORD_POLICY, "password", why);
        });
        users.setPassword(me.actor(), u.id(), encoder.encode(r.password()));
    }

    private UserRepository.User find(String username) {
        return users.byUsername(username).orElseThrow(() -> Refusal.notFound("user '" + username + "'"));
    }

    /** Checks the name, role and the scope the role needs; the role, or null when it is not one. */
    private Role checked(UserForm f, List<Problem> p) {
        if (f.displayName() == null
                || f.displayName().isBlank()
                || f.displayName().length() > 100) {
            p.add(problem("displayName", "a display name has 1–100 characters"));
        }
        Role role = null;
        try {
            role = Role.valueOf(f.role() == null ? "" : f.role());
        } catch (IllegalArgumentException e) {
            p.add(problem("role", "the role is ADMIN, GOVERNMENT, ENTERPRISE or VERIFIER"));
            return null;
        }
        if (role == Role.GOVERNMENT) {
            try {
                scopes.region(f.region() == null ? "" : f.region());
            } catch (Refusal r) {
                p.add(problem("region", "a government user needs an existing region: " + r.getMessage()));
            }
        }
        if (role == Role.ENTERPRISE) {
            try {
                scopes.enterprise(f.enterprise() == null ? "" : f.enterprise());
            } catch (Refusal r) {
                p.add(problem("enterprise", "an enterprise user needs a registered enterprise: " + r.getMessage()));
            }
        }
        if (role == Role.VERIFIER && f.verifies() != null) {
            for (String e : f.verifies()) {
                try {
                    scopes.enterprise(e);
                } catch (Refusal r) {
                    p.add(problem("verifies", r.getMessage()));
                }
            }
        }
        return role;
    }

    private static Problem problem(String field, String message) {
        return Problem.at("user.invalid", "user", 0, field, message);
    }

    private static void refuseIf(List<Problem> p) {
        if (!p.isEmpty()) {
            throw Refusal.of(ErrorCode.USER_INVALID, p.size() + " problem(s); nothing was stored", p);
        }
    }

    private View view(UserRepository.User u) {
        return new View(
                u.username(),
                u.displayName(),
                u.role().name(),
                u.region(),
                u.enterprise(),
                u.locked(),
                u.role() == Role.VERIFIER ? users.assignments(u.id()) : Set.of());
    }
}
