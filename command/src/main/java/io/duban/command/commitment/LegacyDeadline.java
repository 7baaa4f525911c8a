package io.duban.command.commitment;

/**
 * The deadline payloads a commitment scheduled before it had one {@link NextStep} (one per due date, reminder and
 * ladder step). Quartz stores may still hold some; when one fires it is only a wake-up call.
 */
sealed interface LegacyDeadline permits DueDatePassed, DueDateReminder, EscalationStep {
}
