package io.duban.deploy.scheduling;

import java.time.Clock;

import io.duban.command.api.work.PeriodicWork;
import org.quartz.Scheduler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The features' {@link PeriodicWork} on the application's Quartz scheduler. */
@Configuration(proxyBeanMethods = false)
public class PeriodicWorkConfiguration {

    @Bean
    public PeriodicWorkScheduler periodicWorkScheduler(Scheduler scheduler, ObjectProvider<PeriodicWork> work,
                                                       Clock clock) {
        return new PeriodicWorkScheduler(scheduler, work.orderedStream().toList(), clock);
    }
}
