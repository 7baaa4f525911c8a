package io.duban.query.directory;

import io.duban.command.api.Channel;
import io.duban.command.api.OfficialRole;
import io.duban.query.api.directory.OfficialView;
import io.duban.query.view.ActorDocuments;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Reads an {@link OfficialView} from the document {@link OfficialsProjection} writes. */
final class OfficialDocuments {

    private OfficialDocuments() {
    }

    /** The document's unit ids, current and in the history, for looking their names up. */
    static List<String> unitIdsIn(Document d) {
        List<String> ids = new ArrayList<>(d.getList("unitIds", String.class, List.of()));
        d.getList("history", Document.class, List.of())
                .forEach(change -> ids.addAll(change.getList("unitIds", String.class, List.of())));
        return ids;
    }

    static OfficialView view(Document d, Function<String, String> unitName) {
        List<OfficialView.DirectoryChange> history = d.getList("history", Document.class, List.of()).stream()
                .map(c -> change(c, unitName)).toList();
        boolean active = d.getBoolean("active", false);
        Map<String, Instant> since = active ? unitsSince(history) : Map.of();
        List<OfficialView.OfficialUnit> units = d.getList("unitIds", String.class, List.of()).stream()
                .map(id -> new OfficialView.OfficialUnit(id, unitName.apply(id), since.get(id)))
                .toList();
        return new OfficialView(d.getString("_id"), d.getString("name"), role(d.getString("role")), units, active,
                StoredTime.instant(d.get("appointedAt")), ActorDocuments.ref(d.get("appointedBy", Document.class)),
                StoredTime.instant(d.get("removedAt")), ActorDocuments.ref(d.get("removedBy", Document.class)),
                d.getString("removalReason"), history);
    }

    private static OfficialView.DirectoryChange change(Document c, Function<String, String> unitName) {
        List<String> unitIds = c.getList("unitIds", String.class);
        String channel = c.getString("channel");
        return new OfficialView.DirectoryChange(((Number) c.get("sequence")).longValue(), c.getString("change"),
                StoredTime.instant(c.get("at")), ActorDocuments.ref(c.get("by", Document.class)),
                channel == null ? null : Channel.valueOf(channel), c.getString("name"), role(c.getString("role")),
                unitIds == null ? null : unitIds.stream().map(id -> new OfficialView.UnitName(id, unitName.apply(id))).toList(),
                c.getString("reason"));
    }

    /** Since when each unit of the last appointment has been named without a break, replaying the history. */
    private static Map<String, Instant> unitsSince(List<OfficialView.DirectoryChange> history) {
        Map<String, Instant> since = new LinkedHashMap<>();
        for (OfficialView.DirectoryChange change : history) {
            if (OfficialsProjection.REMOVED.equals(change.change())) {
                since.clear();
            } else {
                List<String> named = change.units() == null ? List.of() : change.units().stream().map(OfficialView.UnitName::unitId).toList();
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
