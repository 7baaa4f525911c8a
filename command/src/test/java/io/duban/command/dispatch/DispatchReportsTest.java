package io.duban.command.dispatch;

import io.duban.command.api.CommandRefusedException;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.dispatch.RecordQuarterlyReport;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.dispatch.OpenDispatchRound;
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
    void a_commitment_registered_during_a_quarter_joins_that_quarters_round() {
        CommitmentRegistered registered = new CommitmentRegistered(FINANCE_31, "nzf-2023-1", 31, "uc88ba393", null,
                null, null, null, null, java.util.List.of(), FINANCE_OFFICIAL);
        Instant nov2 = Instant.parse("2026-11-02T02:00:00Z");
        reports.on(registered, new GenericEventMessage<>("e2", registered, MetaData.emptyInstance(), nov2));

        verify(gateway).sendAndWait(new OpenDispatchRound("2026-Q4", null, null, null, java.util.List.of(FINANCE_31),
                DispatchReports.ACTOR));
    }

    @Test
    void a_refused_report_is_ignored() {
        doThrow(CommandRefusedException.ruleViolated("dispatch.round-closed", "x")).when(gateway).sendAndWait(any());
        assertThatCode(() -> reports.on(progress, at(progress, Instant.parse("2026-11-02T02:00:00Z"))))
                .doesNotThrowAnyException();
    }
}
