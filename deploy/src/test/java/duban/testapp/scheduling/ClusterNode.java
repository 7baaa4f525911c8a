package duban.testapp.scheduling;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.quartz.Scheduler;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second cluster node in a JVM of its own, started by the clustered test. Quartz registers the job store's
 * connection providers JVM-wide under the scheduler name, so two nodes of one cluster (same name) cannot share a JVM
 * without sharing one DataSource; a real deployment has one node per JVM too.
 * <p>
 * Arguments: {@code url user password node [extra Spring arguments...]} ({@code -} for no user/password). Prints
 * {@code NODE READY <instanceId>} once started; reads commands from standard input: {@code schedule <id> <dueEpochMillis>}
 * (answered by {@code SCHEDULED <id>}) and {@code stop} (or end of input), which closes the application and prints
 * {@code NODE STOPPED}.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("axoniq.update-checker.disabled", "true");
        System.setProperty("disable-axoniq-console-message", "true");
        String user = "-".equals(args[1]) ? null : args[1];
        String password = "-".equals(args[2]) ? null : args[2];
        ConfigurableApplicationContext app = SchedulingTestApplication.start(args[0], user, password, args[3],
                Arrays.copyOfRange(args, 4, args.length));
        System.out.println("NODE READY " + app.getBean(Scheduler.class).getSchedulerInstanceId());
        CommandGateway commands = app.getBean(CommandGateway.class);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.equals("stop")) {
                String[] words = line.split(" ");
                if (words.length == 3 && words[0].equals("schedule")) {
                    commands.sendAndWait(new SchedulingTestApplication.ScheduleReminder(
                            words[1], Instant.ofEpochMilli(Long.parseLong(words[2]))));
                    System.out.println("SCHEDULED " + words[1]);
                }
            }
        } finally {
            app.close();
            System.out.println("NODE STOPPED");
        }
        System.exit(0);
    }
}
