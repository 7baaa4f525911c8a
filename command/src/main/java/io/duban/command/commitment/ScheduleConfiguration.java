package io.duban.command.commitment;

import io.duban.command.api.calendar.WorkingCalendar;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Makes {@link SchedulePolicy} and the {@link Timekeeping} built on it beans, so the Commitment aggregate's handlers
 * can take them as parameters.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SchedulePolicy.class)
class ScheduleConfiguration {

    @Bean
    Timekeeping commitmentTimekeeping(Clock clock, WorkingCalendar calendar, SchedulePolicy policy) {
        return new Timekeeping(clock, calendar, policy);
    }
}
