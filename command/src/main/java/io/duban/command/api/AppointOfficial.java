package io.duban.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Put a person in the directory, or change their name, role or units. Re-appointing with the same details records
 * nothing, so a seed file can be applied on every start.
 *
 * @param userId  the organisation's DingTalk userId (staffId)
 * @param unitIds units the person answers for (required for OFFICIAL and UNIT_LEADER)
 */
public record AppointOfficial(@TargetAggregateIdentifier String userId, String name, OfficialRole role,
                              List<String> unitIds, Actor actor) {
}
