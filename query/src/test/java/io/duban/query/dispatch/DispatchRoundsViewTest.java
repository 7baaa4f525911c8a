package io.duban.query.dispatch;

import io.duban.query.api.dispatch.FindDispatchRounds;
import io.duban.query.api.dispatch.FindDispatchRound;
import io.duban.query.api.dispatch.FindDispatchDigest;
import io.duban.query.api.dispatch.FindDispatchDigestCsv;
import io.duban.query.api.dispatch.DigestFile;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.DispatchDigest;
import io.duban.command.api.Actor;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CommitmentReopened;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.dispatch.CommitmentsJoinedDispatchRound;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.LateUnitsReminded;
import io.duban.command.api.dispatch.QuarterlyReportRecorded;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.ItemsProjection;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.BoardRowReader;
import io.duban.query.fixtures.CommitmentViews;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.light.BoardProperties;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.NotFoundException;
import org.axonframework.eventhandling.DomainEventMessage;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.EventMessages.message;
import static io.duban.query.fixtures.EventMessages.policy;
import static io.duban.query.fixtures.SampleEvents.CITY;
import static io.duban.query.fixtures.SampleEvents.DEVELOPMENT;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.POLICY_ID;
import static io.duban.query.fixtures.SampleEvents.TRANSPORT;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Round 2024-Q3 (deadline 2024-07-12) over four commitments: 财政厅 item 1 (M1 due 2024-06-30 missed: red, reports),
 * 发展改革委 item 1 (on plan: green, reports late), 呼和浩特市 item 1 (verified: done, reports) and 交通运输厅 item 2
 * (behind plan: yellow) — the unit that never reports.
 */
class DispatchRoundsViewTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final String ROUND = "2024-Q3";
    private static final LocalDate START = LocalDate.of(2024, 7, 1);
    private static final LocalDate END = LocalDate.of(2024, 9, 30);
    private static final LocalDate DEADLINE = LocalDate.of(2024, 7, 12);
    private static final Actor SCHEDULE = Actor.schedule();
    private static final Actor RECORDER = Actor.system("季度调度登记");

    private final String finance = financeRegistered().commitmentId();
    private final CommitmentRegistered development = registered(1, DEVELOPMENT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2025, 12, 31), List.of());
    private final CommitmentRegistered city = registered(1, CITY, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 6, 30), List.of());
    private final CommitmentRegistered transport = registered(2, TRANSPORT, LocalDate.of(2024, 1, 1),
            LocalDate.of(2027, 12, 31), List.of());
    private final List<String> all = List.of(development.commitmentId(), finance, city.commitmentId(), transport.commitmentId());

    private DispatchRoundsProjection projection;
    private CommitmentViews commitmentsView;
    private DispatchQueries queries;
    private final List<DomainEventMessage<?>> round = new ArrayList<>();

    @BeforeEach
    void setUp() {
        var imported = policyImported();
        new ItemsProjection(mongo).on(imported, policy(POLICY_ID, 0, imported, T0));
        CommitmentViews commitments = new CommitmentViews(mongo);
        commitments.on(financeRegistered(), commitment(finance, 0, financeRegistered(), T0));
        var financeProgress = new ProgressReported(finance, 60, 0, "主体施工", null, FINANCE_OFFICIAL);
        commitments.on(financeProgress, commitment(finance, 1, financeProgress, T0.plusSeconds(1)));
        commitments.on(development, commitment(development.commitmentId(), 0, development, T0));
        var developmentProgress = new ProgressReported(development.commitmentId(), 30, 0, "推进中", null, FINANCE_OFFICIAL);
        commitments.on(developmentProgress, commitment(development.commitmentId(), 1, developmentProgress, T0.plusSeconds(1)));
        commitments.on(city, commitment(city.commitmentId(), 0, city, T0));
        var claimed = new CompletionClaimed(city.commitmentId(), "配套已到位", FINANCE_OFFICIAL);
        commitments.on(claimed, commitment(city.commitmentId(), 1, claimed, T0.plusSeconds(2)));
        var verified = new CompletionVerified(city.commitmentId(), "同意办结", OFFICE);
        commitments.on(verified, commitment(city.commitmentId(), 2, verified, T0.plusSeconds(3)));
        commitments.on(transport, commitment(transport.commitmentId(), 0, transport, T0));

        Clock november = Clock.fixed(Instant.parse("2024-11-15T01:00:00Z"), SHANGHAI);
        projection = new DispatchRoundsProjection(mongo);
        commitmentsView = commitments;
        queries = new DispatchQueries(new DispatchRoundReader(mongo, new BoardRowReader(mongo), november),
                new CommitmentReader(mongo), new CatalogReader(mongo), new TrafficLights(november, new BoardProperties(14, 10)));

        Instant opened = Instant.parse("2024-07-01T00:30:00Z");
        round.add(event(0, new DispatchRoundOpened(ROUND, START, END, DEADLINE, all, SCHEDULE), opened));
        round.add(event(1, report(finance, Instant.parse("2024-07-03T02:00:00Z"), false), Instant.parse("2024-07-03T02:00:01Z")));
        round.add(event(2, report(city.commitmentId(), Instant.parse("2024-07-04T02:00:00Z"), false), Instant.parse("2024-07-04T02:00:01Z")));
        round.add(event(3, new LateUnitsReminded(ROUND, DEADLINE, List.of(development.commitmentId(), transport.commitmentId()), SCHEDULE),
                Instant.parse("2024-07-12T00:30:00Z")));
        round.add(event(4, report(development.commitmentId(), Instant.parse("2024-07-20T02:00:00Z"), true), Instant.parse("2024-07-20T02:00:01Z")));
    }

    private DomainEventMessage<?> closed() {
        return event(5, new DispatchRoundClosed(ROUND, START, END,
                List.of(development.commitmentId(), finance, city.commitmentId()), List.of(transport.commitmentId()), SCHEDULE),
                Instant.parse("2024-10-08T00:30:00Z"));
    }

    private static QuarterlyReportRecorded report(String commitmentId, Instant at, boolean late) {
        return new QuarterlyReportRecorded(ROUND, commitmentId, 50, "季度进展", FINANCE_OFFICIAL, at, late, RECORDER);
    }

    private static <T> DomainEventMessage<T> event(long sequence, T payload, Instant at) {
        return message("DispatchRound", ROUND, sequence, payload, at);
    }

    private void apply(DomainEventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof DispatchRoundOpened e) {
            projection.on(e, message);
        } else if (payload instanceof QuarterlyReportRecorded e) {
            projection.on(e, message);
        } else if (payload instanceof LateUnitsReminded e) {
            projection.on(e, message);
        } else if (payload instanceof DispatchRoundClosed e) {
            projection.on(e, message);
        } else if (payload instanceof CommitmentsJoinedDispatchRound e) {
            projection.on(e, message);
        }
    }

    @Test
    void the_view_follows_the_round_and_ignores_repeated_events() {
        round.forEach(this::apply);
        apply(closed());
        List<Document> once = mongo.getCollection(DispatchRoundsProjection.COLLECTION).find().into(new ArrayList<>());

        round.forEach(this::apply);
        apply(closed());

        List<Document> twice = mongo.getCollection(DispatchRoundsProjection.COLLECTION).find().into(new ArrayList<>());
        assertThat(twice).isEqualTo(once);
        // the header and one bucket per policy of its commitments
        assertThat(once).extracting(d -> d.getString("_id")).containsExactlyInAnyOrder(ROUND, ROUND + "~" + POLICY_ID);
        DispatchRoundView view = queries.handle(new FindDispatchRound(ROUND));
        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.reportDeadline()).isEqualTo(DEADLINE);
        assertThat(view.reports()).extracting(DispatchRoundView.Report::commitmentId, DispatchRoundView.Report::late)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(finance, false),
                        org.assertj.core.groups.Tuple.tuple(city.commitmentId(), false),
                        org.assertj.core.groups.Tuple.tuple(development.commitmentId(), true));
        assertThat(view.reminders()).singleElement().satisfies(r -> {
            assertThat(r.commitmentIds()).containsExactly(development.commitmentId(), transport.commitmentId());
            assertThat(r.channel()).isEqualTo("SCHEDULE");
        });
        assertThat(view.notReported()).containsExactly(transport.commitmentId());
        assertThat(queries.handle(new FindDispatchRounds())).extracting(DispatchRoundView::roundId).containsExactly(ROUND);
    }

    /** The quarter round with a unit that never reports, at the view level. */
    @Test
    void a_round_over_two_policies_reads_whole_and_so_does_a_round_document_written_before_buckets() {
        // given: the round also lists a commitment of another policy, which reports
        String elsewhere = "nzf-2024-2.3." + TRANSPORT.unitId();
        apply(event(0, new DispatchRoundOpened(ROUND, START, END, DEADLINE, List.of(finance, elsewhere), SCHEDULE),
                Instant.parse("2024-07-01T00:30:00Z")));
        apply(event(1, report(elsewhere, Instant.parse("2024-07-03T02:00:00Z"), false), Instant.parse("2024-07-03T02:00:01Z")));
        // and a round of the shape before buckets: every list in the round's own document
        mongo.getCollection(DispatchRoundsProjection.COLLECTION).insertOne(new Document("_id", "2024-Q2")
                .append("quarterStart", "2024-04-01").append("quarterEnd", "2024-06-30")
                .append("reportDeadline", "2024-04-15").append("status", "OPEN")
                .append("commitmentIds", List.of(finance, city.commitmentId()))
                .append("joins", List.of()).append("reminders", List.of())
                .append("reports", List.of(new Document("commitmentId", finance).append("progress", 40)))
                .append("lastSequence", 3L));
        DispatchRoundReader reader = new DispatchRoundReader(mongo, new BoardRowReader(mongo),
                Clock.fixed(Instant.parse("2024-11-15T01:00:00Z"), SHANGHAI));

        // when
        DispatchRoundView q3 = reader.byId(ROUND).orElseThrow();
        DispatchRoundView q2 = reader.byId("2024-Q2").orElseThrow();

        // then
        assertThat(q3.commitmentIds()).containsExactlyInAnyOrder(finance, elsewhere);
        assertThat(q3.reports()).extracting(DispatchRoundView.Report::commitmentId).containsExactly(elsewhere);
        assertThat(q3.withoutReport()).containsExactly(finance);
        assertThat(q2.withoutReport()).containsExactly(city.commitmentId());
        assertThat(reader.all()).extracting(DispatchRoundView::roundId).containsExactly(ROUND, "2024-Q2");
    }

    @Test
    void the_digest_of_a_closed_round_lists_the_unit_that_never_reported_and_judges_lights_at_the_quarter_end() {
        round.forEach(this::apply);
        apply(closed());

        DispatchDigest digest = queries.handle(new FindDispatchDigest(ROUND));

        assertThat(digest.asOf()).isEqualTo(END);
        assertThat(digest.totals()).isEqualTo(new DispatchDigest.Counts(4, 1, 1, 1, 1, 3, 1, 0));
        assertThat(digest.notReported()).singleElement().satisfies(e -> {
            assertThat(e.unitName()).isEqualTo("自治区交通运输厅");
            assertThat(e.itemNumber()).isEqualTo(2);
            assertThat(e.light()).isEqualTo("预警");
        });
        assertThat(digest.byItem()).extracting(DispatchDigest.ItemRow::itemNumber, DispatchDigest.ItemRow::counts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, new DispatchDigest.Counts(3, 1, 0, 1, 1, 3, 0, 0)),
                        org.assertj.core.groups.Tuple.tuple(2, new DispatchDigest.Counts(1, 0, 1, 0, 0, 0, 1, 0)));
        assertThat(digest.byItem().get(0).itemText()).startsWith("支持呼和浩特市建设国家级乳业创新中心");
        assertThat(digest.byUnit()).filteredOn(u -> u.unitId().equals(TRANSPORT.unitId())).singleElement()
                .satisfies(u -> assertThat(u.notReported()).extracting(DispatchDigest.Entry::commitmentId)
                        .containsExactly(transport.commitmentId()));
        assertThat(digest.byUnit()).filteredOn(u -> u.unitId().equals(DEVELOPMENT.unitId())).singleElement()
                .satisfies(u -> assertThat(u.counts().reported()).isEqualTo(1));
        assertThat(digest.worstOverdue()).singleElement().satisfies(o -> {
            assertThat(o.commitmentId()).isEqualTo(finance);
            assertThat(o.unitId()).as("for machines, beside the name").isEqualTo(FINANCE.unitId());
            assertThat(o.overdueSince()).isEqualTo(LocalDate.of(2024, 6, 30));
            assertThat(o.daysOverdue()).isEqualTo(92);
        });
    }

    @Test
    void an_open_round_counts_the_reports_so_far() {
        round.subList(0, 2).forEach(this::apply);

        DispatchDigest digest = queries.handle(new FindDispatchDigest(ROUND));

        assertThat(digest.status()).isEqualTo("OPEN");
        assertThat(digest.totals().reported()).isEqualTo(1);
        assertThat(digest.notReported()).extracting(DispatchDigest.Entry::commitmentId)
                .containsExactlyInAnyOrder(development.commitmentId(), transport.commitmentId());
        assertThat(digest.exempt()).as("verified before the round opened").extracting(DispatchDigest.Entry::commitmentId)
                .containsExactly(city.commitmentId());
    }

    /**
     * Without a report: 呼和浩特市 (verified in January, before the round opened) owes none; 交通运输厅, verified on
     * 20 July after the deadline it had let pass while open, still owes its report; 财政厅's item 2, listed only on
     * 1 August (after the deadline: due by the quarter's end) and verified on 10 August, owes none either.
     */
    @Test
    void a_commitment_verified_before_its_report_fell_due_owes_none_and_one_verified_after_it_still_owes_it() {
        // given
        verify(transport.commitmentId(), 1, Instant.parse("2024-07-20T02:00:00Z"));
        CommitmentRegistered lateJoiner = registered(2, FINANCE, LocalDate.of(2024, 7, 25), LocalDate.of(2024, 12, 31),
                List.of());
        commitmentsView.on(lateJoiner, commitment(lateJoiner.commitmentId(), 0, lateJoiner, Instant.parse("2024-08-01T02:00:00Z")));
        verify(lateJoiner.commitmentId(), 1, Instant.parse("2024-08-10T02:00:00Z"));
        round.subList(0, 2).forEach(this::apply);
        apply(event(2, new CommitmentsJoinedDispatchRound(ROUND, DEADLINE, List.of(lateJoiner.commitmentId()), RECORDER),
                Instant.parse("2024-08-01T02:00:01Z")));

        // when
        DispatchDigest digest = queries.handle(new FindDispatchDigest(ROUND));
        DispatchRoundView view = queries.handle(new FindDispatchRound(ROUND));

        // then
        assertThat(digest.exempt()).extracting(DispatchDigest.Entry::commitmentId)
                .containsExactlyInAnyOrder(city.commitmentId(), lateJoiner.commitmentId());
        assertThat(digest.exempt()).allSatisfy(e -> assertThat(e.reported()).isFalse());
        assertThat(digest.notReported()).extracting(DispatchDigest.Entry::commitmentId)
                .containsExactlyInAnyOrder(development.commitmentId(), transport.commitmentId());
        assertThat(digest.totals()).isEqualTo(new DispatchDigest.Counts(5, 1, 0, 1, 3, 1, 2, 2));
        assertThat(digest.byUnit()).filteredOn(u -> u.unitId().equals(CITY.unitId())).singleElement()
                .satisfies(u -> assertThat(u.notReported()).isEmpty());
        assertThat(view.exempt()).containsExactlyInAnyOrder(city.commitmentId(), lateJoiner.commitmentId());
        assertThat(view.notReportedNow()).containsExactlyInAnyOrder(development.commitmentId(), transport.commitmentId());
        assertThat(queries.handle(new FindDispatchRounds())).singleElement()
                .satisfies(r -> assertThat(r.exempt()).hasSize(2));
        assertThat(DigestDocuments.csv(digest)).contains("\r\n已办结免报\r\n")
                .contains("," + city.commitmentId() + "," + CITY.unitId());
    }

    @Test
    void a_closed_round_recorded_without_a_report_still_exempts_the_commitment_verified_in_time_and_a_reopened_one_owes_it() {
        // given: the command side closed the round listing 呼和浩特市 as not reported
        round.subList(0, 2).forEach(this::apply);
        apply(event(2, new DispatchRoundClosed(ROUND, START, END, List.of(finance),
                List.of(development.commitmentId(), city.commitmentId(), transport.commitmentId()), SCHEDULE),
                Instant.parse("2024-10-08T00:30:00Z")));
        assertThat(queries.handle(new FindDispatchRound(ROUND)).notReportedNow())
                .containsExactlyInAnyOrder(development.commitmentId(), transport.commitmentId());

        // when: it is reopened
        var reopened = new CommitmentReopened(city.commitmentId(), "材料不全", OFFICE);
        commitmentsView.on(reopened, commitment(city.commitmentId(), 3, reopened, T0.plusSeconds(4)));

        // then
        assertThat(queries.handle(new FindDispatchRound(ROUND)).notReportedNow()).contains(city.commitmentId());
        assertThat(queries.handle(new FindDispatchDigest(ROUND)).exempt()).isEmpty();
    }

    private void verify(String commitmentId, long sequence, Instant at) {
        var claimed = new CompletionClaimed(commitmentId, "已完成", FINANCE_OFFICIAL);
        commitmentsView.on(claimed, commitment(commitmentId, sequence, claimed, at.minusSeconds(60)));
        var verified = new CompletionVerified(commitmentId, "同意办结", OFFICE);
        commitmentsView.on(verified, commitment(commitmentId, sequence + 1, verified, at));
    }

    @Test
    void the_csv_opens_in_excel_and_the_html_page_is_escaped() {
        round.forEach(this::apply);
        apply(closed());
        DispatchDigest digest = queries.handle(new FindDispatchDigest(ROUND));

        String csv = DigestDocuments.csv(digest);
        assertThat(csv).startsWith("\uFEFF季度调度,2024-Q3,");
        assertThat(csv).contains("\r\n未报送\r\n").contains(",2,自治区交通运输厅,预警,0%," + transport.commitmentId()
                + "," + TRANSPORT.unitId());
        assertThat(csv).contains("\r\n责任单位,单位ID,承诺数,").contains("\r\n自治区交通运输厅," + TRANSPORT.unitId() + ",");
        assertThat(DigestDocuments.csvField("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(DigestDocuments.csvField("a,b")).isEqualTo("\"a,b\"");

        String html = DigestDocuments.html(digest);
        assertThat(html).contains("<html lang=\"zh-CN\">").contains("2024-Q3 季度调度汇总").contains("自治区交通运输厅");
        DispatchDigest hostile = new DispatchDigest("<script>", START, END, DEADLINE, "CLOSED", END, digest.totals(),
                List.of(), List.of(), List.of(new DispatchDigest.Entry("x", POLICY_ID, 1, "u", "<b>单位</b>&", "逾期", 0, false, false, false)),
                List.of(), List.of());
        assertThat(DigestDocuments.html(hostile)).doesNotContain("<script>").doesNotContain("<b>")
                .contains("&lt;b&gt;单位&lt;/b&gt;&amp;");
    }

    @Test
    void the_csv_query_answers_the_file_the_rest_download_serves() {
        round.forEach(this::apply);
        apply(closed());

        DigestFile file = queries.handle(new FindDispatchDigestCsv(ROUND));

        assertThat(file.filename()).isEqualTo("dispatch-2024-Q3.csv");
        assertThat(file.text()).isEqualTo(DigestDocuments.csv(queries.handle(new FindDispatchDigest(ROUND))))
                .startsWith("\uFEFF季度调度,2024-Q3,");
        assertThatThrownBy(() -> queries.handle(new FindDispatchDigestCsv("2030-Q1"))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_unknown_round_is_not_found() {
        assertThatThrownBy(() -> queries.handle(new FindDispatchDigest("2030-Q1"))).isInstanceOf(NotFoundException.class);
    }
}
