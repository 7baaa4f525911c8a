package io.duban.query.export;

import io.duban.command.api.CommitmentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.duban.command.api.Actor;
import io.duban.command.api.Channel;
import io.duban.command.api.CommitmentRegistered;
import io.duban.command.api.CompletionClaimed;
import io.duban.command.api.CompletionVerified;
import io.duban.command.api.DeadlineChangeApproved;
import io.duban.command.api.EscalationEndReason;
import io.duban.command.api.EscalationEnded;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.api.ProgressReported;
import io.duban.command.api.Role;
import io.duban.query.catalog.CatalogReader;
import io.duban.query.catalog.UnitsProjection;
import io.duban.query.fixtures.WireMongoTest;
import io.duban.query.timeline.TimelineProjection;
import io.duban.query.timeline.TimelineQueries;
import io.duban.query.web.BadRequestException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.duban.query.fixtures.EventMessages.commitment;
import static io.duban.query.fixtures.SampleEvents.FINANCE;
import static io.duban.query.fixtures.SampleEvents.FINANCE_OFFICIAL;
import static io.duban.query.fixtures.SampleEvents.OFFICE;
import static io.duban.query.fixtures.SampleEvents.financeRegistered;
import static io.duban.query.fixtures.SampleEvents.policyImported;
import static io.duban.query.fixtures.SampleEvents.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exports of the audit trail: the state after each step against hand-computed states, and the three formats. */
class AuditTrailExportTest extends WireMongoTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant T0 = Instant.parse("2024-01-05T02:00:00Z");
    private static final LocalDate M1_DUE = LocalDate.of(2024, 6, 30);
    /** A hostile official: a name a spreadsheet would run, a message id starting with a minus. */
    private static final Actor HOSTILE = new Actor("fin-9", "=HYPERLINK(\"http://evil\",\"点我\")", Role.UNIT,
            Set.of(FINANCE.unitId()), Channel.DINGTALK, "-2+3");

    private AuditTrails trails;
    private final CommitmentRegistered finance = financeRegistered();
    private final String id = finance.commitmentId();

    @BeforeEach
    void setUp() {
        TimelineProjection projection = new TimelineProjection(mongo);
        CatalogReader catalog = new CatalogReader(mongo);
        TimelineQueries queries = new TimelineQueries(mongo, catalog);
        trails = new AuditTrails(queries::handle, catalog::unitNames);
        new UnitsProjection(mongo).on(policyImported());
        projection.on(finance, commitment(id, 0, finance, T0));
        var progress = new ProgressReported(id, 30, 0, "<script>alert('x')</script> & 开工", null, HOSTILE);
        projection.on(progress, commitment(id, 1, progress, Instant.parse("2024-03-01T02:00:00Z")));
        var overdue = new MilestoneBecameOverdue(id, "M1", M1_DUE, Actor.schedule());
        projection.on(overdue, commitment(id, 2, overdue, Instant.parse("2024-06-30T16:00:00Z")));
        var started = new EscalationStarted(id, "M1", M1_DUE, List.of(5, 10), Actor.schedule());
        projection.on(started, commitment(id, 3, started, Instant.parse("2024-06-30T16:00:01Z")));
        var raised = new EscalationRaised(id, "M1", M1_DUE, 2, Actor.schedule());
        projection.on(raised, commitment(id, 4, raised, Instant.parse("2024-07-08T01:00:00Z")));
        var approved = new DeadlineChangeApproved(id, "C1", "M1", M1_DUE, LocalDate.of(2024, 9, 30), "同意", OFFICE);
        projection.on(approved, commitment(id, 5, approved, Instant.parse("2024-07-10T01:00:00Z")));
        var ended = new EscalationEnded(id, "M1", M1_DUE, 2, EscalationEndReason.DEADLINE_CHANGED, Actor.schedule());
        projection.on(ended, commitment(id, 6, ended, Instant.parse("2024-07-10T01:00:01Z")));
        var done = new ProgressReported(id, 100, 30, "全部完成", null, FINANCE_OFFICIAL);
        projection.on(done, commitment(id, 7, done, Instant.parse("2024-10-09T02:00:00Z")));
        var claimed = new CompletionClaimed(id, "全部建成", FINANCE_OFFICIAL);
        projection.on(claimed, commitment(id, 8, claimed, Instant.parse("2024-10-10T02:00:00Z")));
        var verified = new CompletionVerified(id, "材料齐全", OFFICE);
        projection.on(verified, commitment(id, 9, verified, Instant.parse("2024-12-31T16:30:00Z")));
        // another unit's commitment, registered in the fourth quarter
        CommitmentRegistered other = registered(2, io.duban.query.fixtures.SampleEvents.TRANSPORT,
                LocalDate.of(2024, 10, 1), LocalDate.of(2025, 6, 30), List.of());
        projection.on(other, commitment(other.commitmentId(), 0, other, Instant.parse("2024-11-01T02:00:00Z")));
    }

    @Test
    void theStateAfterEachStepIsFoldedFromTheEntriesFacts() {
        AuditTrail trail = trails.trail(id, null, null, SHANGHAI);
        assertThat(trail.entries()).hasSize(10);
        CommitmentState registered = trail.states().get(id + "#0");
        assertThat(registered.progress()).isZero();
        assertThat(registered.status()).isEqualTo(CommitmentStatus.OPEN);
        assertThat(registered.dueDate()).isEqualTo(LocalDate.of(2025, 12, 31));
        assertThat(registered.milestoneDueDates()).containsExactly(java.util.Map.entry("M1", M1_DUE),
                java.util.Map.entry("M2", LocalDate.of(2025, 3, 31)));
        assertThat(trail.states().get(id + "#1").progress()).isEqualTo(30);
        assertThat(trail.states().get(id + "#2").escalationLevel()).isZero();
        assertThat(trail.states().get(id + "#3").escalationLevel()).isEqualTo(1);
        assertThat(trail.states().get(id + "#4").escalationLevel()).isEqualTo(2);
        CommitmentState moved = trail.states().get(id + "#5");
        assertThat(moved.milestoneDueDates()).containsEntry("M1", LocalDate.of(2024, 9, 30));
        assertThat(moved.escalationLevel()).as("the case is still open until it ends").isEqualTo(2);
        assertThat(trail.states().get(id + "#6").escalationLevel()).isZero();
        assertThat(trail.states().get(id + "#8").status()).isEqualTo(CommitmentStatus.COMPLETION_CLAIMED);
        CommitmentState last = trail.states().get(id + "#9");
        assertThat(last.progress()).isEqualTo(100);
        assertThat(last.status()).isEqualTo(CommitmentStatus.VERIFIED);
        assertThat(last.complete()).isTrue();
    }

    @Test
    void aQuartersTrailHasItsEntriesAndStatesStartingFromEarlierQuarters() {
        // 2024-Q4 in Shanghai: 2024-09-30T16:00Z (incl.) to 2024-12-31T16:00Z (excl.); the verification at
        // 2024-12-31T16:30Z is already 2025-01-01 there
        AuditTrail q4 = trails.trail(null, null, "2024-Q4", SHANGHAI);
        assertThat(q4.entries()).extracting(e -> e.eventId()).containsExactly(id + "#7", id + "#8",
                registered(2, io.duban.query.fixtures.SampleEvents.TRANSPORT, LocalDate.of(2024, 10, 1),
                        LocalDate.of(2025, 6, 30), List.of()).commitmentId() + "#0");
        CommitmentState afterProgress = q4.states().get(id + "#7");
        assertThat(afterProgress.progress()).isEqualTo(100);
        assertThat(afterProgress.milestoneDueDates()).as("moved in Q3").containsEntry("M1", LocalDate.of(2024, 9, 30));
        assertThat(trails.trail(null, null, "2025-Q1", SHANGHAI).entries()).extracting(e -> e.eventId())
                .containsExactly(id + "#9");
    }

    @Test
    void csvHasABomAHeaderAndFormulaSafeCells() {
        String csv = TrailDocuments.csv(trails.trail(null, FINANCE.unitId(), null, SHANGHAI), SHANGHAI);
        assertThat(csv).startsWith("\uFEFF时间,事件ID,");
        String[] lines = csv.substring(1).split("\r\n");
        assertThat(lines).hasSize(11);
        String hostile = lines[2];
        assertThat(hostile).startsWith("2024-03-01 10:00:00," + id + "#1,commitment,");
        assertThat(hostile).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"点我\"\")\",")
                .contains(",'-2+3,")
                .contains(",30%,OPEN,2025-12-31,0");
        // no cell of any line starts with a formula character
        for (String line : lines) {
            for (String cell : line.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
                String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertThat(bare).as(line).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@");
            }
        }
    }

    @Test
    void jsonLinesHaveOneEntryPerLineWithTheStateAfterIt() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        String text = TrailDocuments.jsonLines(trails.trail(id, null, null, SHANGHAI), json);
        List<String> lines = Arrays.asList(text.split("\n"));
        assertThat(text).endsWith("\n");
        assertThat(lines).hasSize(10);
        JsonNode first = json.readTree(lines.get(1));
        assertThat(first.get("eventId").asText()).isEqualTo(id + "#1");
        assertThat(first.get("at").asText()).isEqualTo("2024-03-01T02:00:00Z");
        assertThat(first.get("actor").get("userId").asText()).isEqualTo("fin-9");
        assertThat(first.get("channel").asText()).isEqualTo("DINGTALK");
        assertThat(first.get("messageId").asText()).isEqualTo("-2+3");
        assertThat(first.get("stateAfter").get("progress").asInt()).isEqualTo(30);
        assertThat(json.readTree(lines.get(4)).get("stateAfter").get("escalationLevel").asInt()).isEqualTo(2);
    }

    @Test
    void theHtmlReportIsEscapedAndShowsTheStateAfterEachStep() {
        String html = TrailDocuments.html(trails.trail(id, null, null, SHANGHAI), SHANGHAI);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">")
                .contains("督办审计记录：承诺 " + id);
        assertThat(html).doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 开工")
                .contains("=HYPERLINK(&quot;http://evil&quot;,&quot;点我&quot;)");
        assertThat(html).contains("进度 30%；推进中；最终期限 2025-12-31；里程碑 M1 2024-06-30，M2 2025-03-31；未督办升级")
                .contains("督办 2 级")
                .contains("里程碑 M1 2024-09-30，M2 2025-03-31")
                .contains("进度 100%；已办结")
                .contains("<td>钉钉</td><td>-2+3</td>")
                .contains("2025-01-01 00:30:00");
    }

    @Test
    void unitsAreNamedWherePeopleReadThemAndKeepTheirIdForMachines() throws Exception {
        String unitId = FINANCE.unitId();
        AuditTrail trail = trails.trail(null, unitId, null, SHANGHAI);
        assertThat(trail.title()).isEqualTo("单位 自治区财政厅（" + unitId + "）");

        String html = TrailDocuments.html(trail, SHANGHAI);
        assertThat(html).contains("督办审计记录：单位 自治区财政厅")
                .contains("承诺 " + id + "（自治区财政厅，第1项）")
                .doesNotContain("单位 " + unitId + "，");

        String[] csv = TrailDocuments.csv(trail, SHANGHAI).substring(1).split("\r\n");
        assertThat(csv[0]).contains(",事项,单位,单位ID,序号,");
        assertThat(csv[1]).contains(",1,自治区财政厅," + unitId + ",0,");

        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        JsonNode line = json.readTree(TrailDocuments.jsonLines(trail, json).split("\n")[0]);
        assertThat(line.get("unitId").asText()).isEqualTo(unitId);
        assertThat(line.get("unitName").asText()).isEqualTo("自治区财政厅");
    }

    @Test
    void exactlyOneSubjectAndAWellFormedQuarter() {
        assertThatThrownBy(() -> trails.trail(null, null, null, SHANGHAI)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("只请指定一个导出对象");
        assertThatThrownBy(() -> trails.trail(id, "u", null, SHANGHAI)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("收到 2 个");
        assertThatThrownBy(() -> trails.trail(null, null, "2024-Q5", SHANGHAI)).isInstanceOf(BadRequestException.class)
                .hasMessageContaining("2026-Q4");
    }
}
