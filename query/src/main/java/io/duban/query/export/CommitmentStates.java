package io.duban.query.export;

import io.duban.command.api.CommitmentStatus;
import io.duban.command.api.ProgressFigure;
import io.duban.query.timeline.TimelineEntry;

import java.time.LocalDate;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds a commitment's timeline entries, oldest first, into its state after each step, from the facts the timeline
 * projection recorded with each entry (never from today's commitments view). Escalation cases are matched as the
 * commitments view matches them: by key (milestone id or {@code final}) and due date.
 */
public final class CommitmentStates {

    private static final Set<String> NEED_FACTS = Set.of("CommitmentRegistered", "ProgressReported",
            "MilestoneCompleted", "DeadlineChangeApproved", "MajorIssueRaised", "MajorIssueResolved",
            "EscalationStarted", "EscalationRaised", "EscalationPaused", "EscalationEnded");

    private CommitmentStates() {
    }

    /** The state after each entry, by event id; entries of other aggregates in the list are folded separately. */
    public static Map<String, CommitmentState> after(List<TimelineEntry> entries) {
        Map<String, Fold> folds = new HashMap<>();
        Map<String, CommitmentState> states = new HashMap<>();
        for (TimelineEntry entry : entries) {
            if (!"commitment".equals(entry.kind())) {
                continue;
            }
            Fold fold = folds.computeIfAbsent(entry.aggregateId(), id -> new Fold());
            fold.apply(entry);
            states.put(entry.eventId(), fold.state());
        }
        return states;
    }

    private static final class Fold {
        int progress;
        CommitmentStatus status = CommitmentStatus.OPEN;
        LocalDate dueDate;
        final Map<String, LocalDate> milestones = new LinkedHashMap<>();
        final Set<String> done = new LinkedHashSet<>();
        final Map<String, Integer> cases = new HashMap<>();
        final Set<String> issues = new HashSet<>();
        boolean complete = true;

        void apply(TimelineEntry entry) {
            Map<String, Object> f = entry.facts();
            if (f.isEmpty() && NEED_FACTS.contains(entry.type())) {
                complete = false;
                return;
            }
            switch (entry.type()) {
                case "CommitmentRegistered" -> {
                    dueDate = date(f.get("dueDate"));
                    Object ms = f.get("milestones");
                    if (ms instanceof List<?> list) {
                        for (Object m : list) {
                            Map<?, ?> milestone = (Map<?, ?>) m;
                            milestones.put((String) milestone.get("milestoneId"), date(milestone.get("dueDate")));
                        }
                    }
                }
                case "ProgressReported" -> progress = ((Number) f.get("percent")).intValue();
                case "MilestoneCompleted" -> done.add((String) f.get("milestoneId"));
                case "DeadlineChangeApproved" -> {
                    String milestoneId = (String) f.get("milestoneId");
                    if (milestoneId == null) {
                        dueDate = date(f.get("newDueDate"));
                    } else {
                        milestones.put(milestoneId, date(f.get("newDueDate")));
                    }
                }
                case "CompletionClaimed" -> status = CommitmentStatus.COMPLETION_CLAIMED;
                case "CompletionVerified" -> status = CommitmentStatus.VERIFIED;
                case "CommitmentReopened" -> status = CommitmentStatus.OPEN;
                case "MajorIssueRaised" -> issues.add((String) f.get("issueId"));
                case "MajorIssueResolved" -> issues.remove((String) f.get("issueId"));
                case "EscalationStarted", "EscalationRaised", "EscalationPaused" ->
                        cases.put(f.get("key") + "@" + f.get("dueDate"), ((Number) f.get("level")).intValue());
                case "EscalationEnded" -> cases.remove(f.get("key") + "@" + f.get("dueDate"));
                default -> {
                    // reminders, overdue facts, requests, rejections, urging, acknowledgements: no state change here
                }
            }
        }

        CommitmentState state() {
            return new CommitmentState(ProgressFigure.shown(progress, status == CommitmentStatus.VERIFIED), status, dueDate,
                    Collections.unmodifiableMap(new LinkedHashMap<>(milestones)),
                    Collections.unmodifiableSet(new LinkedHashSet<>(done)),
                    cases.values().stream().mapToInt(Integer::intValue).max().orElse(0), issues.size(), complete);
        }

        private static LocalDate date(Object stored) {
            return stored == null ? null : LocalDate.parse(stored.toString());
        }
    }
}
