package io.duban.console.commitment;

import io.duban.console.ActorLabels;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.Channel;
import io.duban.query.api.ActorRef;
import io.duban.command.api.evidence.EvidenceOccasion;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.api.evidence.EvidenceDownload;
import io.duban.query.api.evidence.FindEvidenceFile;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.board.FindItem;
import io.duban.query.api.board.ItemDetail;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.commitment.CommitmentView.DecidedDeadlineChange;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.commitment.CommitmentView.PendingDeadlineChange;
import io.duban.query.api.light.LightColor;
import io.duban.query.api.timeline.FindCommitmentHistory;
import io.duban.query.api.timeline.HistoryEntry;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one commitment page through the query bus: the commitment, its item (for the item's text) and its history
 * from the timeline view, three queries whatever the number of milestones or events.
 */
@Component
public class CommitmentPageReader {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectMapper json;

    CommitmentPageReader(QueryGateway queries, Clock clock, ObjectMapper json) {
        this.queries = queries;
        this.clock = clock;
        this.json = json;
    }

    /** The commitment as the view holds it now, or empty when there is none (yet). */
    public Optional<CommitmentDetail> detail(String commitmentId) {
        return Answers.await(queries.query(new FindCommitment(commitmentId), CommitmentDetail.class));
    }

    /**
     * A file of 佐证材料 with its bytes; empty when the commitment does not list it. A file whose bytes no longer match
     * its hash is never handed out: that answer is the 409 with the read side's Chinese explanation.
     */
    Optional<EvidenceDownload> evidence(String commitmentId, String sha256) {
        try {
            return Answers.await(queries.query(new FindEvidenceFile(commitmentId, sha256), EvidenceDownload.class));
        } catch (IllegalStateException failure) {
            for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ErrorResponse refused && refused.getStatusCode().value() == 409) {
                    throw new ResponseStatusException(HttpStatus.CONFLICT, refused.getBody().getDetail());
                }
            }
            throw failure;
        }
    }

    /** The page, or empty for an unknown commitment. */
    Optional<CommitmentPage> read(String commitmentId) {
        CompletableFuture<CommitmentDetail> detail = queries.query(new FindCommitment(commitmentId),
                CommitmentDetail.class);
        CompletableFuture<List<HistoryEntry>> history = queries.query(new FindCommitmentHistory(commitmentId),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class));
        Optional<CommitmentDetail> found = Answers.await(detail);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CommitmentView c = found.get().commitment();
        CompletableFuture<ItemDetail> item = queries.query(new FindItem(c.policyId(), c.itemNumber()),
                ItemDetail.class);
        List<HistoryEntry> entries = Answers.await(history).orElse(List.of());
        String itemText = Answers.await(item).map(i -> i.item().text()).orElse("");
        return Optional.of(page(found.get(), itemText, entries));
    }

    private CommitmentPage page(CommitmentDetail detail, String itemText, List<HistoryEntry> entries) {
        CommitmentView c = detail.commitment();
        ZoneId zone = clock.getZone();
        List<CommitmentPage.PlanRow> plan = c.milestones().stream()
                .sorted(Comparator.comparing(MilestoneView::dueDate, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(m -> new CommitmentPage.PlanRow(m.milestoneId(), m.title(),
                        original(c, m.milestoneId(), m.dueDate()), m.dueDate(), m.completed(), m.overdue(),
                        requested(c, m.milestoneId())))
                .toList();
        List<CommitmentPage.Pending> pending = c.pendingDeadlineChanges().stream()
                .map(p -> new CommitmentPage.Pending(p.changeId(), target(c, p.milestoneId()), p.currentDueDate(),
                        p.requestedDueDate(), p.reason(), name(p.requestedBy())))
                .toList();
        List<CommitmentPage.Issue> issues = c.openIssues().stream()
                .map(i -> new CommitmentPage.Issue(i.issueId(), i.summary(), i.detail(), name(i.raisedBy()),
                        time(i.raisedAt(), zone)))
                .toList();
        // newest first: what happened last is what a reader looks for
        List<CommitmentPage.Entry> timeline = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            timeline.add(new CommitmentPage.Entry(time(e.at(), zone), name(e.actor()), role(e.actor()),
                    channel(e.channel()), e.messageId(), e.summary(), e.percent()));
        }
        var light = detail.light();
        return new CommitmentPage(c.commitmentId(), c.policyId(), c.itemNumber(), itemText, c.unitId(), c.unitName(),
                c.responsible() == null ? null : c.responsible().name(),
                c.responsible() == null ? null : c.responsible().position(), c.roadmap(), c.startDate(), c.dueDate(),
                original(c, null, c.dueDate()), c.progress(), c.progressNote(), key(light.color()), light.label(),
                light.reasons(), c.status().name(), status(c), plan, pending, issues,
                c.completionClaim() == null ? null : c.completionClaim().summary(), timeline,
                chart(c, plan, entries, zone), c.lastSequence(), c,
                c.evidence().stream().map(f -> new CommitmentPage.Evidence(f.sha256(), f.name(), size(f.size()),
                        f.occasion() == EvidenceOccasion.MILESTONE_COMPLETION ? "里程碑 " + f.milestoneId() + " 完成"
                                : f.occasion().label(), name(f.attachedBy()), time(f.attachedAt(), zone))).toList(),
                c.evidenceWaiver() == null ? null : c.evidenceWaiver().reason());
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " 字节";
        }
        return bytes < 1024 * 1024 ? Math.round(bytes / 1024.0) + " KB" : String.format("%.1f MB", bytes / (1024.0 * 1024));
    }

    /** The date as registered: the previous date of the first approved change, or the date itself if none. */
    private static LocalDate original(CommitmentView c, String milestoneId, LocalDate current) {
        return c.decidedDeadlineChanges().stream()
                .filter(d -> "APPROVED".equals(d.decision()) && Objects.equals(d.milestoneId(), milestoneId))
                .map(DecidedDeadlineChange::previousDueDate)
                .filter(Objects::nonNull)
                .findFirst().orElse(current);
    }

    private static LocalDate requested(CommitmentView c, String milestoneId) {
        return c.pendingDeadlineChanges().stream().filter(p -> Objects.equals(p.milestoneId(), milestoneId))
                .map(PendingDeadlineChange::requestedDueDate).findFirst().orElse(null);
    }

    private static String target(CommitmentView c, String milestoneId) {
        if (milestoneId == null) {
            return "总体完成时限";
        }
        return c.milestones().stream().filter(m -> m.milestoneId().equals(milestoneId)).findFirst()
                .map(m -> m.milestoneId() + " " + m.title()).orElse(milestoneId);
    }

    /**
     * The charts' data: the plan (start, final date, milestones with both dates, today) and the progress reported
     * over time (each report's time and figure, from the events), with the linear plan to compare.
     */
    private String chart(CommitmentView c, List<CommitmentPage.PlanRow> plan, List<HistoryEntry> entries,
                         ZoneId zone) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("today", LocalDate.now(clock).toString());
        chart.put("start", c.startDate().toString());
        chart.put("due", c.dueDate().toString());
        chart.put("originalDue", original(c, null, c.dueDate()).toString());
        List<Map<String, Object>> milestones = new ArrayList<>();
        for (CommitmentPage.PlanRow row : plan) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", row.milestoneId());
            m.put("title", row.title());
            m.put("original", row.original() == null ? null : row.original().toString());
            m.put("current", row.current() == null ? null : row.current().toString());
            m.put("completed", row.completed());
            m.put("overdue", row.overdue());
            milestones.add(m);
        }
        chart.put("milestones", milestones);
        List<List<Object>> progress = new ArrayList<>();
        for (HistoryEntry e : entries) {
            if (e.percent() != null && e.at() != null) {
                progress.add(List.of(e.at().atZone(zone).toLocalDateTime().withNano(0).toString(), e.percent()));
            } else if ("CommitmentRegistered".equals(e.type()) && e.at() != null) {
                progress.add(List.of(e.at().atZone(zone).toLocalDateTime().withNano(0).toString(), 0));
            } else if ("CompletionVerified".equals(e.type()) && e.at() != null) {
                progress.add(List.of(e.at().atZone(zone).toLocalDateTime().withNano(0).toString(), 100));
            }
        }
        chart.put("progress", progress);
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String status(CommitmentView c) {
        return switch (c.status()) {
            case OPEN -> "推进中";
            case COMPLETION_CLAIMED -> "已申请办结，待核验";
            case VERIFIED -> "已办结销号";
        };
    }

    static String key(LightColor color) {
        return switch (color) {
            case RED -> "red";
            case YELLOW -> "yellow";
            case GREEN -> "green";
            case DONE -> "done";
            case NONE -> "none";
        };
    }

    private static String name(ActorRef actor) {
        return actor == null || actor.name() == null ? "—" : actor.name();
    }

    private static String role(ActorRef actor) {
        return ActorLabels.role(actor == null ? null : actor.role());
    }

    private static String channel(Channel channel) {
        return ActorLabels.channel(channel);
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : MINUTE.format(at.atZone(zone));
    }
}
