package io.duban.command.dispatch;

import io.duban.command.api.Actor;
import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.dispatch.CloseDispatchRound;
import io.duban.command.api.dispatch.OpenDispatchRound;
import io.duban.command.api.dispatch.RemindLateUnits;
import io.duban.command.api.calendar.WorkingCalendar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isA;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

class DispatchStepsTest {

    /** Monday to Friday, National Day 2026 (1–7 Oct) off. */
    private static final WorkingCalendar CALENDAR = new WorkingCalendar() {
        private final Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
                LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7));

        public boolean isWorkingDay(LocalDate d) {
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY && !holidays.contains(d);
        }

        public LocalDate plusWorkingDays(LocalDate date, int days) {
            LocalDate d = date;
            for (int left = days; left > 0; ) {
                d = d.plusDays(1);
                if (isWorkingDay(d)) {
                    left--;
                }
            }
            return d;
        }

        public LocalDate minusWorkingDays(LocalDate date, int days) {
            throw new UnsupportedOperationException();
        }

        public LocalDate coveredUntil() {
            return LocalDate.of(2026, 12, 31);
        }
    };

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final DispatchSteps steps = new DispatchSteps(gateway, CALENDAR, () -> List.of("p.31.u1", "p.45.u2"), 10);

    private List<Object> sent() {
        ArgumentCaptor<Object> captor = ArgumentCaptor.forClass(Object.class);
        verify(gateway, atLeast(0)).sendAndWait(captor.capture());
        return captor.getAllValues();
    }

    @Test
    void nothing_happens_in_the_holiday_before_the_quarters_first_working_day() {
        steps.run(LocalDate.of(2026, 10, 5));
        verifyNoInteractions(gateway);
    }

    @Test
    void the_first_working_day_closes_the_previous_round_and_opens_this_one() {
        steps.run(LocalDate.of(2026, 10, 8));

        assertThat(sent()).containsExactly(new CloseDispatchRound("2026-Q3", Actor.schedule()),
                new OpenDispatchRound("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
                        LocalDate.of(2026, 10, 21), List.of("p.31.u1", "p.45.u2"), Actor.schedule()));
    }

    @Test
    void from_the_deadline_on_late_units_are_reminded_and_refusals_are_ignored() {
        doThrow(CommandRefusedException.ruleViolated("dispatch.round-closed", "x"))
                .when(gateway).sendAndWait(isA(CloseDispatchRound.class));

        steps.run(LocalDate.of(2026, 10, 21));

        assertThat(sent()).last().isEqualTo(new RemindLateUnits("2026-Q4", Actor.schedule()));
    }

    @Test
    void a_round_never_opened_before_is_no_obstacle() {
        doThrow(new AggregateNotFoundException("2026-Q3", "none")).when(gateway).sendAndWait(isA(CloseDispatchRound.class));

        steps.run(LocalDate.of(2026, 11, 2));

        assertThat(sent()).hasSize(3).element(1).isInstanceOf(OpenDispatchRound.class);
    }
}
