package io.duban.command.commitment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.LocalTime;
import java.util.List;

/**
 * The timing rules the Commitment aggregate schedules with, injected as a resource ({@code duban.schedule.*}).
 *
 * @param reminderWorkingDays {@code duban.schedule.reminder-working-days}: reminders this many working days before
 *                            each due date (default 7,1)
 * @param escalationLadder    {@code duban.schedule.escalation-ladder}: working days overdue after which the
 *                            case climbs to level 2, 3, … (default 3,7); recorded with each case when it opens
 * @param businessStart       {@code duban.schedule.business-start}: the local time (business zone) at which reminders
 *                            and escalation steps fire on their working day (default 09:00)
 */
@ConfigurationProperties("duban.schedule")
public record SchedulePolicy(@DefaultValue("7,1") List<Integer> reminderWorkingDays,
                             @DefaultValue("3,7") List<Integer> escalationLadder,
                             @DefaultValue("09:00") LocalTime businessStart) {

    public SchedulePolicy {
        reminderWorkingDays = reminderWorkingDays == null ? List.of() : List.copyOf(reminderWorkingDays);
        escalationLadder = escalationLadder == null ? List.of() : List.copyOf(escalationLadder);
        businessStart = businessStart == null ? LocalTime.of(9, 0) : businessStart;
        if (reminderWorkingDays.stream().anyMatch(d -> d == null || d < 1)) {
            throw new IllegalArgumentException("duban.schedule.reminder-working-days must be positive: "
                    + reminderWorkingDays);
        }
        for (int i = 0; i < escalationLadder.size(); i++) {
            Integer days = escalationLadder.get(i);
            if (days == null || days < 1 || (i > 0 && days <= escalationLadder.get(i - 1))) {
                throw new IllegalArgumentException(
                        "duban.schedule.escalation-ladder must be positive and increasing: " + escalationLadder);
            }
        }
    }
}
