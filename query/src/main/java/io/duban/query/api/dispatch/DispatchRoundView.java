package io.duban.query.api.dispatch;

import io.duban.query.api.ActorRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A dispatch round as the {@code dispatch_rounds} view holds it (see {@code DispatchRoundsProjection}). */
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
}
