package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.duban.deploy.DubanApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the real application on its embedded default (H2 event store file + MongoDB-wire server with its H2 file,
 * both under a fresh data directory), walks the main flows over HTTP as the demo accounts, restarts on the same
 * data directory, and rebuilds the views, comparing every document.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedDefaultEndToEndTest {

    private static final Duration VIEWS = Duration.ofSeconds(30);
    private static final String ITEM_31 = "/api/items/nzf-2023-1/31";

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private Api api;
    private String commitment;
    private int commitmentEvents;

    @BeforeAll
    void start() {
        boot();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void first_start_imports_the_bundled_policy_with_its_sixty_items() {
        Api.Response items = api.get("inspector", "/api/items?policyId=nzf-2023-1");
        assertThat(items.status()).isEqualTo(200);
        assertThat(items.body()).hasSize(60);
        JsonNode item27 = items.body().get(26).get("item");
        assertThat(item27.get("number").asInt()).isEqualTo(27);
        assertThat(names(item27.get("units")))
                .containsExactly("自治区发展改革委", "中国铁路呼和浩特局集团有限公司", "呼和浩特市人民政府");

        Api.Response units = api.get("czt", "/api/units");
        assertThat(units.body()).hasSize(34); // 33 row units + 呼和浩特市人民政府, co-responsible for all
        assertThat(api.get(null, "/api/items").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void the_office_imports_documents_over_rest_idempotently_and_bad_documents_are_refused() throws Exception {
        String bundled;
        try (var in = getClass().getResourceAsStream("/policies/nzf-2023-1.txt")) {
            bundled = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Api.Response again = api.postText("office", "/api/policies?policyId=nzf-2023-1", bundled);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("imported").asBoolean()).isFalse();

        assertThat(api.postText("czt", "/api/policies?policyId=x-2024-1", bundled).status()).isEqualTo(403);
        assertProblem(api.postText("office", "/api/policies?policyId=x-2024-1", "关于做好某项工作的通知\n无附件"),
                400, "policy.unparseable");
        assertProblem(api.postText("office", "/api/policies?policyId=nzf-2023-1", bundled + "\n补充"), 409,
                "policy.already-imported");

        Api.Response other = api.postText("office", "/api/policies?policyId=nzf-2023-1-copy", bundled);
        assertThat(other.status()).as(other.raw()).isEqualTo(201);
        assertThat(other.body().get("itemCount").asInt()).isEqualTo(60);
        awaitViews();
        assertThat(api.get("inspector", "/api/policies").body()).hasSize(2);
        assertThat(api.get("inspector", "/api/items/nzf-2023-1-copy/60").status()).isEqualTo(200);
    }

    @Test
    @Order(3)
    void a_unit_official_registers_a_commitment_for_an_item_of_its_unit() {
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,
                 "responsible":{"name":"王五","position":"预算处处长"},
                 "roadmap":"先出台地铁运营补贴办法，再按年度拨付 10 亿元",
                 "startDate":"2026-01-01","dueDate":"2027-12-31",
                 "milestones":[{"title":"拨付 2027 年度补助","dueDate":"2027-06-30"},
                               {"title":"出台补贴办法","dueDate":"2026-12-20"}]}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        commitment = registered.body().get("commitmentId").asText();

        Api.Response duplicate = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"王五"},"roadmap":"x",
                 "startDate":"2026-01-01","dueDate":"2027-12-31",
                 "milestones":[{"title":"a","dueDate":"2026-12-20"}]}""");
        assertProblem(duplicate, 409, "commitment.already-registered");

        Api.Response notResponsible = api.post("jyt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"李四"},"roadmap":"x",
                 "startDate":"2026-01-01","dueDate":"2027-12-31",
                 "milestones":[{"title":"a","dueDate":"2026-12-20"}]}""");
        assertProblem(notResponsible, 403, "commitment.unit-not-responsible");

        awaitViews();
        JsonNode detail = api.get("inspector", "/api/commitments/" + commitment).body().get("commitment");
        assertThat(detail.get("unitName").asText()).isEqualTo("自治区财政厅");
        assertThat(detail.get("milestones").get(0).get("milestoneId").asText()).isEqualTo("M1");
        assertThat(detail.get("milestones").get(0).get("title").asText()).isEqualTo("出台补贴办法");
    }

    @Test
    @Order(4)
    void progress_deadline_change_major_issue_and_completion_flow_through_the_office() {
        String c = "/api/commitments/" + commitment;
        assertThat(api.post("czt", c + "/progress", "{\"percent\":40,\"note\":\"补贴办法已起草\"}").status())
                .isEqualTo(200);
        assertProblem(api.post("jyt", c + "/progress", "{\"percent\":90}"), 403, "commitment.not-your-unit");
        assertProblem(api.post("inspector", c + "/progress", "{\"percent\":90}"), 403, "auth.forbidden");
        assertProblem(api.post("czt", c + "/progress", "{\"percent\":150}"), 400, "progress.out-of-range");
        assertProblem(api.post("czt", c + "/progress", "{\"percent\":30}"), 409, "progress.decrease-needs-reason");
        assertProblem(api.post("czt", c + "/progress", "{\"percent\":"), 400, "input.unreadable");

        Api.Response change = api.post("czt", c + "/deadline-changes",
                "{\"milestoneId\":\"M1\",\"requestedDueDate\":\"2027-03-31\",\"reason\":\"征求意见时间延长\"}");
        assertThat(change.status()).as(change.raw()).isEqualTo(201);
        String changeId = change.body().get("reference").asText();
        assertProblem(api.post("czt", c + "/deadline-changes/" + changeId + "/approval", "{}"), 403,
                "commitment.office-only");
        assertThat(api.post("office", c + "/deadline-changes/" + changeId + "/approval", "{\"text\":\"同意\"}")
                .status()).isEqualTo(200);

        Api.Response second = api.post("czt", c + "/deadline-changes",
                "{\"requestedDueDate\":\"2028-06-30\",\"reason\":\"资金分年度到位\"}");
        String secondId = second.body().get("reference").asText();
        assertProblem(api.post("office", c + "/deadline-changes/" + secondId + "/rejection", "{}"), 400,
                "input.required");
        assertThat(api.post("office", c + "/deadline-changes/" + secondId + "/rejection",
                "{\"text\":\"总体时限不变\"}").status()).isEqualTo(200);

        Api.Response issue = api.post("czt", c + "/issues",
                "{\"summary\":\"年度补助资金缺口 2 亿元\",\"detail\":\"需自治区财政统筹\"}");
        assertThat(issue.status()).isEqualTo(201);
        assertThat(api.post("office", c + "/issues/" + issue.body().get("reference").asText() + "/resolution",
                "{\"text\":\"已纳入年度预算\"}").status()).isEqualTo(200);

        assertProblem(api.post("czt", c + "/completion-claim", "{\"text\":\"已完成\"}"), 409,
                "completion.milestones-open");
        // the unit's two milestones plus the yearly ones item 31's recurring target (10亿元 every year) adds
        awaitViews();
        List<String> milestones = new ArrayList<>();
        api.get("czt", c).body().get("commitment").get("milestones")
                .forEach(m -> milestones.add(m.get("milestoneId").asText()));
        assertThat(milestones).hasSizeGreaterThan(2);
        for (String milestone : milestones) {
            assertThat(api.post("czt", c + "/milestones/" + milestone + "/completion", "{\"text\":\"已完成\"}")
                    .status()).isEqualTo(200);
        }
        // + the evidence each of the two claims carried
        commitmentEvents = 15 + milestones.size();
        assertThat(api.post("czt", c + "/progress", "{\"percent\":100}").status()).isEqualTo(200);
        assertProblem(api.post("czt", c + "/completion-claim", "{\"text\":\"补助已拨付\"}"), 409,
                "completion.evidence-required");
        assertThat(api.postMultipart("czt", c + "/completion-claim", Map.of("text", "补助已拨付"),
                new Api.Part("files", "拨付通知.pdf", "%PDF-1.7\n拨付通知\n%%EOF\n".getBytes(UTF_8))).status())
                .isEqualTo(200);
        assertThat(api.post("office", c + "/reopening", "{\"text\":\"缺少拨付凭证\"}").status()).isEqualTo(200);
        assertThat(api.postMultipart("czt", c + "/completion-claim", Map.of("text", "已补充拨付凭证"),
                new Api.Part("files", "拨付凭证.pdf", "%PDF-1.7\n拨付凭证\n%%EOF\n".getBytes(UTF_8))).status())
                .isEqualTo(200);
        assertThat(api.post("office", c + "/verification", "{\"text\":\"同意销号\"}").status()).isEqualTo(200);
        assertProblem(api.post("czt", c + "/progress", "{\"percent\":100}"), 409, "commitment.verified");
        assertProblem(api.post("czt", "/api/commitments/nope/progress", "{\"percent\":1}"), 404,
                "aggregate.not-found");

        awaitViews();
        JsonNode detail = api.get("jyt", c).body();
        assertThat(detail.get("commitment").get("status").asText()).isEqualTo("VERIFIED");
        assertThat(detail.get("light").get("color").asText()).isEqualTo("DONE");
        assertThat(detail.get("commitment").get("milestones").get(0).get("dueDate").asText())
                .isEqualTo("2027-03-31");
        assertThat(detail.get("commitment").get("dueDate").asText()).isEqualTo("2027-12-31");

        JsonNode timeline = api.get("inspector", c + "/timeline").body();
        // registered, 2 progress, 2 change requests, approved, rejected, issue raised+resolved,
        // the milestones, 2 claims with their evidence, reopened, verified: refused commands recorded nothing
        assertThat(timeline).hasSize(commitmentEvents);
        assertThat(timeline.get(0).get("actor").get("name").asText()).isEqualTo("财政厅演示账号");
        assertThat(timeline.get(0).get("channel").asText()).isEqualTo("WEB");
        assertThat(timeline.get(commitmentEvents - 1).get("actor").get("role").asText()).isEqualTo("OFFICE");

        JsonNode board = api.get("inspector", ITEM_31).body();
        assertThat(board.toString()).contains(commitment);
        assertThat(api.get("inspector", "/api/items/nzf-2023-1/61").status()).isEqualTo(404);
    }

    @Test
    @Order(5)
    void a_restart_on_the_same_data_directory_keeps_everything_and_imports_nothing_twice() {
        Map<String, List<Document>> before = snapshot();
        app.close();
        boot();
        awaitViews();
        assertThat(api.get("inspector", "/api/commitments/" + commitment + "/timeline").body())
                .hasSize(commitmentEvents);
        assertThat(api.get("inspector", "/api/policies/nzf-2023-1/timeline").body()).hasSize(1);
        assertThat(api.get("inspector", "/api/policies").body()).hasSize(2);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(6)
    void dropping_the_views_and_replaying_gives_the_same_documents() {
        Map<String, List<Document>> before = snapshot();
        // the commitment's events + 2 policy imports + 6 demo officials appointed from demo-officials.yml
        assertThat(before.get("timeline")).hasSize(commitmentEvents + 8);
        assertThat(before.get("officials")).hasSize(6);
        assertThat(api.post("czt", "/api/admin/views/rebuild", "").status()).isEqualTo(403);
        Api.Response rebuild = api.post("inspector", "/api/admin/views/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
        awaitViews();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    @Order(7)
    void a_restart_after_a_rebuild_keeps_the_rebuilt_views() {
        Map<String, List<Document>> before = snapshot();
        assertThat(api.post("inspector", "/api/admin/views/rebuild", "").status()).isEqualTo(202);
        awaitViews();
        app.close();
        boot();
        assertThat(snapshot()).as("every view after rebuild, stop, start").isEqualTo(before);
        assertThat(api.get("inspector", "/api/commitments/" + commitment).status()).isEqualTo(200);
    }

    @Test
    @Order(8)
    void a_view_lost_while_the_service_was_down_is_rebuilt_at_start_up() throws Exception {
        Map<String, List<Document>> before = snapshot();
        app.close();
        java.nio.file.Files.delete(dataDir.resolve("views.mv")); // the tokens stay at the head in the event store
        boot();
        assertThat(snapshot()).as("every view re-projected without anyone asking").isEqualTo(before);
    }

    private void boot() {
        long started = System.nanoTime();
        // command-line arguments, not builder defaults: they must win over application.yml
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        long millis = (System.nanoTime() - started) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("[e2e] start-up %d ms, heap used %d MiB%n", millis,
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        awaitViews();
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(VIEWS)).as("views caught up").isTrue();
    }

    private Map<String, List<Document>> snapshot() {
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : List.of("policies", "items", "units", "commitments", "timeline", "officials")) {
            List<Document> docs = mongo.getCollection(name).find().sort(new Document("_id", 1))
                    .into(new ArrayList<>());
            all.put(name, docs);
        }
        return all;
    }

    private static List<String> names(JsonNode units) {
        List<String> names = new ArrayList<>();
        units.forEach(u -> names.add(u.get("name").asText()));
        return names;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("code").asText()).isEqualTo(code);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }
}
