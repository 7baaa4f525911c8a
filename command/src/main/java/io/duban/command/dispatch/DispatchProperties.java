package io.duban.command.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Quarterly dispatch rounds ({@code duban.dispatch.*}).
 *
 * @param enabled                  schedule the daily job at all
 * @param cron                     Quartz cron of the daily check, in the business zone (default 08:30 every day)
 * @param reportDeadlineWorkingDay the report deadline: this working day of the quarter (the first counts as 1)
 */
@ConfigurationProperties("duban.dispatch")
public record DispatchProperties(@DefaultValue("true") boolean enabled,
                                 @DefaultValue("0 30 8 * * ?") String cron,
                                 @DefaultValue("10") int reportDeadlineWorkingDay) {
}
