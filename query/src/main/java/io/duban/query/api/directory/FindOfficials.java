package io.duban.query.api.directory;

import io.duban.command.api.OfficialRole;

/**
 * People in the directory of officials matching every given filter (null = any). Answer: {@code List<OfficialView>},
 * active ones first, then by name.
 *
 * @param unitId     only people whose last appointment names this unit
 * @param role       only people with this role
 * @param activeOnly only people in the directory now; false adds those removed
 */
public record FindOfficials(String unitId, OfficialRole role, boolean activeOnly) {
}
