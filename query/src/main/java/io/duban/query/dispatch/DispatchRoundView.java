package io.duban.query.dispatch;

import io.duban.query.view.ActorRef;
import io.duban.query.view.StoredTime;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dispatch round as the {@code dispatch_rounds} view holds it (see {@link DispatchRoundsProjection}). */
public record DispatchRoundView(String roundId, LocalDate quarterStart, LocalDate quarterEnd, LocalDate reportDeadline,
                                String status, Instant openedAt, ActorRef openedBy, List<String> commitmentIds,
                                List<Report> reports, List<Reminder> reminders, Instant closedAt, ActorRef closedBy,
                                List<String> notReported) {

    public record Report(String commitmentId, int progress, String note, ActorRef reportedBy, Instant reportedAt,
                         boolean late) {
    }

    public record Reminder(Instant at, ActorRef by, String channel, List<String> commitmentIds) {
    }

    public boolean closed() {
        return "CLOSED".equals(status);
    }

    /** Commitments of the round without a report: the recorded list once closed, else computed now. */
    public List<String> notReportedNow() {
        if (notReported != null) {
            return notReported;
        }
        List<String> reported = reports.stream().map(Report::commitmentId).toList();
        return commitmentIds.stream().filter(id -> !reported.contains(id)).toList();
    }

    static DispatchRoundView from(Document d) {
        return new DispatchRoundView(d.getString("_id"), StoredTime.date(d.get("quarterStart")),
                StoredTime.date(d.get("quarterEnd")), StoredTime.date(d.get("reportDeadline")), d.getString("status"),
                StoredTime.instant(d.get("openedAt")), ActorRef.from(d.get("openedBy", Document.class)),
                d.getList("commitmentIds", String.class, List.of()),
                d.getList("reports", Document.class, List.of()).stream().map(r -> new Report(
                        r.getString("commitmentId"), r.getInteger("progress", 0), r.getString("note"),
                        ActorRef.from(r.get("reportedBy", Document.class)), StoredTime.instant(r.get("reportedAt")),
                        r.getBoolean("late", false))).toList(),
                d.getList("reminders", Document.class, List.of()).stream().map(r -> new Reminder(
                        StoredTime.instant(r.get("at")), ActorRef.from(r.get("by", Document.class)),
                        r.getString("channel"), r.getList("commitmentIds", String.class, List.of()))).toList(),
                StoredTime.instant(d.get("closedAt")), ActorRef.from(d.get("closedBy", Document.class)),
                d.getList("notReported", String.class));
    }
}
