package io.duban.command.dispatch;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.dispatch.OpenDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.RecordQuarterlyReport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps each quarter's dispatch round complete from the events, whether or not the office or the daily job opened it
 * yet (the round opens itself on the first of these):
 * <ul>
 *   <li>a commitment registered during the quarter joins that quarter's round;</li>
 *   <li>its {@link ProgressReported} counts as its quarterly report in the round of the quarter the report was made
 *       in (the event's timestamp, as a date in the clock's zone), the commitment joining the round if needed.</li>
 * </ul>
 * Ignored when the round is closed, and when the commitment already reported in the round (the aggregate records
 * nothing). Runs in its own streaming processor ({@value #PROCESSING_GROUP}) and never on a replay.
 */
@Component
@ProcessingGroup(DispatchReports.PROCESSING_GROUP)
public class DispatchReports {

    public static final String PROCESSING_GROUP = "dispatch-reports";
    static final Actor ACTOR = Actor.system("季度调度登记");

    private static final Logger log = LoggerFactory.getLogger(DispatchReports.class);

    private final CommandGateway commands;
    private final Clock clock;

    public DispatchReports(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    @DisallowReplay
    public void on(CommitmentRegistered event, EventMessage<?> message) {
        String roundId = roundOf(message);
        try {
            commands.sendAndWait(new OpenDispatchRound(roundId, null, null, null, List.of(event.commitmentId()), ACTOR));
        } catch (CommandRefusedException e) {
            log.debug("{} not added to round {}: {}", event.commitmentId(), roundId, e.code());
        }
    }

    private String roundOf(EventMessage<?> message) {
        return DispatchRoundId.of(LocalDate.ofInstant(message.getTimestamp(), clock.getZone()));
    }

    @EventHandler
    @DisallowReplay
    public void on(ProgressReported event, EventMessage<?> message) {
        String roundId = roundOf(message);
        try {
            commands.sendAndWait(new RecordQuarterlyReport(roundId, event.commitmentId(), event.percent(),
                    event.note(), event.actor(), message.getTimestamp(), ACTOR));
        } catch (CommandRefusedException e) {
            log.debug("Report of {} not counted in round {}: {}", event.commitmentId(), roundId, e.code());
        }
    }
}
