package io.duban.deploy.dispatch;

import io.duban.command.api.calendar.WorkingCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatch steps, also without the daily job ({@code duban.dispatch.enabled=false}): the office can still open the
 * current quarter's round on demand.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
public class DispatchStepsConfiguration {

    @Bean
    public DispatchSteps dispatchSteps(CommandGateway commands, WorkingCalendar calendar, OpenCommitments open,
                                       DispatchProperties properties) {
        return new DispatchSteps(commands, calendar, open, properties.reportDeadlineWorkingDay());
    }
}
