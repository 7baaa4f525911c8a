package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import io.duban.bot.alert.AlertKind;
import io.duban.bot.alert.Outbox;
import io.duban.command.api.EscalationRaised;
import io.duban.command.api.EscalationStarted;
import io.duban.command.api.MilestoneBecameOverdue;
import io.duban.command.calendar.WorkingCalendar;
import io.duban.deploy.DubanApplication;
import io.duban.deploy.testdingtalk.FakeDingTalkSettings;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart in the middle of the escalation ladder, on real Quartz with the real clock. The ladder cannot be shorter
 * than working days, so the test picks the due date instead: a milestone due 8 working days before today (ladder
 * 3,7: level 2 is long due, level 3 is due today) and {@code duban.schedule.business-start} a few seconds from now.
 * Registration makes the due date pass at once, level 2 fires at once, level 3 waits for business start; the
 * application is closed between the two, stays down past business start and restarts on the same data directory.
 * Each level must then be in the event store exactly once and in the DingTalk outbox exactly once.
 * <p>
 * On a day that is not a working day no step can fall later today: then both levels fire before the shutdown and
 * the test checks only that the restart repeats none of them.
 */
class LadderRestartEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(25);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext app;
    /** The alerts are the subject: DingTalk on, the fake standing in (the same one across the restart). */
    private final FakeDingTalkSettings dingTalk = new FakeDingTalkSettings();

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        dingTalk.close();
    }

    @Test
    void eachLevelIsRaisedAndAlertedExactlyOnceAcrossARestart() throws Exception {
        // given: the application's own zone and calendar decide the dates
        Clock clock = Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
        ZonedDateTime now = ZonedDateTime.now(clock);
        Assumptions.assumeTrue(now.toLocalTime().isBefore(LocalTime.of(23, 58)), "too close to midnight");
        String businessStart = now.toLocalTime().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS)
                .format(DateTimeFormatter.ISO_LOCAL_TIME);
        boot(businessStart);
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar calendar = app.getBean(WorkingCalendar.class);
        boolean midLadder = calendar.isWorkingDay(today);
        LocalDate due = midLadder ? calendar.minusWorkingDays(today, 8) : calendar.minusWorkingDays(today, 12);

        // when: a commitment whose milestone was due long ago is registered
        Api api = api();
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":3,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"按计划推进","startDate":"%s","dueDate":"2027-12-31",
                 "milestones":[{"title":"出台办法","dueDate":"%s"}]}""".formatted(due, due));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String commitmentId = registered.body().get("commitmentId").asText();
        awaitViews();
        String milestoneId = null;
        for (JsonNode m : api.get("office", "/api/commitments/" + commitmentId).body().get("commitment").get("milestones")) {
            if (m.get("dueDate").asText().equals(due.toString())) {
                milestoneId = m.get("milestoneId").asText();
            }
        }
        assertThat(milestoneId).isNotNull();
        String milestone = milestoneId;

        // then level 2 fires at once
        await(() -> raised(commitmentId, milestone, 2) == 1, "level 2 raised before the shutdown");
        // (a loaded machine may reach business start before this line: then the check says nothing)
        if (midLadder && LocalTime.now(clock).isBefore(LocalTime.parse(businessStart).minusSeconds(1))) {
            assertThat(raised(commitmentId, milestone, 3)).as("level 3 waits for business start").isZero();
        }
        awaitViews();
        app.close();
        app = null;

        // when: down past business start, then up again on the same data directory
        if (midLadder) {
            LocalTime start = LocalTime.parse(businessStart);
            while (LocalTime.now(clock).isBefore(start.plusSeconds(2))) {
                Thread.sleep(250);
            }
        }
        boot(businessStart);

        // then
        await(() -> raised(commitmentId, milestone, 3) == 1, "level 3 raised after the restart");
        awaitViews();
        await(() -> outbox(commitmentId, milestone, AlertKind.ESCALATED_TO_OFFICE) >= 1, "level 3 alert queued");
        Thread.sleep(2_000); // a repeated step would fire right after start-up
        awaitViews();
        assertThat(count(commitmentId, milestone, MilestoneBecameOverdue.class, null)).isEqualTo(1);
        assertThat(count(commitmentId, milestone, EscalationStarted.class, null)).isEqualTo(1);
        assertThat(raised(commitmentId, milestone, 2)).as("level 2 once").isEqualTo(1);
        assertThat(raised(commitmentId, milestone, 3)).as("level 3 once").isEqualTo(1);
        assertThat(outbox(commitmentId, milestone, AlertKind.ESCALATED_TO_LEADER)).as("one level-2 alert").isEqualTo(1);
        assertThat(outbox(commitmentId, milestone, AlertKind.ESCALATED_TO_OFFICE)).as("one level-3 alert").isEqualTo(1);

        JsonNode list = api().get("office", "/api/escalations").body();
        List<JsonNode> mine = new ArrayList<>();
        list.forEach(e -> {
            if (e.get("commitmentId").asText().equals(commitmentId) && e.get("milestoneId").asText().equals(milestone)) {
                mine.add(e);
            }
        });
        assertThat(mine).singleElement().satisfies(e -> {
            assertThat(e.get("level").asInt()).isEqualTo(3);
            assertThat(e.get("paused").asBoolean()).isFalse();
            assertThat(e.get("workingDaysOverdue").asInt()).isGreaterThanOrEqualTo(7);
        });
    }

    private void boot(String businessStart) {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run(dingTalk.with("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(),
                        "--server.port=0", "--duban.schedule.business-start=" + businessStart,
                        "--duban.dispatch.enabled=false"));
    }

    private Api api() {
        return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).as("views caught up").isTrue();
    }

    private int raised(String commitmentId, String milestoneId, int level) {
        return count(commitmentId, milestoneId, EscalationRaised.class, level);
    }

    /** Events of the type about the milestone (and of the level, if given), read with plain JDBC. */
    private int count(String commitmentId, String milestoneId, Class<?> type, Integer level) {
        int found = 0;
        try (Connection connection = app.getBean(DataSource.class).getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "SELECT payload FROM DomainEventEntry WHERE aggregateIdentifier = ? AND payloadType = ?")) {
            select.setString(1, commitmentId);
            select.setString(2, type.getName());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    JsonNode payload = JSON.readTree(new String(rs.getBytes(1), StandardCharsets.UTF_8));
                    if (milestoneId.equals(payload.path("milestoneId").asText())
                            && (level == null || payload.path("level").asInt() == level)) {
                        found++;
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private long outbox(String commitmentId, String milestoneId, AlertKind kind) {
        return app.getBean(MongoTemplate.class).getCollection(Outbox.COLLECTION).countDocuments(Filters.and(
                Filters.eq("commitmentId", commitmentId), Filters.eq("kind", kind.name()),
                Filters.eq("facts.milestoneId", milestoneId)));
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(200);
        }
    }
}
