package io.duban.command.api.work;

import java.time.Duration;
import java.util.Objects;

/**
 * Background work that runs again and again, declared by the feature that owns it as a bean and run by the one
 * scheduler of the application (the assembly's clustered Quartz scheduler: one node of a cluster runs each pass, the
 * schedule survives restarts, a pass never overlaps the previous one). A feature never starts a thread of its own
 * for periodic work.
 *
 * @param name        stable and unique: the scheduler's job name
 * @param description what the work does, for operators reading the job store
 * @param cron        a Quartz cron expression in the business zone; a pass missed while every node was down runs once
 *                    when a node is up again (null when {@code every} is set)
 * @param every       the pause between two passes; a missed pass is skipped (null when {@code cron} is set)
 * @param pass        one pass. An exception is logged and the next pass runs as scheduled: a pass must leave nothing
 *                    half done that the next one cannot finish.
 */
public record PeriodicWork(String name, String description, String cron, Duration every, Runnable pass) {

    public PeriodicWork {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pass, "pass");
        if ((cron == null) == (every == null)) {
            throw new IllegalArgumentException("periodic work " + name + " needs either a cron or an interval");
        }
        if (every != null && (every.isNegative() || every.isZero())) {
            throw new IllegalArgumentException("periodic work " + name + " needs a positive interval: " + every);
        }
    }

    /** Work run on a Quartz cron schedule, in the business zone. */
    public static PeriodicWork cron(String name, String description, String cron, Runnable pass) {
        return new PeriodicWork(name, description, cron, null, pass);
    }

    /** Work run every {@code interval}. */
    public static PeriodicWork every(String name, String description, Duration interval, Runnable pass) {
        return new PeriodicWork(name, description, null, interval, pass);
    }
}
