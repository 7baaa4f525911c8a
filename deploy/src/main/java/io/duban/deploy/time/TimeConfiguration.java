package io.duban.deploy.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the zone where deadlines are meant ({@code duban.zone}, default
 * Asia/Shanghai), and Axon's event timestamps bound to it. Code that needs "now" injects {@link Clock}; a test that
 * needs to move time declares its own {@code @Primary Clock}, which then also stamps the events.
 */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    @Bean
    public Clock clock(@Value("${duban.zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }

    @Bean
    public AxonEventClock axonEventClock(Clock clock) {
        return new AxonEventClock(clock);
    }
}
