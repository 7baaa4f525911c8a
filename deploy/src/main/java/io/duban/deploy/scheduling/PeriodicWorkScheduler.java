package io.duban.deploy.scheduling;

import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TimeZone;

import io.duban.command.api.work.PeriodicWork;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Puts every {@link PeriodicWork} bean of the application on the Quartz scheduler (the clustered JDBC job store of
 * the deadlines): one durable job and one trigger per work, named after it, in the group {@value #GROUP}.
 * <p>
 * A trigger already stored with the same schedule is kept, so a cron pass missed while every node was down still
 * fires once on start-up (a rewritten trigger would forget it); a changed schedule replaces it. Jobs of the group that
 * no bean declares any more (work switched off by configuration, or removed) are deleted: every node of one
 * deployment runs the same configuration.
 */
public class PeriodicWorkScheduler implements SmartInitializingSingleton {

    static final String GROUP = "duban";

    private static final Logger log = LoggerFactory.getLogger(PeriodicWorkScheduler.class);

    private final Scheduler scheduler;
    private final Map<String, PeriodicWork> work = new LinkedHashMap<>();
    private final TimeZone zone;

    public PeriodicWorkScheduler(Scheduler scheduler, List<PeriodicWork> work, Clock clock) {
        this.scheduler = scheduler;
        for (PeriodicWork each : work) {
            if (this.work.putIfAbsent(each.name(), each) != null) {
                throw new IllegalStateException("Two periodic works are named " + each.name());
            }
        }
        this.zone = TimeZone.getTimeZone(clock.getZone());
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            for (JobKey stored : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!work.containsKey(stored.getName())) {
                    scheduler.deleteJob(stored);
                    log.info("Periodic work {} is no longer declared: unscheduled", stored.getName());
                }
            }
            for (PeriodicWork each : work.values()) {
                schedule(each);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Cannot schedule the periodic work: " + e.getMessage(), e);
        }
    }

    /** Runs one pass of the named work (on a Quartz thread, through {@link PeriodicWorkJob}). */
    void runPass(String name) {
        PeriodicWork each = work.get(name);
        if (each == null) {
            log.warn("Periodic work {} fired but is not declared on this node", name);
            return;
        }
        try {
            each.pass().run();
        } catch (RuntimeException e) {
            // the next pass runs as scheduled; one bad pass (e.g. MongoDB briefly away) must not stop the work
            log.error("Periodic work {} failed, it runs again on its next pass", name, e);
        }
    }

    private void schedule(PeriodicWork each) throws SchedulerException {
        JobKey job = JobKey.jobKey(each.name(), GROUP);
        // replaces a job stored by an older version (e.g. another job class) without loading it
        scheduler.addJob(JobBuilder.newJob(PeriodicWorkJob.class).withIdentity(job)
                .withDescription(each.description()).storeDurably().requestRecovery().build(), true);
        Trigger wanted = trigger(each, job);
        Trigger stored = scheduler.getTrigger(wanted.getKey());
        if (stored == null) {
            scheduler.scheduleJob(wanted);
        } else if (!sameSchedule(stored, each)) {
            scheduler.rescheduleJob(wanted.getKey(), wanted);
            log.info("Periodic work {} rescheduled", each.name());
        }
    }

    private Trigger trigger(PeriodicWork each, JobKey job) {
        TriggerBuilder<Trigger> builder = TriggerBuilder.newTrigger().forJob(job)
                .withIdentity(TriggerKey.triggerKey(each.name(), GROUP));
        if (each.cron() != null) {
            return builder.withSchedule(CronScheduleBuilder.cronSchedule(each.cron()).inTimeZone(zone)
                    .withMisfireHandlingInstructionFireAndProceed()).build();
        }
        long millis = each.every().toMillis();
        return builder.startAt(new Date(System.currentTimeMillis() + millis))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withIntervalInMilliseconds(millis)
                        .repeatForever().withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    private boolean sameSchedule(Trigger stored, PeriodicWork each) {
        if (each.cron() != null) {
            return stored instanceof CronTrigger cron && Objects.equals(cron.getCronExpression(), each.cron())
                    && Objects.equals(cron.getTimeZone(), zone);
        }
        return stored instanceof SimpleTrigger simple && simple.getRepeatInterval() == each.every().toMillis()
                && simple.getRepeatCount() == SimpleTrigger.REPEAT_INDEFINITELY;
    }
}
