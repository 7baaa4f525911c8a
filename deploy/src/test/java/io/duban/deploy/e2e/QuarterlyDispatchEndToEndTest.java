package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.command.api.dispatch.DispatchRoundClosed;
import io.duban.command.api.dispatch.DispatchRoundId;
import io.duban.command.api.dispatch.DispatchRoundOpened;
import io.duban.command.api.dispatch.LateUnitsReminded;
import io.duban.command.api.calendar.WorkingCalendar;
import io.duban.deploy.DubanApplication;
import io.duban.command.dispatch.DispatchSteps;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly dispatch job's steps in the real application (embedded default, Quartz-scheduled job bean, real
 * calendar): the round of 2024-Q2 is opened on the quarter's first working day, twice, the late units are reminded on
 * the report deadline and the round closes on the next quarter's first working day. 财政厅 never reports, so its
 * commitment is in the digest's not-reported lists.
 */
class QuarterlyDispatchEndToEndTest {

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRoundOpensOnceRemindsAndListsTheUnitThatNeverReports() {
        // given
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"按计划推进","startDate":"2024-01-01","dueDate":"2027-12-31",
                 "milestones":[{"title":"出台办法","dueDate":"2027-06-30"}]}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String commitmentId = registered.body().get("commitmentId").asText();
        awaitViews();
        WorkingCalendar calendar = app.getBean(WorkingCalendar.class);
        DispatchSteps steps = app.getBean(DispatchSteps.class);
        LocalDate firstWorkingDay = calendar.plusWorkingDays(LocalDate.of(2024, 3, 31), 1);
        LocalDate reportDeadline = calendar.plusWorkingDays(LocalDate.of(2024, 3, 31), 10);
        LocalDate nextQuarter = calendar.plusWorkingDays(LocalDate.of(2024, 6, 30), 1);
        String round = DispatchRoundId.of(firstWorkingDay);
        assertThat(round).isEqualTo("2024-Q2");

        // when the job runs twice on the first working day
        steps.run(firstWorkingDay);
        steps.run(firstWorkingDay);

        // then
        assertThat(stored(round, DispatchRoundOpened.class)).as("opened once").isEqualTo(1);

        // when: the report deadline passes without a report, twice, and the next quarter begins, twice
        steps.run(reportDeadline);
        steps.run(reportDeadline);
        steps.run(nextQuarter);
        steps.run(nextQuarter);

        // then
        assertThat(stored(round, LateUnitsReminded.class)).as("reminded once").isEqualTo(1);
        assertThat(stored(round, DispatchRoundClosed.class)).as("closed once").isEqualTo(1);
        awaitViews();
        Api.Response digest = api.get("office", "/api/dispatch-rounds/" + round + "/digest");
        assertThat(digest.status()).as(digest.raw()).isEqualTo(200);
        JsonNode body = digest.body();
        assertThat(body.get("reportDeadline").asText()).isEqualTo(reportDeadline.toString());
        assertThat(ids(body.get("notReported"))).contains(commitmentId);
        JsonNode finance = null;
        for (JsonNode unit : body.get("byUnit")) {
            if (unit.get("unitName").asText().equals("自治区财政厅")) {
                finance = unit;
            }
        }
        assertThat(finance).as("财政厅 in the digest").isNotNull();
        assertThat(ids(finance.get("notReported"))).containsExactly(commitmentId);
        assertThat(finance.get("counts").get("reported").asInt()).isZero();
    }

    @Test
    void onAFreshMachineTheCurrentRoundHoldsEveryCommitmentOfTheQuarterAndCountsEarlierReports() {
        // given a fresh machine: nobody opened this quarter's round, the daily job has not run
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        String round = DispatchRoundId.of(LocalDate.now(app.getBean(java.time.Clock.class)));
        String early = register(api, "czt", 31);
        assertThat(api.post("czt", "/api/commitments/" + early + "/progress", "{\"percent\":20,\"note\":\"已起草\"}")
                .status()).isEqualTo(200);

        // when the office opens the current round on demand, and a commitment is registered afterwards
        assertThat(api.post("czt", "/api/dispatch-rounds", "").status()).as("units cannot").isEqualTo(403);
        Api.Response past = api.post("office", "/api/dispatch-rounds?roundId=2020-Q1", "");
        assertThat(past.status()).as(past.raw()).isEqualTo(400);
        assertThat(past.body().get("code").asText()).isEqualTo("dispatch.not-current-quarter");
        Api.Response opened = api.post("office", "/api/dispatch-rounds", "");
        assertThat(opened.status()).as(opened.raw()).isIn(200, 201);
        assertThat(opened.body().get("roundId").asText()).isEqualTo(round);
        String later = register(api, "jyt", 43);
        awaitDispatch();

        // then the round holds both, and the report made before the opening counts
        JsonNode view = api.get("office", "/api/dispatch-rounds/" + round).body();
        List<String> listed = new ArrayList<>();
        view.get("commitmentIds").forEach(id -> listed.add(id.asText()));
        assertThat(listed).contains(early, later);
        List<String> reported = new ArrayList<>();
        view.get("reports").forEach(r -> reported.add(r.get("commitmentId").asText()));
        assertThat(reported).containsExactly(early);
    }

    private static String register(Api api, String user, int item) {
        Api.Response registered = api.post(user, "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":%d,"responsible":{"name":"王五"},
                 "roadmap":"按计划推进","startDate":"2024-01-01","dueDate":"2028-12-31",
                 "milestones":[{"title":"出台办法","dueDate":"2028-06-30"}]}""".formatted(item));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.body().get("commitmentId").asText();
    }

    /** The dispatch processors (reports, then the view) have handled everything stored so far. */
    private void awaitDispatch() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        var processing = app.getBean(org.axonframework.config.EventProcessingConfiguration.class);
        while (System.nanoTime() < deadline) {
            boolean caughtUp = processing.eventProcessors().values().stream()
                    .filter(p -> p instanceof org.axonframework.eventhandling.StreamingEventProcessor)
                    .map(p -> (org.axonframework.eventhandling.StreamingEventProcessor) p)
                    .allMatch(p -> p.processingStatus().values().stream()
                            .allMatch(org.axonframework.eventhandling.EventTrackerStatus::isCaughtUp));
            if (caughtUp && app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(1))) {
                try {
                    Thread.sleep(300); // the reports processor's commands produce events the view then reads
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                if (app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(5))) {
                    return;
                }
            }
        }
        throw new AssertionError("dispatch processors did not catch up");
    }

    private static List<String> ids(JsonNode entries) {
        List<String> ids = new ArrayList<>();
        entries.forEach(e -> ids.add(e.get("commitmentId").asText()));
        return ids;
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).as("views caught up").isTrue();
    }

    private int stored(String roundId, Class<?> type) {
        try (Connection connection = app.getBean(DataSource.class).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = ?")) {
            select.setString(1, roundId);
            select.setString(2, type.getName());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
