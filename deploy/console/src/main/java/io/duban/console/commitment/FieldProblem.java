package io.duban.console.commitment;

/** What the console itself could not read from a form (a date, a number), before anything is sent. */
public class FieldProblem extends RuntimeException {

    private final String field;

    public FieldProblem(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
