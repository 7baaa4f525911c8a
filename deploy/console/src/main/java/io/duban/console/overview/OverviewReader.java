package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.console.Queries;
import io.duban.query.api.board.FindItemBoard;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.FindDispatchRound;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.api.overdue.FindOverdueHistory;
import io.duban.query.api.overdue.OverdueHistory;
import io.duban.query.api.scorecard.FindScorecard;
import io.duban.query.api.scorecard.Scorecard;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Reads 总览 through the query bus with five queries per page view whatever the number of units, items or
 * commitments, never one per row, all sent before any answer is awaited:
 * <ol>
 *   <li>the item board of every policy: the overdue and due-soon lists and the progress by article;</li>
 *   <li>this year's scorecard: the counts by light and the lights by unit (the units' current lights come with it),
 *       and the on-time rate by unit;</li>
 *   <li>the office's inbox: pending decisions and open major issues;</li>
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
    private final int dueSoonDays;

    OverviewReader(QueryGateway queries, Clock clock, ObjectMapper json,
                   @Value("${duban.board.due-soon-days:14}") int dueSoonDays) {
        this.queries = queries;
        this.clock = clock;
        this.json = json;
        this.dueSoonDays = dueSoonDays;
    }

    Overview read(String trendFrom, String trendTo) {
        LocalDate today = LocalDate.now(clock);
        TrendPeriod period = TrendPeriod.parse(trendFrom, trendTo, today);
        LocalDate yearStart = today.withDayOfYear(1);
        LocalDate yearEnd = today.withDayOfYear(today.lengthOfYear());
        String roundId = DispatchRoundId.of(today);

        CompletableFuture<List<ItemBoardEntry>> board = queries.query(new FindItemBoard(null),
                ResponseTypes.multipleInstancesOf(ItemBoardEntry.class));
        CompletableFuture<Scorecard> card = queries.query(new FindScorecard(yearStart, yearEnd), Scorecard.class);
        CompletableFuture<OfficeInbox> inbox = queries.query(new FindOfficeInbox(), OfficeInbox.class);
        CompletableFuture<DispatchRoundView> round = queries.query(new FindDispatchRound(roundId), DispatchRoundView.class);
        CompletableFuture<OverdueHistory> history = period.valid()
                ? queries.query(new FindOverdueHistory(period.from(), period.to()), OverdueHistory.class) : null;

        List<ItemBoardEntry> items = Queries.await(board);
        Scorecard scorecard = Queries.await(card);
        OfficeInbox waiting = Queries.await(inbox);
        return new Overview(today,
                LightSummary.of(scorecard.units(), json),
                DueLists.of(items.stream().flatMap(e -> e.commitments().stream()).toList(), today, dueSoonDays),
                PendingDecisions.of(waiting, clock.getZone()),
                OpenIssues.of(waiting, clock.getZone()),
                QuarterReports.of(roundId, unlessNotFound(round), today),
                ArticleProgress.chart(items, json),
                period,
                history == null ? OverdueTrend.none() : OverdueTrend.of(Queries.await(history), json),
                OnTimeByUnit.chart(scorecard, json),
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
