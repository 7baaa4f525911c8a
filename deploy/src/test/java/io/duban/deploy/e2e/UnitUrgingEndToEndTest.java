package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.command.api.ResponsibleUnit;
import io.duban.deploy.DubanApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 催办 a whole unit over HTTP on the real application (embedded default on a fresh data directory): the office urges
 * every open commitment of 财政厅, a unit official is refused, bad input and unknown units answer problem details,
 * and the commitment view and the escalation list show the result.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnitUrgingEndToEndTest {

    private static final Duration VIEWS = Duration.ofSeconds(30);
    private static final String FINANCE = ResponsibleUnit.idFor("自治区财政厅");
    private static final String EDUCATION = ResponsibleUnit.idFor("自治区教育厅");

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private Api api;
    private final List<String> financeCommitments = new ArrayList<>();

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        api = new Api(((WebServerApplicationContext) app).getWebServer().getPort());
        for (int item : new int[]{31, 3}) { // 财政厅 is responsible for both
            Api.Response registered = api.post("czt", "/api/commitments", """
                    {"policyId":"nzf-2023-1","itemNumber":%d,"responsible":{"name":"王五","position":"处长"},
                     "roadmap":"按计划推进","startDate":"2026-01-01","dueDate":"2027-12-31",
                     "milestones":[{"title":"出台办法","dueDate":"2027-06-30"}]}""".formatted(item));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            financeCommitments.add(registered.body().get("commitmentId").asText());
        }
        awaitViews();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theOfficeUrgesEveryOpenCommitmentOfAUnitAndTheViewCountsIt() {
        // when
        Api.Response urged = api.post("office", "/api/units/" + FINANCE + "/urging", "{\"text\":\"请加快推进\"}");

        // then
        assertThat(urged.status()).as(urged.raw()).isEqualTo(200);
        assertThat(urged.body().get("unitId").asText()).isEqualTo(FINANCE);
        List<String> ids = new ArrayList<>();
        urged.body().get("commitmentIds").forEach(id -> ids.add(id.asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(financeCommitments);

        awaitViews();
        JsonNode view = api.get("inspector", "/api/commitments/" + financeCommitments.get(0)).body().get("commitment");
        assertThat(view.get("urgeCount").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(view.get("lastUrgeMessage").asText()).isEqualTo("请加快推进");
        assertThat(view.get("lastUrgedBy").get("userId").asText()).isEqualTo("office");
        assertThat(view.get("escalations").isArray()).isTrue();
    }

    @Test
    void aUnitOfficialMayNotUrge() {
        Api.Response refused = api.post("czt", "/api/units/" + FINANCE + "/urging", "{\"text\":\"请加快推进\"}");
        assertThat(refused.status()).as(refused.raw()).isEqualTo(403);
        assertThat(refused.body().get("code").asText()).isEqualTo("auth.forbidden");
        assertThat(api.post("inspector", "/api/units/" + FINANCE + "/urging", "{\"text\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void anEmptyTextIsABadRequest() {
        for (String body : List.of("{\"text\":\"  \"}", "{}")) {
            Api.Response bad = api.post("office", "/api/units/" + FINANCE + "/urging", body);
            assertThat(bad.status()).as(bad.raw()).isEqualTo(400);
            assertThat(bad.body().get("code").asText()).isEqualTo("input.required");
        }
    }

    @Test
    void anUnknownUnitIsNotFoundAndAUnitWithoutOpenCommitmentsGetsAnEmptyList() {
        Api.Response unknown = api.post("office", "/api/units/u00000000/urging", "{\"text\":\"请加快推进\"}");
        assertThat(unknown.status()).as(unknown.raw()).isEqualTo(404);
        assertThat(unknown.body().get("code").asText()).isEqualTo("unit.not-found");

        Api.Response none = api.post("office", "/api/units/" + EDUCATION + "/urging", "{\"text\":\"请加快推进\"}");
        assertThat(none.status()).as(none.raw()).isEqualTo(200);
        assertThat(none.body().get("commitmentIds")).isEmpty();
    }

    @Test
    void theEscalationListIsServedToEveryRoleAndEmptyWithoutOverdueCases() {
        Api.Response list = api.get("office", "/api/escalations");
        assertThat(list.status()).as(list.raw()).isEqualTo(200);
        assertThat(list.body()).isEmpty();
        assertThat(api.get("czt", "/api/escalations?unitId=" + FINANCE).status()).isEqualTo(200);
        assertThat(api.get(null, "/api/escalations").status()).isEqualTo(401);
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(VIEWS)).as("views caught up").isTrue();
    }
}
