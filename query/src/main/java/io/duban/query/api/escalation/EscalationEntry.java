package io.duban.query.api.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One open case on the office's escalation list.
 *
 * @param milestoneId         null when the final due date was missed
 * @param milestoneTitle      the milestone's title, or 最终完成期限 for the final due date
 * @param itemText            the support item's text from the catalog, null if the catalog does not know it
 * @param level               1 = overdue (alert sent), 2 = unit leader alerted, 3 = leading-group office alerted
 * @param since               when the case opened (the due date was recorded as passed)
 * @param levelSince          when the case reached its current level
 * @param paused              a progress report or acknowledgement stopped the climb at the current level
 * @param ladder              the ladder the case started with, in working days overdue
 * @param workingDaysOverdue  working days that have fully passed since the due date (the due date and today not
 *                            counted), computed when read; null if no working calendar is available
 * @param calendarDaysOverdue days from the due date to today, computed when read
 */
public record EscalationEntry(String commitmentId, String policyId, int itemNumber, String itemText, String unitId,
                              String unitName, String milestoneId, String milestoneTitle, LocalDate dueDate, int level,
                              Instant since, Instant levelSince, boolean paused, Instant pausedAt, String pauseReason,
                              List<Integer> ladder, Integer workingDaysOverdue, long calendarDaysOverdue) {
}
