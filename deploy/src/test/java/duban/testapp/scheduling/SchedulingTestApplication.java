package duban.testapp.scheduling;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.duban.deploy.eventstore.EventStoreConfiguration;
import io.duban.deploy.time.TimeConfiguration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoDataAutoConfiguration;
import org.springframework.boot.autoconfigure.data.mongo.MongoRepositoriesAutoConfiguration;
import org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * A small application for the deadline tests: the production event store, clock and (by auto-configuration) Quartz
 * deadline wiring with application.yml, plus one test aggregate whose {@code @DeadlineHandler} records each firing in
 * the {@link FiringLog}. No component scanning and no MongoDB.
 * <p>
 * It lives outside {@code io.duban} on purpose: {@code DubanApplication} scans all of {@code io.duban}, test classes
 * included, and would pick up the {@code @Aggregate} below (and this application's exclusions) in every full
 * application test.
 */
@EnableAutoConfiguration(exclude = {
        MongoAutoConfiguration.class, MongoDataAutoConfiguration.class, MongoRepositoriesAutoConfiguration.class})
@Import({EventStoreConfiguration.class, TimeConfiguration.class, SchedulingTestApplication.Reminder.class,
        FiringLog.class, SchedulerProbe.class})
public class SchedulingTestApplication {

    /** The deadline name the test aggregate schedules and handles. */
    public static final String DEADLINE = "reminder";

    /**
     * Starts a non-web application on the given database as node {@code node}; arguments override application.yml.
     */
    public static ConfigurableApplicationContext start(String url, String user, String password, String node,
                                                       String... extraArguments) {
        return new SpringApplicationBuilder(SchedulingTestApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments(url, user, password, node, extraArguments).toArray(String[]::new));
    }

    static List<String> arguments(String url, String user, String password, String node, String... extra) {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.datasource.url=" + url);
        if (user != null) {
            arguments.add("--spring.datasource.username=" + user);
        }
        if (password != null) {
            arguments.add("--spring.datasource.password=" + password);
        }
        arguments.add("--spring.main.banner-mode=off");
        arguments.add("--spring.datasource.hikari.maximum-pool-size=8");
        arguments.add("--" + FiringLog.NODE_PROPERTY + "=" + node);
        arguments.addAll(List.of(extra));
        return arguments;
    }

    /** Creates a reminder and schedules its deadline at {@code dueAt}. */
    public record ScheduleReminder(@TargetAggregateIdentifier String reminderId, Instant dueAt) {
    }

    public record ReminderScheduled(String reminderId, Instant dueAt) {
    }

    /** The deadline's payload, serialized into the Quartz job data. */
    public record ReminderDue(String reminderId) {
    }

    public record ReminderFired(String reminderId, int firing) {
    }

    /**
     * The test aggregate. Registered through {@code @Import} above, never through scanning. The deadline handler
     * records the firing outside the unit of work first (so a firing whose transaction fails still counts), then
     * applies an event, which proves that it ran in the aggregate's scope and committed.
     */
    @Aggregate
    public static class Reminder {

        @AggregateIdentifier
        private String reminderId;
        private int firings;

        protected Reminder() {
        }

        @CommandHandler
        public Reminder(ScheduleReminder command, DeadlineManager deadlineManager) {
            apply(new ReminderScheduled(command.reminderId(), command.dueAt()));
            deadlineManager.schedule(command.dueAt(), DEADLINE, new ReminderDue(command.reminderId()));
        }

        @EventSourcingHandler
        void on(ReminderScheduled event) {
            reminderId = event.reminderId();
        }

        @DeadlineHandler(deadlineName = DEADLINE)
        void onDue(ReminderDue due, FiringLog firingLog) {
            firingLog.record(due.reminderId());
            apply(new ReminderFired(reminderId, firings + 1));
        }

        @EventSourcingHandler
        void on(ReminderFired event) {
            firings = event.firing();
        }
    }
}
