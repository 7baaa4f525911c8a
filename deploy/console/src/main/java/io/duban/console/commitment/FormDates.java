package io.duban.console.commitment;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/** Dates typed in a form (an {@code <input type=date>} posts 2027-06-30). */
public final class FormDates {

    private FormDates() {
    }

    /** The date, or null when blank (the command side says whether it is required). */
    public static LocalDate parse(String text, String field, String label) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new FieldProblem(field, label + "格式不正确，请按 2027-06-30 的格式填写。");
        }
    }
}
