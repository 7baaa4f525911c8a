package io.duban.console.overview;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.api.CommitmentStatus;
import io.duban.query.api.ActorRef;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.BoardSummary;
import io.duban.query.api.board.BoardSummary.ItemTotal;
import io.duban.query.api.board.FindBoardSummary;
import io.duban.query.api.board.ItemBoardEntry;
import io.duban.query.api.board.ItemProgress;
import io.duban.query.api.catalog.ItemView;
import io.duban.query.api.catalog.UnitRef;
import io.duban.query.api.commitment.CommitmentView.MilestoneView;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.FindDispatchRound;
import io.duban.query.api.inbox.FindOfficeInbox;
import io.duban.query.api.inbox.OfficeInbox;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;
import io.duban.query.api.overdue.FindOverdueHistory;
import io.duban.query.api.overdue.OverdueHistory;
import io.duban.query.api.scorecard.FindOnTimeRates;
import io.duban.query.api.scorecard.OnTimeRates;
import io.duban.query.api.board.UnitSummary;
import io.duban.query.api.scorecard.Scorecard.UnitScore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 总览's reader against a query bus that answers from memory and records what it was asked: the same few queries
 * whatever the number of rows, and each section built from its answer. Read on 2026-12-02 in Shanghai.
 */
class OverviewReaderTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
    private static final ActorRef UNIT = new ActorRef("czt-1", "王五", null);

    private final List<Object> asked = new ArrayList<>();
    private List<ItemBoardEntry> board = List.of();
    private List<UnitScore> units = List.of();
    private OfficeInbox inbox = new OfficeInbox(TODAY, List.of(), List.of(), List.of(), List.of(),
            new OfficeInbox.LateReports("2026-Q4", "NOT_OPENED", null, false, List.of()),
            new OfficeInbox.Totals(0, 0, 0, 0), 0);
    private DispatchRoundView round;

    @Test
    void the_same_five_queries_whatever_the_number_of_rows() {
        board = List.of(item(1, "（一）", commitment(1, "u1", LightColor.RED, 10)));
        units = List.of(unit("u1", "一厅", 1, 0, Map.of(LightColor.RED, 1)));
        read(null, null);
        List<Class<?>> few = asked.stream().<Class<?>>map(Object::getClass).toList();

        asked.clear();
        board = IntStream.rangeClosed(1, 60).mapToObj(n -> item(n, "（" + n + "）",
                commitment(n, "u" + n, LightColor.YELLOW, n), commitment(n, "v" + n, LightColor.RED, n))).toList();
        units = IntStream.rangeClosed(1, 60).mapToObj(n -> unit("u" + n, "厅" + n, 2, 1, Map.of(LightColor.RED, 2)))
                .toList();
        Overview many = read(null, null);

        assertThat(few).containsExactly(FindBoardSummary.class, FindOnTimeRates.class, FindOfficeInbox.class,
                FindDispatchRound.class, FindOverdueHistory.class);
        assertThat(asked).hasSize(OverviewReader.QUERIES).extracting(Object::getClass).containsExactlyElementsOf(few);
        assertThat(many.due().overdueAll()).isEqualTo(60);
        assertThat(many.due().overdue()).hasSize(DueLists.TOP);
        assertThat(many.lights().expected()).isEqualTo(120);
    }

    @Test
    void the_trend_period_defaults_to_the_last_ninety_days_and_the_on_time_rates_to_this_year() {
        read(null, null);

        assertThat(asked).contains(new FindOverdueHistory(TODAY.minusDays(89), TODAY),
                new FindOnTimeRates(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)),
                new FindDispatchRound("2026-Q4"));
    }

    @Test
    void a_refused_trend_period_is_not_asked_and_its_message_goes_next_to_the_field() {
        Overview overview = read("2026-13-01", "2026-12-01");

        assertThat(asked).hasSize(OverviewReader.QUERIES - 1).noneMatch(q -> q instanceof FindOverdueHistory);
        assertThat(overview.trendPeriod().errors()).containsOnlyKeys("from")
                .containsEntry("from", "无法识别的日期「2026-13-01」，格式应为 年-月-日，例如 2026-01-01。");
        assertThat(overview.trendPeriod().fromText()).as("what was typed, shown again").isEqualTo("2026-13-01");
        assertThat(overview.trend().chart().empty()).isTrue();
    }

    @Test
    void a_round_nobody_opened_yet_is_an_empty_state_not_an_error() {
        Overview overview = read(null, null);

        assertThat(overview.reports().opened()).isFalse();
        assertThat(overview.reports().roundId()).isEqualTo("2026-Q4");
        assertThat(overview.reports().reportRate()).isNull();
    }

    @Test
    void a_commitment_exempt_from_reporting_is_neither_due_nor_missing() {
        round = new DispatchRoundView("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 10, 15), "OPEN", at("2026-10-01"), UNIT, List.of("a", "b", "c"),
                List.of(report("a", false)), List.of(), null, null, null, List.of("c"));

        QuarterReports reports = read(null, null).reports();

        assertThat(reports.due()).isEqualTo(2);
        assertThat(reports.reported()).isEqualTo(1);
        assertThat(reports.missing()).isEqualTo(1);
    }

    @Test
    void the_report_rate_counts_the_rounds_commitments_and_the_on_time_share_its_reports() {
        round = new DispatchRoundView("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31),
                LocalDate.of(2026, 10, 15), "OPEN", at("2026-10-01"), UNIT, List.of("a", "b", "c"),
                List.of(report("a", false), report("b", true)), List.of(), null, null, null, List.of());

        QuarterReports reports = read(null, null).reports();

        assertThat(List.of(reports.due(), reports.reported(), reports.onTime(), reports.late(), reports.missing()))
                .containsExactly(3, 2, 1, 1, 1);
        assertThat(reports.reportRate()).isEqualTo(67);
        assertThat(reports.onTimeShare()).isEqualTo(50);
        assertThat(reports.deadlinePassed()).isTrue();
    }

    @Test
    void pending_decisions_are_the_oldest_of_all_three_kinds_and_issues_those_open_longest_with_the_inboxs_totals() {
        OfficeInbox.Subject s = new OfficeInbox.Subject("c1", "p", 31, "u1", "自治区财政厅", 40, Light.of(LightColor.YELLOW, List.of()));
        inbox = new OfficeInbox(TODAY,
                List.of(new OfficeInbox.DeadlineChange(s, "D1", "M1", "第一阶段", TODAY, TODAY.plusDays(30), "EXTENSION",
                        "征地延迟", UNIT, at("2026-11-20"))),
                List.of(new OfficeInbox.CompletionClaim(s, "已印发", UNIT, at("2026-11-10"), 0, List.of(), false)),
                List.of(new OfficeInbox.MajorIssue(s, "I1", "旧问题", "", UNIT, at("2026-10-01")),
                        new OfficeInbox.MajorIssue(s, "I2", "新问题", "", UNIT, at("2026-11-30"))),
                List.of(new OfficeInbox.Escalation(s, "M2", "第二阶段", TODAY.minusDays(20), 3, at("2026-11-25"), 20L, 14,
                        0, null)),
                new OfficeInbox.LateReports("2026-Q4", "NOT_OPENED", null, false, List.of()),
                new OfficeInbox.Totals(4, 1, 9, 1), 0);

        Overview overview = read(null, null);

        assertThat(overview.decisions().total()).as("the inbox's totals, not the rows of its first page").isEqualTo(6);
        assertThat(overview.decisions().changes()).isEqualTo(4);
        assertThat(overview.decisions().oldest()).extracting(PendingDecisions.Pending::kind)
                .containsExactly("办结核验", "期限调整", "升级督办");
        assertThat(overview.decisions().oldest().get(0).daysWaiting()).isEqualTo(22);
        assertThat(overview.decisions().oldest().get(1).what()).isEqualTo("第一阶段：2026-12-02 → 2027-01-01");
        assertThat(overview.issues().total()).isEqualTo(9);
        assertThat(overview.issues().oldest()).extracting(OpenIssues.Issue::summary).containsExactly("旧问题", "新问题");
        assertThat(asked).filteredOn(FindOfficeInbox.class::isInstance).singleElement()
                .isEqualTo(new FindOfficeInbox(0, 5));
    }

    @Test
    void articles_come_in_the_documents_order_and_one_without_commitments_has_no_average() {
        board = List.of(item(1, "（十二）", commitment(1, "u1", LightColor.GREEN, 30), commitment(1, "u2", LightColor.GREEN, 60)),
                item(2, "（三）"), item(3, "（十二）", commitment(3, "u1", LightColor.DONE, 100)), item(4, null));

        List<ArticleProgress.Article> articles = ArticleProgress.articles(totals());

        assertThat(articles).extracting(ArticleProgress.Article::article).containsExactly("（三）", "（十二）", null);
        assertThat(articles.get(0).progress()).isNull();
        assertThat(articles.get(1).progress()).as("(30 + 60 + 100) / 3").isEqualTo(63.3);
        assertThat(articles.get(1).items()).isEqualTo(2);
        assertThat(articles.get(2).label()).isEqualTo("出处未定");
    }

    @Test
    void the_on_time_chart_leaves_out_units_with_nothing_due_and_puts_the_lowest_first() throws Exception {
        units = List.of(unit("u1", "甲厅", 4, 4, Map.of()), unit("u2", "乙厅", 0, 0, Map.of()),
                unit("u3", "丙厅", 4, 1, Map.of()));

        Chart chart = read(null, null).onTimeByUnit();

        var data = new ObjectMapper().readTree(chart.json());
        assertThat(data.get("units").toString()).isEqualTo("[\"丙厅\",\"甲厅\"]");
        assertThat(data.get("rate").toString()).isEqualTo("[25.0,100.0]");
    }

    private Overview read(String from, String to) {
        QueryGateway gateway = (QueryGateway) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{QueryGateway.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("query")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    Object query = args[0];
                    asked.add(query);
                    return answer(query);
                });
        return new OverviewReader(gateway, CLOCK, new ObjectMapper().findAndRegisterModules()).read(from, to);
    }

    private CompletableFuture<Object> answer(Object query) {
        if (query instanceof FindBoardSummary q) {
            // as the query side answers: the first rows of each list and the counts
            List<CommitmentSummary> all = board.stream().flatMap(e -> e.commitments().stream()).toList();
            List<CommitmentSummary> red = all.stream().filter(c -> c.light().color() == LightColor.RED).toList();
            List<CommitmentSummary> yellow = all.stream().filter(c -> c.light().color() == LightColor.YELLOW).toList();
            return CompletableFuture.completedFuture(new BoardSummary(TODAY, 14,
                    red.subList(0, Math.min(q.listLength(), red.size())), red.size(),
                    yellow.subList(0, Math.min(q.listLength(), yellow.size())), yellow.size(), totals(),
                    units.stream().map(u -> {
                        int registered = u.lights().values().stream().mapToInt(Integer::intValue).sum();
                        return new UnitSummary(u.unitId(), u.unitName(), false, registered, registered, u.lights());
                    }).toList()));
        } else if (query instanceof FindOnTimeRates q) {
            return CompletableFuture.completedFuture(new OnTimeRates(q.from(), q.to(), TODAY, units.stream()
                    .map(u -> new OnTimeRates.UnitOnTime(u.unitId(), u.unitName(), u.milestonesDue(),
                            u.milestonesOnTime(), u.milestonesLate(), u.milestonesOverdue())).toList()));
        } else if (query instanceof FindOfficeInbox) {
            return CompletableFuture.completedFuture(inbox);
        } else if (query instanceof FindOverdueHistory q) {
            return CompletableFuture.completedFuture(new OverdueHistory(q.from(), q.to(), TODAY,
                    List.of(new OverdueHistory.Day(q.to(), 1, 1))));
        } else if (query instanceof FindDispatchRound) {
            return round == null
                    ? CompletableFuture.failedFuture(new ResponseStatusException(HttpStatus.NOT_FOUND, "未找到季度调度"))
                    : CompletableFuture.completedFuture(round);
        }
        throw new IllegalArgumentException("unexpected query " + query);
    }

    private List<ItemTotal> totals() {
        return board.stream().map(e -> new ItemTotal(e.item(), e.commitments().size(),
                e.commitments().stream().mapToInt(CommitmentSummary::progress).sum())).toList();
    }

    private static ItemBoardEntry item(int number, String article, CommitmentSummary... commitments) {
        ItemView item = new ItemView("nzf-2023-1", number, "事项" + number, article,
                article == null ? "出处未定" : "条款" + article, List.of(new UnitRef("u1", "一厅", false)), List.of());
        return new ItemBoardEntry(item, new ItemProgress(0, 0, 0, List.of()), Light.of(LightColor.GREEN, List.of()),
                List.of(commitments));
    }

    private static CommitmentSummary commitment(int item, String unitId, LightColor color, int progress) {
        LocalDate due = color == LightColor.RED ? TODAY.minusDays(item) : TODAY.plusDays(item % 10);
        return new CommitmentSummary("nzf-2023-1." + item + "." + unitId, "nzf-2023-1", item, unitId, "单位" + unitId,
                CommitmentStatus.OPEN, progress, TODAY.minusYears(1), TODAY.plusYears(1),
                new MilestoneView("M1", "第一阶段", due, false, null, null, color == LightColor.RED, null, null), 0, 0,
                null, Light.of(color, List.of("M1 " + color.label())));
    }

    private static UnitScore unit(String id, String name, int due, int onTime, Map<LightColor, Integer> lights) {
        return new UnitScore(0, id, name, null, due, onTime, 0, due - onTime, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, lights);
    }

    private static DispatchRoundView.Report report(String commitmentId, boolean late) {
        return new DispatchRoundView.Report(commitmentId, 50, "进展", UNIT, at("2026-10-10"), late);
    }

    private static Instant at(String date) {
        return LocalDate.parse(date).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }
}
