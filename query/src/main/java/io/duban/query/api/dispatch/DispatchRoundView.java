package io.duban.query.api.dispatch;

import io.duban.query.api.ActorRef;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dispatch round as the {@code dispatch_rounds} view holds it (see {@code DispatchRoundsProjection}).
 *
 * @param notReported the commitments without a report as recorded when the round closed; null while it is open
 * @param exempt      the commitments without a report that owe none: verified (已办结) before their report fell due
 *                    (decided when read, see {@code ReportExemptions}); never counted as not reported
 */
public record DispatchRoundView(String roundId, LocalDate quarterStart, LocalDate quarterEnd, LocalDate reportDeadline,
                                String status, Instant openedAt, ActorRef openedBy, List<String> commitmentIds,
                                List<Report> reports, List<Reminder> reminders, Instant closedAt, ActorRef closedBy,
                                List<String> notReported, List<String> exempt) {

    public DispatchRoundView {
        exempt = exempt == null ? List.of() : List.copyOf(exempt);
    }

    public record Report(String commitmentId, int progress, String note, ActorRef reportedBy, Instant reportedAt,
                         boolean late) {
    }

    public record Reminder(Instant at, ActorRef by, String channel, List<String> commitmentIds) {
    }

    public boolean closed() {
        return "CLOSED".equals(status);
    }

    /** The same round with the commitments that owe no report. */
    public DispatchRoundView withExempt(List<String> owingNone) {
        return new DispatchRoundView(roundId, quarterStart, quarterEnd, reportDeadline, status, openedAt, openedBy,
                commitmentIds, reports, reminders, closedAt, closedBy, notReported, owingNone);
    }

    /** Commitments of the round without a report (the recorded list once closed, else computed now), less the exempt. */
    public List<String> notReportedNow() {
        Set<String> owingNone = new HashSet<>(exempt);
        return withoutReport().stream().filter(id -> !owingNone.contains(id)).toList();
    }

    /** Commitments of the round without a report, the exempt included. */
    public List<String> withoutReport() {
        if (notReported != null) {
            return notReported;
        }
        Set<String> reported = reports.stream().map(Report::commitmentId).collect(Collectors.toSet());
        return commitmentIds.stream().filter(id -> !reported.contains(id)).toList();
    }
}
