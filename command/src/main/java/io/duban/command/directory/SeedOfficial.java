package io.duban.command.directory;

import io.duban.command.api.OfficialRole;

import java.util.List;

/** One line of the directory seed file: units by canonical name, as people write them. */
public record SeedOfficial(String userId, String name, OfficialRole role, List<String> units) {

    public SeedOfficial {
        units = units == null ? List.of() : List.copyOf(units);
    }
}
