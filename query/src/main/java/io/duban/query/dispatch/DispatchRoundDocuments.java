package io.duban.query.dispatch;

import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.view.ActorDocuments;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link DispatchRoundView} from the document {@link DispatchRoundsProjection} writes. */
final class DispatchRoundDocuments {

    private DispatchRoundDocuments() {
    }

    static DispatchRoundView view(Document d) {
        return new DispatchRoundView(d.getString("_id"), StoredTime.date(d.get("quarterStart")),
                StoredTime.date(d.get("quarterEnd")), StoredTime.date(d.get("reportDeadline")), d.getString("status"),
                StoredTime.instant(d.get("openedAt")), ActorDocuments.ref(d.get("openedBy", Document.class)),
                d.getList("commitmentIds", String.class, List.of()),
                d.getList("reports", Document.class, List.of()).stream().map(r -> new DispatchRoundView.Report(
                        r.getString("commitmentId"), r.getInteger("progress", 0), r.getString("note"),
                        ActorDocuments.ref(r.get("reportedBy", Document.class)), StoredTime.instant(r.get("reportedAt")),
                        r.getBoolean("late", false))).toList(),
                d.getList("reminders", Document.class, List.of()).stream().map(r -> new DispatchRoundView.Reminder(
                        StoredTime.instant(r.get("at")), ActorDocuments.ref(r.get("by", Document.class)),
                        r.getString("channel"), r.getList("commitmentIds", String.class, List.of()))).toList(),
                StoredTime.instant(d.get("closedAt")), ActorDocuments.ref(d.get("closedBy", Document.class)),
                d.getList("notReported", String.class), List.of());
    }

    /** When the round listed each commitment (empty for a document written before joins were recorded). */
    static Map<String, Instant> joinedAt(Document d) {
        Map<String, Instant> joined = new HashMap<>();
        for (Document join : d.getList("joins", Document.class, List.of())) {
            joined.putIfAbsent(join.getString("commitmentId"), StoredTime.instant(join.get("at")));
        }
        return joined;
    }
}
