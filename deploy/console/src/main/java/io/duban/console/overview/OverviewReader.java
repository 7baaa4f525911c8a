package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.console.Queries;
import io.duban.query.api.board.BoardSummary;
import io.duban.query.api.board.FindBoardSummary;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.FindDispatchRound;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.api.overdue.FindOverdueHistory;
import io.duban.query.api.overdue.OverdueHistory;
import io.duban.query.api.scorecard.FindOnTimeRates;
import io.duban.query.api.scorecard.OnTimeRates;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads 总览 through the query bus with five queries per page view whatever the number of units, items or
 * commitments, never one per row, all sent before any answer is awaited:
 * <ol>
 *   <li>the board summary: the counts by light and the lights by unit, the overdue and due-soon lists (their first
 *       rows and counts) and the progress by article;</li>
 *   <li>this year's on-time rate by unit, counted as the scorecard counts it;</li>
 *   <li>the office's inbox, the first rows of each list and their totals: pending decisions and open major issues;</li>
 *   <li>this quarter's dispatch round: the report rate;</li>
 *   <li>the overdue history of the trend's period (not asked when the period is refused).</li>
 * </ol>
 */
@Component
class OverviewReader {

    static final int QUERIES = 5;

    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectMapper json;

    OverviewReader(QueryGateway queries, Clock clock, ObjectMapper json) {
        this.queries = queries;
        this.clock = clock;
        this.json = json;
    }

    Overview read(String trendFrom, String trendTo) {
        LocalDate today = LocalDate.now(clock);
        TrendPeriod period = TrendPeriod.parse(trendFrom, trendTo, today);
        LocalDate yearStart = today.withDayOfYear(1);
        LocalDate yearEnd = today.withDayOfYear(today.lengthOfYear());
        String roundId = DispatchRoundId.of(today);

        CompletableFuture<BoardSummary> board = queries.query(new FindBoardSummary(DueLists.TOP), BoardSummary.class);
        CompletableFuture<OnTimeRates> onTime = queries.query(new FindOnTimeRates(yearStart, yearEnd), OnTimeRates.class);
        CompletableFuture<OfficeInbox> inbox = queries.query(new FindOfficeInbox(0, Math.max(PendingDecisions.TOP, OpenIssues.TOP)), OfficeInbox.class);
        CompletableFuture<DispatchRoundView> round = queries.query(new FindDispatchRound(roundId), DispatchRoundView.class);
        CompletableFuture<OverdueHistory> history = period.valid()
                ? queries.query(new FindOverdueHistory(period.from(), period.to()), OverdueHistory.class) : null;

        BoardSummary items = Queries.await(board);
        OnTimeRates rates = Queries.await(onTime);
        OfficeInbox waiting = Queries.await(inbox);
        return new Overview(today,
                LightSummary.of(items.units(), json),
                DueLists.of(items),
                PendingDecisions.of(waiting, clock.getZone()),
                OpenIssues.of(waiting, clock.getZone()),
                QuarterReports.of(roundId, unlessNotFound(round), today),
                ArticleProgress.chart(items.items(), json),
                period,
                history == null ? OverdueTrend.none() : OverdueTrend.of(Queries.await(history), json),
                OnTimeByUnit.chart(rates, json),
                yearStart, yearEnd);
    }

    /** The round, or empty when nobody opened it yet (the read side answers 404). */
    private static Optional<DispatchRoundView> unlessNotFound(CompletableFuture<DispatchRoundView> answer) {
        try {
            return Optional.ofNullable(Queries.await(answer));
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ErrorResponse refused && refused.getStatusCode().value() == 404) {
                    return Optional.empty();
                }
            }
            throw e;
        }
    }
}
