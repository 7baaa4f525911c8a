package io.duban.command.dispatch;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.dispatch.CloseDispatchRound;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.LateUnitsReminded;
import io.duban.command.api.dispatch.OpenDispatchRound;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import io.duban.command.api.dispatch.RecordQuarterlyReport;
import io.duban.command.api.dispatch.RemindLateUnits;
import io.duban.command.api.calendar.WorkingCalendar;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One quarterly dispatch round (按季度调度, art. 24), id {@code yyyy-Qn}: opened on the quarter's first working day
 * with every open commitment, collects one quarterly report per commitment, reminds the late units at the report
 * deadline and closes with the list of who reported and who did not.
 * A round holds every commitment open during its quarter, whenever the office or the daily job opens it:
 * <ul>
 *   <li>Opening is idempotent: a second open of the same round answers false; commitments it lists that the open
 *       round does not hold yet join it ({@link CommitmentsJoinedDispatchRound}). A closed round takes none.</li>
 *   <li>A report (or a join) for a round nobody opened yet opens it first, so a report made early in the quarter,
 *       before the daily job ran, counts.</li>
 *   <li>The first report of a commitment counts, and makes a commitment not listed yet part of the round; later
 *       ones in the same round record nothing (answer false). Reports to a closed round are refused.</li>
 *   <li>Reminders list the commitments not reported yet; nothing when all reported, nothing when the scheduler
 *       already reminded (so a double-fired job sends one reminder); the office may remind again by hand.</li>
 *   <li>Closing a closed round is refused.</li>
 * </ul>
 */
@Aggregate(cache = DispatchRoundCacheConfiguration.BEAN)
public class DispatchRound {

    /** The default report deadline: this working day of the quarter (the first working day counts as 1). */
    public static final int DEFAULT_DEADLINE_WORKING_DAY = 10;

    @AggregateIdentifier
    private String roundId;
    private LocalDate reportDeadline;
    private LocalDate quarterStart;
    private LocalDate quarterEnd;
    private Set<String> commitments = new LinkedHashSet<>();
    private Set<String> reported = new LinkedHashSet<>();
    private boolean remindedBySchedule;
    private boolean closed;

    protected DispatchRound() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(OpenDispatchRound command, WorkingCalendar calendar) {
        requireOffice(command.actor());
        if (roundId != null) {
            join(command.commitmentIds(), command.actor());
            return false;
        }
        if (!DispatchRoundId.isValid(command.roundId())) {
            throw CommandRefusedException.invalid("dispatch.bad-round-id", "调度轮次编号应为“年份-Q季度”，如 2026-Q4。");
        }
        LocalDate start = DispatchRoundId.quarterStart(command.roundId());
        LocalDate end = DispatchRoundId.quarterEnd(command.roundId());
        if ((command.quarterStart() != null && !command.quarterStart().equals(start))
                || (command.quarterEnd() != null && !command.quarterEnd().equals(end))) {
            throw CommandRefusedException.invalid("dispatch.quarter-mismatch",
                    "季度起止日期与轮次 " + command.roundId() + "（" + start + " 至 " + end + "）不一致。");
        }
        LocalDate deadline = command.reportDeadline() != null ? command.reportDeadline()
                : calendar.plusWorkingDays(start.minusDays(1), DEFAULT_DEADLINE_WORKING_DAY);
        if (deadline.isBefore(start) || deadline.isAfter(end)) {
            throw CommandRefusedException.invalid("dispatch.deadline-outside-quarter", "报送截止日期须在本季度内。");
        }
        List<String> ids = command.commitmentIds() == null ? List.of()
                : command.commitmentIds().stream().distinct().sorted().toList();
        if (ids.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw CommandRefusedException.invalid("dispatch.bad-commitment", "承诺编号不能为空。");
        }
        apply(new DispatchRoundOpened(command.roundId(), start, end, deadline, ids, command.actor()));
        return true;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(RecordQuarterlyReport command, Clock clock, WorkingCalendar calendar) {
        requireOffice(command.actor());
        if (command.progress() < 0 || command.progress() > 100) {
            throw CommandRefusedException.invalid("dispatch.bad-progress", "进度须在 0–100 之间。");
        }
        if (command.commitmentId() == null || command.commitmentId().isBlank()) {
            throw CommandRefusedException.invalid("dispatch.bad-commitment", "承诺编号不能为空。");
        }
        if (roundId == null) {
            handle(new OpenDispatchRound(command.roundId(), null, null, null, List.of(), command.actor()), calendar);
        }
        requireOpen();
        if (reported.contains(command.commitmentId())) {
            return false;
        }
        Instant at = command.reportedAt() != null ? command.reportedAt() : clock.instant();
        boolean late = LocalDate.ofInstant(at, clock.getZone()).isAfter(reportDeadline);
        apply(new QuarterlyReportRecorded(roundId, command.commitmentId(), command.progress(), command.note(),
                command.reportedBy(), at, late, command.actor()));
        return true;
    }

    @CommandHandler
    public boolean handle(RemindLateUnits command) {
        requireOffice(command.actor());
        requireOpen();
        boolean bySchedule = command.actor().channel() == Channel.SCHEDULE;
        List<String> late = notReported();
        if (late.isEmpty() || (bySchedule && remindedBySchedule)) {
            return false;
        }
        apply(new LateUnitsReminded(roundId, reportDeadline, late, command.actor()));
        return true;
    }

    @CommandHandler
    public void handle(CloseDispatchRound command) {
        requireOffice(command.actor());
        requireOpen();
        apply(new DispatchRoundClosed(roundId, quarterStart, quarterEnd, reported.stream().sorted().toList(), notReported(),
                command.actor()));
    }

    /** Adds the commitments the open round does not hold yet; a closed round takes none. */
    private void join(List<String> ids, Actor actor) {
        if (closed || ids == null) {
            return;
        }
        List<String> joining = ids.stream().filter(id -> id != null && !id.isBlank())
                .filter(id -> !commitments.contains(id)).distinct().sorted().toList();
        if (!joining.isEmpty()) {
            apply(new CommitmentsJoinedDispatchRound(roundId, reportDeadline, joining, actor));
        }
    }

    private List<String> notReported() {
        List<String> late = new ArrayList<>(commitments);
        late.removeAll(reported);
        return late;
    }

    private void requireOpen() {
        if (closed) {
            throw CommandRefusedException.ruleViolated("dispatch.round-closed", "季度调度 " + roundId + " 已结束。");
        }
    }

    private static void requireOffice(Actor actor) {
        if (actor == null || !actor.isOffice()) {
            throw CommandRefusedException.notPermitted("dispatch.office-only", "只有领导小组办公室可以组织季度调度。");
        }
    }

    @EventSourcingHandler
    void on(DispatchRoundOpened event) {
        roundId = event.roundId();
        quarterStart = event.quarterStart();
        quarterEnd = event.quarterEnd();
        reportDeadline = event.reportDeadline();
        commitments.addAll(event.commitmentIds());
    }

    @EventSourcingHandler
    void on(CommitmentsJoinedDispatchRound event) {
        commitments.addAll(event.commitmentIds());
    }

    @EventSourcingHandler
    void on(QuarterlyReportRecorded event) {
        commitments.add(event.commitmentId()); // a report also makes its commitment part of the round
        reported.add(event.commitmentId());
    }

    @EventSourcingHandler
    void on(LateUnitsReminded event) {
        if (event.actor() != null && event.actor().channel() == Channel.SCHEDULE) {
            remindedBySchedule = true;
        }
    }

    @EventSourcingHandler
    void on(DispatchRoundClosed event) {
        closed = true;
    }
}
