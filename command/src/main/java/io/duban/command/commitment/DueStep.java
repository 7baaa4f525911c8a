package io.duban.command.commitment;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One thing a commitment's schedule has to do at a moment for one due date (milestoneId null = the final due date):
 * remind ({@code number} = working days left), record the date overdue and open its case, or climb the case to level
 * {@code number}. Steps due at the same moment are taken in the order of {@link Kind}.
 */
record DueStep(Kind kind, String milestoneId, LocalDate dueDate, int number, Instant at) {

    enum Kind { REMIND, OVERDUE, CLIMB }
}
