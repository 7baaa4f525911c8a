package io.duban.deploy.calendar;

import io.duban.command.calendar.WorkingCalendar;
import io.duban.query.escalation.WorkingDays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Gives the read side the working calendar's days, so the escalation list counts working days overdue. */
@Configuration(proxyBeanMethods = false)
public class ReadSideCalendarConfiguration {

    @Bean
    public WorkingDays workingDays(WorkingCalendar calendar) {
        return calendar::isWorkingDay;
    }
}
