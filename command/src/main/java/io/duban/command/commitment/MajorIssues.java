package io.duban.command.commitment;

import io.duban.command.input.TextInput;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.MajorIssueRaised;
import io.duban.command.api.MajorIssueResolved;
import io.duban.command.api.RaiseMajorIssue;
import io.duban.command.api.ResolveMajorIssue;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A commitment's major issues (重大事项), raised by the unit and resolved by it or the office; an open one holds up
 * verification. An aggregate member of {@link Commitment}: the {@code check} methods hold the rules and return the
 * event to apply, the event-sourcing handlers only assign.
 */
class MajorIssues {

    private String commitmentId;
    private final Set<String> open = new HashSet<>();
    private int count;

    MajorIssueRaised check(RaiseMajorIssue command) {
        String summary = TextInput.required(command.summary(), "重大事项摘要", 200);
        String detail = TextInput.optional(command.detail(), "重大事项详情", 4000);
        return new MajorIssueRaised(commitmentId, "I" + (count + 1), summary, detail, command.actor());
    }

    MajorIssueResolved check(ResolveMajorIssue command) {
        if (command.issueId() == null || !open.contains(command.issueId())) {
            throw CommandRefusedException.notFound("issue.not-found", "未找到未关闭的重大事项 " + command.issueId() + "。");
        }
        String resolution = TextInput.required(command.resolution(), "解决情况", 2000);
        return new MajorIssueResolved(commitmentId, command.issueId(), resolution, command.actor());
    }

    /** The open issues' ids, sorted. */
    List<String> open() {
        return open.stream().sorted().toList();
    }

    @EventSourcingHandler
    void on(CommitmentRegistered event) {
        commitmentId = event.commitmentId();
    }

    @EventSourcingHandler
    void on(MajorIssueRaised event) {
        count++;
        open.add(event.issueId());
    }

    @EventSourcingHandler
    void on(MajorIssueResolved event) {
        open.remove(event.issueId());
    }
}
