package io.duban.command.dispatch;

import io.duban.command.api.OpenCommitments;
import io.duban.command.api.work.PeriodicWork;
import io.duban.command.api.calendar.WorkingCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The dispatch steps, also without the daily work ({@code duban.dispatch.enabled=false}): the office can still open
 * the current quarter's round on demand. The rounds list the open commitments as the event store knows them; the
 * quarterly reports are recorded by {@link DispatchReports} in a processor of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
public class DispatchStepsConfiguration {

    static final String WORK = "quarterly-dispatch";

    @Bean
    public DispatchSteps dispatchSteps(CommandGateway commands, WorkingCalendar calendar, OpenCommitments open,
                                       DispatchProperties properties) {
        return new DispatchSteps(commands, calendar, open::all, properties.reportDeadlineWorkingDay());
    }

    /**
     * The daily check, on the application's scheduler: after downtime it runs once and {@link DispatchSteps} catches
     * up.
     */
    @Bean
    @ConditionalOnProperty(name = "duban.dispatch.enabled", havingValue = "true", matchIfMissing = true)
    public PeriodicWork quarterlyDispatch(DispatchSteps steps, DispatchProperties properties, Clock clock) {
        return PeriodicWork.cron(WORK, "按季度调度：开启、催报、结束", properties.cron(),
                () -> steps.run(LocalDate.now(clock)));
    }

    /**
     * A quarterly report must not be lost to a transient failure (the database or the command bus briefly away): Axon's
     * default listener error handler only logs and moves on. Propagating the error makes the processor roll the batch
     * back and retry it with back-off, as the views do. A refused command is no error here ({@link DispatchReports}
     * catches it), so a retry never loops on a rule.
     */
    @Bean
    public ConfigurerModule dispatchReportsErrorHandling() {
        return configurer -> configurer.eventProcessing().registerListenerInvocationErrorHandler(
                DispatchReports.PROCESSING_GROUP, configuration -> PropagatingErrorHandler.instance());
    }
}
