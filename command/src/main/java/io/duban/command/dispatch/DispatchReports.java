package io.duban.command.dispatch;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.RecordQuarterlyReport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * A commitment's {@link ProgressReported} counts as its quarterly report in the dispatch round of the quarter the
 * report was made in (the event's timestamp, as a date in the clock's zone). Ignored when that round does not exist
 * (not opened yet: reports made before the quarter's first working day, or before the feature), is closed, or does
 * not list the commitment; and when the commitment already reported in the round (the aggregate records nothing).
 * Runs in its own streaming processor ({@value #PROCESSING_GROUP}) and never on a replay.
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
    public void on(ProgressReported event, EventMessage<?> message) {
        String roundId = DispatchRoundId.of(LocalDate.ofInstant(message.getTimestamp(), clock.getZone()));
        try {
            commands.sendAndWait(new RecordQuarterlyReport(roundId, event.commitmentId(), event.percent(),
                    event.note(), event.actor(), message.getTimestamp(), ACTOR));
        } catch (AggregateNotFoundException e) {
            log.debug("No dispatch round {} for the report of {}", roundId, event.commitmentId());
        } catch (CommandRefusedException e) {
            log.debug("Report of {} not counted in round {}: {}", event.commitmentId(), roundId, e.code());
        }
    }
}
