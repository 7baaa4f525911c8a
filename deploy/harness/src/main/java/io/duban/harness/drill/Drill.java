package io.duban.harness.drill;

import java.io.PrintStream;
import java.util.List;

/**
 * One crash, outage or abuse drill of issue 6: runs against real processes or the real application, prints what it
 * checked and a count of anything lost, and says whether it held. Never part of the unit tests' pass/fail.
 */
public interface Drill {

    /** The name on the command line: {@code java -jar duban-harness.jar drill <name>}. */
    String name();

    /** One line for the usage text. */
    String summary();

    /**
     * Runs the drill.
     *
     * @param args the arguments after the drill's name ({@code --key=value})
     * @param out  where the drill prints its progress and its {@link DrillReport}
     * @return the report; {@link DrillReport#held()} decides the exit code
     */
    DrillReport run(List<String> args, PrintStream out) throws Exception;
}
