package io.duban.deploy.dispatch;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

import java.time.Clock;
import java.time.LocalDate;

/** The daily Quartz job: thin, it only asks {@link DispatchSteps} to run for today's business date. */
@DisallowConcurrentExecution
public class QuarterlyDispatchJob extends QuartzJobBean {

    @Autowired
    private DispatchSteps steps;
    @Autowired
    private Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        steps.run(LocalDate.now(clock));
    }
}
