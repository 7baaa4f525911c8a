package io.duban.query.timeline;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.Role;
import io.duban.query.api.timeline.FindCommitmentHistory;
import io.duban.query.api.timeline.HistoryEntry;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.web.NotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A commitment's history for the edges: every entry with who, channel and msgId; progress reports carry the figure. */
class CommitmentHistoryQueriesTest extends WireMongoTest {

    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");

    @Test
    void theHistoryHasEveryEntryInOrderAndTheProgressFigures() {
        TimelineProjection projection = new TimelineProjection(mongo);
        CommitmentHistoryQueries queries = new CommitmentHistoryQueries(new TimelineQueries(mongo, new CatalogReader(mongo)));
        CommitmentRegistered registered = financeRegistered();
        String id = registered.commitmentId();
        projection.on(registered, commitment(id, 0, registered, T0));
        var first = new ProgressReported(id, 30, 0, "开工", null, FINANCE_OFFICIAL);
        projection.on(first, commitment(id, 1, first, T0.plusSeconds(3600)));
        Actor bot = new Actor("demo-czt-wang", "王五", Role.UNIT, Set.of(FINANCE.unitId()), Channel.DINGTALK, "msg-42");
        var second = new ProgressReported(id, 20, 30, null, "统计口径调整", bot);
        projection.on(second, commitment(id, 2, second, T0.plusSeconds(7200)));

        var history = queries.handle(new FindCommitmentHistory(id));

        assertThat(history).extracting(HistoryEntry::sequence).containsExactly(0L, 1L, 2L);
        assertThat(history).extracting(HistoryEntry::percent).containsExactly(null, 30, 20);
        assertThat(history.get(0).type()).isEqualTo("CommitmentRegistered");
        HistoryEntry last = history.get(2);
        assertThat(last.at()).isEqualTo(T0.plusSeconds(7200));
        assertThat(last.channel()).isEqualTo(Channel.DINGTALK);
        assertThat(last.messageId()).isEqualTo("msg-42");
        assertThat(last.actor().name()).isEqualTo("王五");
        assertThat(last.summary()).isNotBlank();
    }

    @Test
    void anUnknownCommitmentIsNotFound() {
        CommitmentHistoryQueries queries = new CommitmentHistoryQueries(new TimelineQueries(mongo, new CatalogReader(mongo)));
        assertThatThrownBy(() -> queries.handle(new FindCommitmentHistory("nzf-2023-1.99.nobody")))
                .isInstanceOf(NotFoundException.class);
    }
}
