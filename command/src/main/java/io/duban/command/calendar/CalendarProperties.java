package io.duban.command.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code duban.calendar.*}: where the working-day calendar is read from.
 *
 * @param location a Spring resource location of the UTF-8 calendar file; defaults to the bundled one. An operator
 *                 can point it to an updated copy ({@code file:/etc/duban/cn-working-calendar.csv}) to add a year
 *                 without a rebuild; it is read once at start-up.
 */
@ConfigurationProperties("duban.calendar")
public record CalendarProperties(
        @DefaultValue(CalendarProperties.BUNDLED) String location) {

    public static final String BUNDLED = "classpath:calendar/cn-working-calendar.csv";
}
