package io.duban.command.commitment;

import java.time.Instant;

/**
 * Payload of a commitment's one pending deadline: at {@code at}, take every step then due (reminders, due dates
 * passing, ladder steps) and schedule the next one.
 * <p>
 * The deadline name carries the commitment id, so that replacing it is {@code cancelAll(name)}: with Quartz that reads
 * the one job group of this commitment instead of deserializing every commitment's job, as a scope-wide cancel would.
 */
record NextStep(Instant at) {

    static final String NAME_PREFIX = "commitment-next-step ";

    static String deadlineName(String commitmentId) {
        return NAME_PREFIX + commitmentId;
    }
}
