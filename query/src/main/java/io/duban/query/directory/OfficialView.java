package io.duban.query.directory;

import io.duban.command.api.Channel;
import io.duban.command.api.OfficialRole;
import io.duban.query.view.ActorRef;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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

    /** The document's unit ids, current and in the history, for looking their names up. */
    static List<String> unitIdsIn(Document d) {
        List<String> ids = new ArrayList<>(d.getList("unitIds", String.class, List.of()));
        d.getList("history", Document.class, List.of())
                .forEach(change -> ids.addAll(change.getList("unitIds", String.class, List.of())));
        return ids;
    }

    static OfficialView from(Document d, Function<String, String> unitName) {
        List<DirectoryChange> history = d.getList("history", Document.class, List.of()).stream()
                .map(c -> change(c, unitName)).toList();
        boolean active = d.getBoolean("active", false);
        Map<String, Instant> since = active ? unitsSince(history) : Map.of();
        List<OfficialUnit> units = d.getList("unitIds", String.class, List.of()).stream()
                .map(id -> new OfficialUnit(id, unitName.apply(id), since.get(id)))
                .toList();
        return new OfficialView(d.getString("_id"), d.getString("name"), role(d.getString("role")), units, active,
                StoredTime.instant(d.get("appointedAt")), ActorRef.from(d.get("appointedBy", Document.class)),
                StoredTime.instant(d.get("removedAt")), ActorRef.from(d.get("removedBy", Document.class)),
                d.getString("removalReason"), history);
    }

    private static DirectoryChange change(Document c, Function<String, String> unitName) {
        List<String> unitIds = c.getList("unitIds", String.class);
        String channel = c.getString("channel");
        return new DirectoryChange(((Number) c.get("sequence")).longValue(), c.getString("change"),
                StoredTime.instant(c.get("at")), ActorRef.from(c.get("by", Document.class)),
                channel == null ? null : Channel.valueOf(channel), c.getString("name"), role(c.getString("role")),
                unitIds == null ? null : unitIds.stream().map(id -> new UnitName(id, unitName.apply(id))).toList(),
                c.getString("reason"));
    }

    /** Since when each unit of the last appointment has been named without a break, replaying the history. */
    private static Map<String, Instant> unitsSince(List<DirectoryChange> history) {
        Map<String, Instant> since = new LinkedHashMap<>();
        for (DirectoryChange change : history) {
            if (OfficialsProjection.REMOVED.equals(change.change())) {
                since.clear();
            } else {
                List<String> named = change.units() == null ? List.of() : change.units().stream().map(UnitName::unitId).toList();
                since.keySet().retainAll(named);
                named.forEach(id -> since.putIfAbsent(id, change.at()));
            }
        }
        return since;
    }

    private static OfficialRole role(String stored) {
        return stored == null ? null : OfficialRole.valueOf(stored);
    }
}
