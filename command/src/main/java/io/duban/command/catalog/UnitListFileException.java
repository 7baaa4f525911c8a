package io.duban.command.catalog;

import java.util.List;

/** A unit list file cannot be used; the message names the file and every offending line. */
public class UnitListFileException extends IllegalStateException {

    private final List<String> problems;

    public UnitListFileException(String source, List<String> problems) {
        super("Unit list " + source + " is invalid (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "; see the header of catalog/units-nmg.csv for the format):\n  - "
                + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
