package io.duban.query.timeline;

import io.duban.command.api.OfficialRole;
import org.bson.Document;

import java.util.List;

/**
 * What a directory entry of the timeline records besides the common fields, enough to word its summary again:
 * stored as {@code official: {action, name, role, unitIds, reason}}.
 *
 * @param name    the person's name (for a removal: as last appointed, null when unknown)
 * @param unitIds the units appointed, null for a removal
 * @param reason  the reason for a removal
 */
record DirectoryDetails(DirectoryAction action, String name, OfficialRole role, List<String> unitIds, String reason) {

    Document toDocument() {
        return new Document("action", action.name())
                .append("name", name)
                .append("role", role == null ? null : role.name())
                .append("unitIds", unitIds)
                .append("reason", reason);
    }

    /** The details stored in a timeline entry, null for an entry that is not a directory entry. */
    static DirectoryDetails in(Document entry) {
        Document d = entry.get(TimelineProjection.OFFICIAL_DETAILS, Document.class);
        if (d == null) {
            return null;
        }
        String role = d.getString("role");
        return new DirectoryDetails(DirectoryAction.valueOf(d.getString("action")), d.getString("name"),
                role == null ? null : OfficialRole.valueOf(role), d.getList("unitIds", String.class),
                d.getString("reason"));
    }
}
