package io.duban.console.session;

import io.duban.command.api.Role;

import java.util.Set;

/**
 * The signed-in person as the console shows and uses them.
 *
 * @param name    display name (e.g. 领导小组办公室); user text, always escaped
 * @param unitIds units the person acts for (role UNIT only)
 */
public record ConsoleUser(String username, String name, Role role, Set<String> unitIds) {

    public ConsoleUser {
        unitIds = unitIds == null ? Set.of() : Set.copyOf(unitIds);
    }

    /** The role as the header shows it. */
    public String roleLabel() {
        return switch (role) {
            case OFFICE -> "办公室";
            case INSPECTOR -> "督查（只读）";
            case UNIT -> "责任单位";
            case OPERATOR -> "运维";
        };
    }
}
