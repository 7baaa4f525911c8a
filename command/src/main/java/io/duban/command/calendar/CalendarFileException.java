package io.duban.command.calendar;

import java.util.List;

/** The working-calendar file cannot be used; the message names the file and every offending line. */
public class CalendarFileException extends IllegalStateException {

    private final List<String> problems;

    public CalendarFileException(String source, List<String> problems) {
        super("Working calendar " + source + " is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "; see calendar/README.md for the format):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
