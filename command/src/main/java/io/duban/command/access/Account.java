package io.duban.command.access;

import io.duban.command.api.Role;

import java.util.List;

/**
 * A configured login. The password is stored encoded ({@code {bcrypt}…}); {@code {noop}} is accepted only so the
 * embedded default can ship documented demo accounts.
 *
 * @param units canonical unit names (e.g. 自治区财政厅) for role UNIT
 */
public record Account(String username, String password, String name, Role role, List<String> units) {

    public Account {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
