package io.duban.command.access;

import io.duban.command.api.Role;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** An authenticated person: Spring Security authority ROLE_UNIT / ROLE_OFFICE / ROLE_INSPECTOR plus unit ids. */
public record DubanUser(String username, String password, String name, Role role, Set<String> unitIds)
        implements UserDetails {

    public DubanUser {
        unitIds = Set.copyOf(unitIds);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return password;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        // never print the password hash
        return "DubanUser[" + username + ", " + role + ", " + unitIds + "]";
    }
}
