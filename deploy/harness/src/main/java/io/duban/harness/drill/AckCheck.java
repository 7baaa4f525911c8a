package io.duban.harness.drill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Is every acknowledged (2xx) command in the event store? A registration by its CommitmentRegistered event, a
 * progress report by its ProgressReported event carrying the command's unique note.
 *
 * @param acknowledged commands answered 2xx
 * @param missing      acknowledged commands without their event: lost
 * @param storedTwice  progress notes stored more than once (a command in flight at a crash and sent again)
 * @param examples     a few missing commands, described
 */
record AckCheck(long acknowledged, long missing, long storedTwice, List<String> examples) {

    static final String COMMITMENT_REGISTERED = "io.duban.command.api.CommitmentRegistered";

    static AckCheck of(List<CommandLoad.Outcome> outcomes, List<StoreReader.Event> events, String unitId) {
        Set<String> registered = new HashSet<>();
        Map<String, Integer> notes = new HashMap<>();
        for (StoreReader.Event event : events) {
            if (COMMITMENT_REGISTERED.equals(event.payloadType())) {
                registered.add(event.commitmentId());
            } else if (Convergence.PROGRESS_REPORTED.equals(event.payloadType()) && event.note() != null) {
                notes.merge(event.commitmentId() + "|" + event.note(), 1, Integer::sum);
            }
        }
        long acknowledged = 0;
        long missing = 0;
        List<String> examples = new ArrayList<>();
        for (CommandLoad.Outcome outcome : outcomes) {
            if (!outcome.acknowledged()) {
                continue;
            }
            acknowledged++;
            CommandLoad.Command command = outcome.command();
            String commitmentId = CommandLoad.commitmentId(command.item(), unitId);
            boolean stored = switch (command.kind()) {
                case REGISTER -> registered.contains(commitmentId);
                case PROGRESS -> notes.containsKey(commitmentId + "|" + command.tag());
            };
            if (!stored) {
                missing++;
                if (examples.size() < 5) {
                    examples.add(command.kind() + " " + commitmentId + " " + command.tag() + " (answered "
                            + outcome.status() + " after " + outcome.attempts() + " attempt(s))");
                }
            }
        }
        long twice = notes.values().stream().filter(n -> n > 1).count();
        return new AckCheck(acknowledged, missing, twice, examples);
    }
}
