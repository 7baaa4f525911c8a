package duban.testapp.scheduling;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerListener;
import org.quartz.listeners.SchedulerListenerSupport;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;

/**
 * Listens to the scheduler for the tests: which triggers Quartz treated as misfired, and whether the DataSource was
 * still open when the scheduler finished shutting down.
 */
public class SchedulerProbe implements SchedulerFactoryBeanCustomizer, TriggerListener {

    private final DataSource dataSource;
    private final List<String> misfiredJobGroups = new CopyOnWriteArrayList<>();
    private volatile boolean schedulerShutDown;
    private volatile Boolean dataSourceOpenWhenSchedulerShutDown;

    public SchedulerProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void customize(SchedulerFactoryBean schedulerFactoryBean) {
        schedulerFactoryBean.setGlobalTriggerListeners(this);
        schedulerFactoryBean.setSchedulerListeners(new SchedulerListenerSupport() {
            @Override
            public void schedulerShutdown() {
                dataSourceOpenWhenSchedulerShutDown =
                        dataSource instanceof HikariDataSource hikari ? !hikari.isClosed() : null;
                schedulerShutDown = true;
            }
        });
    }

    /** Job groups (Axon: the deadline name) of the triggers Quartz's misfire handling saw, in order. */
    public List<String> misfiredJobGroups() {
        return List.copyOf(misfiredJobGroups);
    }

    public boolean schedulerShutDown() {
        return schedulerShutDown;
    }

    /** Whether the Hikari pool was still open when the scheduler had shut down; null before that. */
    public Boolean dataSourceOpenWhenSchedulerShutDown() {
        return dataSourceOpenWhenSchedulerShutDown;
    }

    @Override
    public String getName() {
        return "duban-test-probe";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        misfiredJobGroups.add(trigger.getJobKey().getGroup());
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
    }

    @Override
    public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
        return false;
    }

    @Override
    public void triggerComplete(Trigger trigger, JobExecutionContext context,
                                Trigger.CompletedExecutionInstruction triggerInstructionCode) {
    }
}
