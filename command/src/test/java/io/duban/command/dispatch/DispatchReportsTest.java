package io.duban.command.dispatch;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.dispatch.RecordQuarterlyReport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;

import static io.duban.command.dispatch.DispatchRoundTest.FINANCE_31;
import static io.duban.command.dispatch.DispatchRoundTest.FINANCE_OFFICIAL;
import static io.duban.command.dispatch.DispatchRoundTest.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doThrow;

class DispatchReportsTest {

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final DispatchReports reports = new DispatchReports(gateway, Clock.system(ZONE));
    private final ProgressReported progress = new ProgressReported(FINANCE_31, 60, 40, "完成拨付", null, FINANCE_OFFICIAL);

    private static EventMessage<?> at(ProgressReported event, Instant timestamp) {
        return new GenericEventMessage<>("e1", event, MetaData.emptyInstance(), timestamp);
    }

    @Test
    void a_progress_report_is_recorded_in_the_round_of_its_business_date() {
        Instant newYearInShanghai = Instant.parse("2026-12-31T17:00:00Z");
        reports.on(progress, at(progress, newYearInShanghai));

        ArgumentCaptor<RecordQuarterlyReport> sent = ArgumentCaptor.forClass(RecordQuarterlyReport.class);
        verify(gateway).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new RecordQuarterlyReport("2027-Q1", FINANCE_31, 60, "完成拨付",
                FINANCE_OFFICIAL, newYearInShanghai, DispatchReports.ACTOR));
    }

    @Test
    void no_open_round_and_a_refused_report_are_ignored() {
        doThrow(new AggregateNotFoundException("2026-Q4", "not found")).when(gateway).sendAndWait(any());
        assertThatCode(() -> reports.on(progress, at(progress, Instant.parse("2026-11-02T02:00:00Z"))))
                .doesNotThrowAnyException();

        doThrow(CommandRefusedException.ruleViolated("dispatch.not-in-round", "x")).when(gateway).sendAndWait(any());
        assertThatCode(() -> reports.on(progress, at(progress, Instant.parse("2026-11-02T02:00:00Z"))))
                .doesNotThrowAnyException();
    }
}
