package io.duban.harness.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AckCheckTest {

    private static final String UNIT = "u1";
    private static final LocalDate DAY = LocalDate.of(2026, 11, 26);

    private static StoreReader.Event registered(int item) {
        return new StoreReader.Event("e-r" + item, CommandLoad.commitmentId(item, UNIT), 0, AckCheck.COMMITMENT_REGISTERED,
                JsonNodeFactory.instance.objectNode(), item);
    }

    private static StoreReader.Event progress(int item, long sequence, String note) {
        ObjectNode payload = JsonNodeFactory.instance.objectNode().put("percent", 10).put("note", note);
        return new StoreReader.Event("e-p" + note + sequence, CommandLoad.commitmentId(item, UNIT), sequence,
                Convergence.PROGRESS_REPORTED, payload, 100 + sequence);
    }

    private static CommandLoad.Outcome answered(CommandLoad.Command command, int status) {
        return new CommandLoad.Outcome(command, 0, status, null, 1, false, 0);
    }

    @Test
    void everyAcknowledgedCommandIsFoundByItsEvent() {
        CommandLoad.Command register = CommandLoad.register(1, DAY, DAY.plusDays(1), DAY.plusDays(2));
        CommandLoad.Command report = CommandLoad.progress(UNIT, 1, 10, "n-1");
        CommandLoad.Command refused = CommandLoad.progress(UNIT, 1, 5, "n-2");

        AckCheck check = AckCheck.of(List.of(answered(register, 201), answered(report, 200), answered(refused, 409)),
                List.of(registered(1), progress(1, 1, "n-1")), UNIT);

        assertThat(check.acknowledged()).isEqualTo(2);
        assertThat(check.missing()).isZero();
        assertThat(check.storedTwice()).isZero();
    }

    @Test
    void anAcknowledgedCommandWithoutItsEventIsLost() {
        CommandLoad.Command register = CommandLoad.register(2, DAY, DAY.plusDays(1), DAY.plusDays(2));
        CommandLoad.Command report = CommandLoad.progress(UNIT, 1, 10, "n-1");
        CommandLoad.Command sameNoteOtherCommitment = CommandLoad.progress(UNIT, 3, 10, "n-1");

        AckCheck check = AckCheck.of(List.of(answered(register, 201), answered(report, 200),
                answered(sameNoteOtherCommitment, 200)), List.of(registered(1), progress(1, 1, "n-1")), UNIT);

        assertThat(check.acknowledged()).isEqualTo(3);
        assertThat(check.missing()).isEqualTo(2);
        assertThat(check.examples()).hasSize(2).anySatisfy(e -> assertThat(e).contains("REGISTER").contains(".2.u1"));
    }

    @Test
    void countsANoteStoredTwice() {
        CommandLoad.Command report = CommandLoad.progress(UNIT, 1, 10, "n-1");

        AckCheck check = AckCheck.of(List.of(answered(report, 200)),
                List.of(registered(1), progress(1, 1, "n-1"), progress(1, 2, "n-1")), UNIT);

        assertThat(check.missing()).isZero();
        assertThat(check.storedTwice()).isEqualTo(1);
    }
}
