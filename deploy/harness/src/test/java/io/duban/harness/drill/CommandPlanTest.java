package io.duban.harness.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The kill9 drill's plan: every commitment registered before its reports, rising percentages, unique notes. */
class CommandPlanTest {

    @Test
    void theKill9PlanSendsExactlyTheCommandsAskedForInAnOrderTheRulesAccept() {
        List<List<CommandLoad.Command>> plan = Kill9Drill.plan(1000, 8, 60, "u1");

        assertThat(plan).hasSize(8);
        assertThat(plan.stream().mapToInt(List::size).sum()).isEqualTo(1000);
        assertThat(plan.stream().flatMap(List::stream).filter(c -> c.kind() == CommandLoad.Kind.REGISTER).count())
                .isEqualTo(60);
        assertThat(plan.stream().flatMap(List::stream).map(CommandLoad.Command::tag).distinct().count())
                .isEqualTo(1000);
        Map<Integer, Integer> threadOfItem = new HashMap<>();
        for (int t = 0; t < plan.size(); t++) {
            Map<Integer, Integer> lastPercent = new HashMap<>();
            for (CommandLoad.Command command : plan.get(t)) {
                assertThat(threadOfItem.putIfAbsent(command.item(), t)).as("one thread per commitment").isIn(null, t);
                if (command.kind() == CommandLoad.Kind.REGISTER) {
                    assertThat(lastPercent).doesNotContainKey(command.item());
                    lastPercent.put(command.item(), 0);
                } else {
                    assertThat(lastPercent).as("registered first").containsKey(command.item());
                    assertThat(command.percent()).isGreaterThan(lastPercent.get(command.item())).isLessThanOrEqualTo(100);
                    lastPercent.put(command.item(), command.percent());
                }
            }
        }
    }

    @Test
    void progressReportsRiseOnePointARoundAndStopAtAHundred() {
        List<List<CommandLoad.Command>> plan = CommandLoad.progressReports(4, 10, 150, "u1", "run");

        assertThat(plan).hasSize(4);
        assertThat(plan.stream().mapToInt(List::size).sum()).isEqualTo(10 * 100);
        assertThat(plan.get(0).get(0).path()).isEqualTo("/api/commitments/nzf-2023-1.1.u1/progress");
        assertThat(plan.get(0).get(0).json()).contains("\"percent\":1").contains("\"note\":\"run-1-1\"");
        assertThat(CommandLoad.registrations(4, 10, null, null, null).stream().mapToInt(List::size).sum()).isEqualTo(10);
    }
}
