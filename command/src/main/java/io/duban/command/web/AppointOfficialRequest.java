package io.duban.command.web;

import io.duban.command.api.OfficialRole;

import java.util.List;

/** Body of {@code POST /api/officials}: units by canonical name (as listed by GET /api/units) or by unitId. */
public record AppointOfficialRequest(String userId, String name, OfficialRole role, List<String> units,
                                     List<String> unitIds) {
}
