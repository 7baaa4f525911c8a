package io.duban.query.escalation;

import java.time.LocalDate;

/**
 * Which days are working days, for counting the working days a case is overdue. The read side only knows the command
 * API, so the application supplies this bean from its working calendar; without it only calendar days are counted.
 */
@FunctionalInterface
public interface WorkingDays {

    boolean isWorkingDay(LocalDate date);
}
