package io.duban.command.dispatch;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.dispatch.CloseDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.OpenDispatchRound;
import io.duban.command.api.dispatch.RemindLateUnits;
import io.duban.command.api.calendar.WorkingCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * What the daily dispatch work does on a business date. Catch-up rather than exact-day rules, so a day missed while
 * every node was down is made good on the next run; the commands are idempotent, so repeating a day adds nothing:
 * <ol>
 *   <li>on or after the quarter's first working day: close the previous quarter's round (refused when already
 *       closed or never opened: ignored), then open this quarter's round with every open commitment (records nothing
 *       when already opened);</li>
 *   <li>on or after the report deadline (the n-th working day): remind the late units (the aggregate reminds once
 *       for the scheduler).</li>
 * </ol>
 */
public class DispatchSteps {

    private static final Logger log = LoggerFactory.getLogger(DispatchSteps.class);

    private final CommandGateway commands;
    private final WorkingCalendar calendar;
    private final Supplier<List<String>> openCommitments;
    private final int deadlineWorkingDay;

    public DispatchSteps(CommandGateway commands, WorkingCalendar calendar, Supplier<List<String>> openCommitments,
                         int deadlineWorkingDay) {
        this.commands = commands;
        this.calendar = calendar;
        this.openCommitments = openCommitments;
        this.deadlineWorkingDay = deadlineWorkingDay;
    }

    public void run(LocalDate today) {
        String roundId = DispatchRoundId.of(today);
        LocalDate start = DispatchRoundId.quarterStart(roundId);
        LocalDate firstWorkingDay = calendar.plusWorkingDays(start.minusDays(1), 1);
        if (today.isBefore(firstWorkingDay)) {
            return;
        }
        tolerant(new CloseDispatchRound(DispatchRoundId.previous(roundId), Actor.schedule()));
        LocalDate deadline = calendar.plusWorkingDays(start.minusDays(1), deadlineWorkingDay);
        Object opened = commands.sendAndWait(new OpenDispatchRound(roundId, start, DispatchRoundId.quarterEnd(roundId),
                deadline, openCommitments.get(), Actor.schedule()));
        if (Boolean.TRUE.equals(opened)) {
            log.info("Dispatch round {} opened, report deadline {}", roundId, deadline);
        }
        if (!today.isBefore(deadline)) {
            tolerant(new RemindLateUnits(roundId, Actor.schedule()));
        }
    }

    /** What {@link #openNow} did: the round of the quarter, and whether this request opened it. */
    public record OpenedRound(String roundId, boolean opened, LocalDate reportDeadline) {
    }

    /**
     * Opens the round of {@code today}'s quarter at once, as the office asks (any day of the quarter, not only from
     * its first working day), with every open commitment; when the round is open already, the open commitments it
     * does not hold yet join it.
     */
    public OpenedRound openNow(LocalDate today, Actor actor) {
        String roundId = DispatchRoundId.of(today);
        LocalDate start = DispatchRoundId.quarterStart(roundId);
        LocalDate deadline = calendar.plusWorkingDays(start.minusDays(1), deadlineWorkingDay);
        Object opened = commands.sendAndWait(new OpenDispatchRound(roundId, start, DispatchRoundId.quarterEnd(roundId),
                deadline, openCommitments.get(), actor));
        if (Boolean.TRUE.equals(opened)) {
            log.info("Dispatch round {} opened on request of {}, report deadline {}", roundId, actor.userId(), deadline);
        }
        return new OpenedRound(roundId, Boolean.TRUE.equals(opened), deadline);
    }

    private void tolerant(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (AggregateNotFoundException | CommandRefusedException e) {
            log.debug("{} not applicable: {}", command, e.getMessage());
        }
    }
}
