package io.duban.query.timeline;

import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.OfficialAppointed;
import io.duban.command.api.OfficialRole;
import io.duban.command.api.ProgressReported;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.web.BadRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.official;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.TRANSPORT;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timeline by item, unit and person, narrowed by time, type and channel; and the REST parameters' checks. */
class TimelineFiltersTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");

    private TimelineQueries queries;
    private final CommitmentRegistered finance = financeRegistered();
    private final CommitmentRegistered development =
            registered(1, DEVELOPMENT, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30), List.of());
    private final CommitmentRegistered transport =
            registered(2, TRANSPORT, LocalDate.of(2024, 1, 1), LocalDate.of(2025, 6, 30), List.of());

    @BeforeEach
    void setUp() {
        TimelineProjection projection = new TimelineProjection(mongo);
        queries = new TimelineQueries(mongo, new CatalogReader(mongo));
        String f = finance.commitmentId();
        projection.on(finance, commitment(f, 0, finance, T0));
        projection.on(development, commitment(development.commitmentId(), 0, development, T0.plusSeconds(1)));
        projection.on(transport, commitment(transport.commitmentId(), 0, transport, T0.plusSeconds(2)));
        var progress = new ProgressReported(f, 30, 0, "开工", null, FINANCE_OFFICIAL);
        projection.on(progress, commitment(f, 1, progress, T0.plus(days(1))));
        var overdue = new MilestoneBecameOverdue(f, "M1", LocalDate.of(2024, 6, 30), Actor.schedule());
        projection.on(overdue, commitment(f, 2, overdue, Instant.parse("2024-06-30T16:00:00Z")));
        var approved = new DeadlineChangeApproved(f, "C1", "M1", LocalDate.of(2024, 6, 30), LocalDate.of(2024, 9, 30),
                "同意", OFFICE);
        projection.on(approved, commitment(f, 3, approved, Instant.parse("2024-07-02T01:00:00Z")));
        var tprogress = new ProgressReported(transport.commitmentId(), 10, 0, "起步", null,
                new Actor("jtt-1", "赵科长", io.duban.command.api.Role.UNIT, java.util.Set.of(TRANSPORT.unitId()),
                        Channel.WEB, null));
        projection.on(tprogress, commitment(transport.commitmentId(), 1, tprogress, T0.plus(days(2))));
        var appointed = new OfficialAppointed("fin-1", "李处长", OfficialRole.OFFICIAL, List.of(FINANCE.unitId()), OFFICE);
        projection.on(appointed, official("fin-1", 0, appointed, T0.minusSeconds(60)));
    }

    private static java.time.Duration days(int n) {
        return java.time.Duration.ofDays(n);
    }

    private List<String> ids(FindTimeline query) {
        return queries.handle(query).stream().map(TimelineEntry::eventId).toList();
    }

    @Test
    void anItemsTimelineHasEveryEventOfAllItsCommitmentsInTimeOrder() {
        String f = finance.commitmentId();
        assertThat(ids(FindTimeline.item(POLICY_ID, 1))).containsExactly(f + "#0",
                development.commitmentId() + "#0", f + "#1", f + "#2", f + "#3");
    }

    @Test
    void aUnitsTimelineHasOnlyItsOwnCommitments() {
        assertThat(ids(FindTimeline.unit(TRANSPORT.unitId())))
                .containsExactly(transport.commitmentId() + "#0", transport.commitmentId() + "#1");
    }

    @Test
    void aPersonsTimelineHasWhatTheyDidAndWhatTheDirectoryRecordedAboutThem() {
        // the three registrations and the progress report were made by fin-1; the appointment is about fin-1
        String f = finance.commitmentId();
        assertThat(ids(FindTimeline.person("fin-1"))).containsExactly("fin-1#0", f + "#0",
                development.commitmentId() + "#0", transport.commitmentId() + "#0", f + "#1");
        assertThat(ids(FindTimeline.person("office-1"))).containsExactly("fin-1#0", f + "#3");
    }

    @Test
    void filtersByChannelTypeAndTime() {
        String f = finance.commitmentId();
        assertThat(ids(FindTimeline.commitment(f).through(List.of(Channel.SCHEDULE)))).containsExactly(f + "#2");
        assertThat(ids(FindTimeline.commitment(f).through(List.of(Channel.SCHEDULE, Channel.WEB))))
                .containsExactly(f + "#2", f + "#3");
        assertThat(ids(FindTimeline.unit(FINANCE.unitId()).ofTypes(List.of("ProgressReported", "DeadlineChangeApproved"))))
                .containsExactly(f + "#1", f + "#3");
        // the overdue fact fell at 2024-07-01 00:00 in Shanghai: a date range in the business zone
        FindTimeline julyFirst = TimelineParams.filtered(FindTimeline.commitment(f), "2024-07-01", "2024-07-01", null,
                null, SHANGHAI);
        assertThat(ids(julyFirst)).as("a date as to: up to the end of that day").containsExactly(f + "#2");
        FindTimeline july = TimelineParams.filtered(FindTimeline.commitment(f), "2024-07-01", "2024-07-02", null,
                null, SHANGHAI);
        assertThat(ids(july)).containsExactly(f + "#2", f + "#3");
        FindTimeline june = TimelineParams.filtered(FindTimeline.commitment(f), null, "2024-06-30", null, null,
                SHANGHAI);
        assertThat(ids(june)).containsExactly(f + "#0", f + "#1");
        FindTimeline instants = TimelineParams.filtered(FindTimeline.commitment(f), "2024-06-30T16:00:00Z",
                "2024-07-02T01:00:00Z", null, null, SHANGHAI);
        assertThat(ids(instants)).as("from inclusive, an instant as to exclusive").containsExactly(f + "#2");
    }

    @Test
    void eachEntrySaysWhoWhenThroughWhatAndTheMessageId() {
        TimelineEntry progress = queries.handle(FindTimeline.person("fin-1").ofTypes(List.of("ProgressReported")))
                .get(0);
        assertThat(progress.actor().userId()).isEqualTo("fin-1");
        assertThat(progress.at()).isEqualTo(T0.plus(days(1)));
        assertThat(progress.channel()).isEqualTo(Channel.DINGTALK);
        assertThat(progress.messageId()).isEqualTo("msg-42");
        assertThat(progress.facts()).containsEntry("percent", 30);
    }

    @Test
    void theAuditSearchNarrowsByEveryFilterGivenAPageAtATime() {
        String f = finance.commitmentId();
        java.util.function.Function<io.duban.query.api.timeline.TimelinePage, List<String>> ids =
                page -> page.rows().stream().map(io.duban.query.api.timeline.TimelinePage.Row::eventId).toList();
        var unitNewestFirst = queries.handle(new io.duban.query.api.timeline.FindTimelinePage(null, null, null,
                FINANCE.unitId(), null, null, null, List.of(), List.of(), true, 0, 2));
        assertThat(unitNewestFirst.total()).isEqualTo(4);
        assertThat(unitNewestFirst.pages()).isEqualTo(2);
        assertThat(ids.apply(unitNewestFirst)).containsExactly(f + "#3", f + "#2");
        var lastPage = queries.handle(new io.duban.query.api.timeline.FindTimelinePage(null, null, null,
                FINANCE.unitId(), null, null, null, List.of(), List.of(), true, 1, 2));
        assertThat(ids.apply(lastPage)).containsExactly(f + "#1", f + "#0");
        // subjects narrow together: the unit's entries by one person, of one type, through one channel
        var combined = queries.handle(new io.duban.query.api.timeline.FindTimelinePage(null, null, null,
                FINANCE.unitId(), "fin-1", null, null, List.of("ProgressReported"), List.of(Channel.DINGTALK), false,
                0, 50));
        assertThat(ids.apply(combined)).containsExactly(f + "#1");
        assertThat(combined.rows().get(0).messageId()).isEqualTo("msg-42");
        var item = queries.handle(new io.duban.query.api.timeline.FindTimelinePage(f, POLICY_ID, 1, null, null,
                T0.plus(days(1)), Instant.parse("2024-07-02T01:00:00Z"), List.of(), List.of(), false, 0, 50));
        assertThat(ids.apply(item)).as("from inclusive, to exclusive").containsExactly(f + "#1", f + "#2");
        var everything = queries.handle(new io.duban.query.api.timeline.FindTimelinePage(null, null, null, null,
                null, null, null, List.of(), List.of(), false, 0, 50));
        assertThat(everything.total()).isEqualTo(8);
        assertThat(ids.apply(everything)).first().isEqualTo("fin-1#0");
    }

    @Test
    void aFilteredAggregateWithoutEntriesIsAnEmptyListNotA404() {
        assertThat(queries.handle(FindTimeline.commitment("nope").through(List.of(Channel.WEB)))).isEmpty();
    }

    @Test
    void exactlyOneSubjectAndWellFormedFiltersAreRequired() {
        assertThatThrownBy(() -> TimelineParams.subject(null, null, null, " ", null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("只请指定一个查询对象");
        assertThatThrownBy(() -> TimelineParams.subject("c", null, null, "u", null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("收到 2 个");
        assertThatThrownBy(() -> TimelineParams.subject(null, POLICY_ID, null, null, null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("同时提供 policyId 和 itemNumber");
        assertThatThrownBy(() -> TimelineParams.subject(null, POLICY_ID, "x", null, null))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("正整数");
        FindTimeline any = FindTimeline.unit("u");
        assertThatThrownBy(() -> TimelineParams.filtered(any, "yesterday", null, null, null, SHANGHAI))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("参数 from");
        assertThatThrownBy(() -> TimelineParams.filtered(any, "2024-07-02", "2024-07-01", null, null, SHANGHAI))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("应早于");
        assertThatThrownBy(() -> TimelineParams.filtered(any, null, null, List.of("Progress"), null, SHANGHAI))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("不是已知的事件类型");
        assertThatThrownBy(() -> TimelineParams.filtered(any, null, null, null, List.of("WEB,FAX"), SHANGHAI))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("参数 channel");
        assertThat(TimelineParams.filtered(any, null, null, List.of("ProgressReported,CommitmentUrged"),
                List.of("web", "DINGTALK"), SHANGHAI))
                .satisfies(q -> {
                    assertThat(q.types()).containsExactly("ProgressReported", "CommitmentUrged");
                    assertThat(q.channels()).containsExactly(Channel.WEB, Channel.DINGTALK);
                });
        assertThat(TimelineParams.subject(null, POLICY_ID, "2", null, null)).isEqualTo(FindTimeline.item(POLICY_ID, 2));
    }
}
