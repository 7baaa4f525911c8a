package io.duban.command.api;

import java.util.List;

/** A person was put in the directory (or their details changed): from now on they may act for these units. */
public record OfficialAppointed(String userId, String name, OfficialRole role, List<String> unitIds, Actor actor) {
}
