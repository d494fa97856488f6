package dev.peakline.app.server.security;

import dev.peakline.store.users.UserRepository.Role;
import dev.peakline.store.users.UserRepository.User;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in caller: the stored user, for a verifier the enterprises assigned to it, and when the caller came with
 * an API token, when that token expires ({@code null} for a signed-in session).
 */
public record PeaklineUser(User user, Set<String> verifies, java.time.Instant tokenExpires) implements UserDetails {
    public PeaklineUser {
        verifies = Set.copyOf(verifies);
    }

    public PeaklineUser(User user, Set<String> verifies) {
        this(user, verifies, null);
    }

    /** Whether the caller came with an API token rather than a signed-in session. */
    public boolean viaToken() {
        return tokenExpires != null;
    }

    public Role role() {
        return user.role();
    }

    public String actor() {
        return user.username();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name()));
    }

    @Override
    public String getPassword() {
        return user.passwordHash();
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isAccountNonLocked() {
        return !user.locked();
    }
}
