package io.duban.deploy.dispatch;

import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.TimeZone;

/**
 * The quarterly dispatch job in Quartz's JDBC job store (Boot's Quartz auto-configuration registers these beans with
 * the scheduler): it survives restarts and, on a PostgreSQL cluster, fires on one node. The cron trigger runs in the
 * business zone; after downtime it fires once ({@code FireAndProceed}) and {@link DispatchSteps} catches up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DispatchProperties.class)
@ConditionalOnProperty(name = "duban.dispatch.enabled", havingValue = "true", matchIfMissing = true)
public class DispatchSchedulingConfiguration {

    static final String JOB = "quarterly-dispatch";

    @Bean
    public JobDetail quarterlyDispatchJob() {
        return JobBuilder.newJob(QuarterlyDispatchJob.class).withIdentity(JOB, "duban")
                .withDescription("按季度调度：开启、催报、结束").storeDurably().requestRecovery().build();
    }

    @Bean
    public Trigger quarterlyDispatchTrigger(JobDetail quarterlyDispatchJob, DispatchProperties properties, Clock clock) {
        return TriggerBuilder.newTrigger().forJob(quarterlyDispatchJob).withIdentity(JOB, "duban")
                .withSchedule(CronScheduleBuilder.cronSchedule(properties.cron())
                        .inTimeZone(TimeZone.getTimeZone(clock.getZone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }
}
