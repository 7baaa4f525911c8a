package io.duban.command.commitment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Makes {@link SchedulePolicy} a bean, so the Commitment aggregate's handlers can take it as a parameter. */
@Configuration
@EnableConfigurationProperties(SchedulePolicy.class)
class ScheduleConfiguration {
}
