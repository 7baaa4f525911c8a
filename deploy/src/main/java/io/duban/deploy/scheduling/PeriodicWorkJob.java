package io.duban.deploy.scheduling;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/** The one Quartz job class of the periodic work: runs a pass of the work its job is named after, never two at once. */
@DisallowConcurrentExecution
public class PeriodicWorkJob extends QuartzJobBean {

    @Autowired
    private PeriodicWorkScheduler work;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        work.runPass(context.getJobDetail().getKey().getName());
    }
}
