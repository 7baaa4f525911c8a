package io.duban.bot.directory;

import io.duban.command.api.OfficialRole;

import java.util.List;

/** An active person of the directory as the bot sees them. */
public record DirectoryEntry(String userId, String name, OfficialRole role, List<String> unitIds) {

    public DirectoryEntry {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
    }
}
