package io.duban.query.api.directory;

import io.duban.command.api.Channel;
import io.duban.command.api.OfficialRole;
import io.duban.query.api.ActorRef;

import java.time.Instant;
import java.util.List;

/**
 * A person in the directory of officials, with the unit names of the units view and the history of their entry.
 *
 * @param units       the units of the last appointment; while active, the units the person may act for
 * @param active      in the directory (not removed since the last appointment)
 * @param appointedAt when the details in force were appointed
 * @param history     every appointment and removal, oldest first
 */
public record OfficialView(String userId, String name, OfficialRole role, List<OfficialUnit> units,
                           boolean active, Instant appointedAt, ActorRef appointedBy,
                           Instant removedAt, ActorRef removedBy, String removalReason,
                           List<DirectoryChange> history) {

    /**
     * A unit a person may act for.
     *
     * @param name  the unit's name from the units view, null when no imported policy lists the unit
     * @param since since when the person may act for it without a break: the first appointment naming the unit
     *              after which every appointment named it and no removal came; null once removed
     */
    public record OfficialUnit(String unitId, String name, Instant since) {
    }

    /** One appointment or removal: who changed what, when, through which channel. */
    public record DirectoryChange(long sequence, String change, Instant at, ActorRef by, Channel channel,
                                  String name, OfficialRole role, List<UnitName> units, String reason) {
    }

    /** A unit id with its name from the units view (null when unknown). */
    public record UnitName(String unitId, String name) {
    }
}
