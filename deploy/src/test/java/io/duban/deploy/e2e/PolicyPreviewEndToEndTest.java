package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.duban.command.api.CorrectionKind;
import io.duban.command.api.ImportCorrection;
import io.duban.command.api.PolicyImported;
import io.duban.command.api.ResponsibleUnit;
import io.duban.deploy.DubanApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.axonframework.eventsourcing.eventstore.EventStore;
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

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office previews another document over REST (nothing recorded), corrects it and confirms; bad inputs are RFC 7807
 * problems that record nothing. The document is the example shipped for the README (examples/other-policy.txt).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PolicyPreviewEndToEndTest {

    private static final Duration VIEWS = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREVIEW = "/api/policies/preview?policyId=nmg-2024-7";
    private static final String CONFIRM = "/api/policies/confirmation?policyId=nmg-2024-7";

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private Api api;
    private String text;

    @BeforeAll
    void start() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/examples/other-policy.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        awaitViews();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void the_preview_shows_every_item_its_units_known_or_new_its_article_and_every_warning() {
        // when
        Api.Response preview = api.postText("office", PREVIEW, text);

        // then
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        JsonNode body = preview.body();
        assertThat(body.get("documentNumber").asText()).isEqualTo("内政发〔2024〕7号");
        assertThat(body.get("itemCount").asInt()).isEqualTo(8);
        assertThat(body.get("sha256").asText()).hasSize(64);
        JsonNode item3 = body.get("items").get(2);
        assertThat(names(item3.get("units"))).containsExactly("自治区交通运输厅", "民航内蒙古安全监管局", "包头市人民政府");
        assertThat(item3.get("units").get(1).get("known").asBoolean()).isTrue();
        assertThat(item3.get("units").get(1).get("kind").asText()).isEqualTo("中央驻区单位");
        assertThat(item3.get("article").asText()).isEqualTo("（三）");
        assertThat(item3.get("articleConfidence").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(body.get("items").get(7).get("articleTitle").asText()).isEqualTo("出处未定");
        assertThat(body.get("items").get(0).get("targets")).hasSize(1);

        List<String> warnings = new ArrayList<>();
        body.get("warnings").forEach(w -> warnings.add(w.get("itemNumber").asInt() + " " + w.get("code").asText()));
        assertThat(warnings).containsExactly("5 article.uncertain", "8 article.undetermined", "8 target.unreadable");
        assertThat(body.get("newUnits").asInt()).isZero();
    }

    @Test
    @Order(2)
    void a_preview_with_corrections_shows_them_applied_and_still_records_nothing() {
        // when
        Api.Response preview = api.post("office", PREVIEW, confirmation(null, unitCorrection(9)));
        Api.Response corrected = api.post("office", PREVIEW, confirmation(null, unitCorrection(5)));

        // then
        assertProblem(preview, 400, "policy.correction-unknown-item");
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        assertThat(names(corrected.body().get("items").get(4).get("units")))
                .containsExactly("自治区商务厅", "满洲里海关", "包头市人民政府");
        assertThat(corrected.body().get("corrections").get(0).get("from").asText()).isEqualTo("呼和浩特海关");
        awaitViews();
        assertThat(api.get("inspector", "/api/policies").body()).hasSize(1);
        assertThat(api.get("inspector", "/api/items/nmg-2024-7/1").status()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void bad_inputs_are_problems_and_record_nothing() {
        assertThat(api.postText("czt", PREVIEW, text).status()).isEqualTo(403);
        assertThat(api.post("czt", CONFIRM, confirmation(null)).status()).isEqualTo(403);
        assertThat(api.postText(null, PREVIEW, text).status()).isEqualTo(401);
        assertProblem(api.postText("office", PREVIEW, ""), 400, "policy.empty");
        assertProblem(api.postText("office", PREVIEW, " \n "), 400, "policy.empty");
        assertProblem(api.post("office", CONFIRM, "{\"corrections\":[]}"), 400, "policy.empty");
        assertProblem(api.postText("office", PREVIEW, "内蒙古自治区人民政府关于某事的意见\n内政发〔2024〕9号\n（一）某事。正文。"),
                400, "policy.unparseable");
        assertProblem(api.postText("office", "/api/policies/preview?policyId=Bad_Id", text), 400, "policy.bad-id");
        assertProblem(api.post("office", CONFIRM, confirmation(null, unitCorrection(9))), 400,
                "policy.correction-unknown-item");
        assertProblem(api.post("office", CONFIRM, confirmation(null,
                new ImportCorrection(3, CorrectionKind.UNIT, "自治区民航内蒙古安全监管局", "民航内蒙古安全监管局"))), 400,
                "policy.correction-unknown-unit");
        assertProblem(api.post("office", CONFIRM, confirmation(null,
                new ImportCorrection(8, CorrectionKind.ARTICLE, null, "（九）"))), 400, "policy.correction-unknown-article");
        assertProblem(api.post("office", CONFIRM, confirmation("0".repeat(64))), 400, "policy.preview-mismatch");
        assertProblem(api.post("office", CONFIRM, "{\"text\":\"x\",\"corrections\":[{\"itemNumber\":1,\"kind\":\"NAME\"}]}"),
                400, "input.unreadable");

        awaitViews();
        assertThat(api.get("inspector", "/api/policies").body()).hasSize(1);
        assertThat(events()).isEmpty();
    }

    @Test
    @Order(4)
    void the_confirm_records_the_import_with_the_corrections_as_such() {
        String sha = api.postText("office", PREVIEW, text).body().get("sha256").asText();

        // when
        Api.Response confirmed = api.post("office", CONFIRM, confirmation(sha, unitCorrection(5),
                new ImportCorrection(5, CorrectionKind.ARTICLE, null, "（四）")));

        // then
        assertThat(confirmed.status()).as(confirmed.raw()).isEqualTo(201);
        assertThat(confirmed.body().get("itemCount").asInt()).isEqualTo(8);
        List<PolicyImported> events = events();
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.corrections()).containsExactly(
                    new ImportCorrection(5, CorrectionKind.UNIT, "呼和浩特海关", "满洲里海关"),
                    new ImportCorrection(5, CorrectionKind.ARTICLE, "（四）", "（四）"));
            assertThat(e.items().get(4).articleConfidence()).isEqualTo(1.0);
            assertThat(e.items().get(7).article()).isNull();
            assertThat(e.actor().userId()).isEqualTo("office");
        });

        awaitViews();
        JsonNode item1 = api.get("inspector", "/api/items/nmg-2024-7/1").body().get("item");
        // 发展和改革委员会 in this document is the 自治区发展改革委 of 内政发〔2023〕1号: one unit, one id
        assertThat(item1.get("units").get(1).get("unitId").asText()).isEqualTo(ResponsibleUnit.idFor("自治区发展改革委"));
        assertThat(api.get("inspector", "/api/items/nmg-2024-7/8").body().get("item").get("articleTitle").asText())
                .isEqualTo("出处未定");
        // 34 units of the first document + 民航内蒙古安全监管局, 满洲里海关, 人民银行内蒙古分行, 内蒙古金融监管局, 包头市人民政府
        assertThat(api.get("inspector", "/api/units").body()).hasSize(39);

        Api.Response again = api.post("office", CONFIRM, confirmation(sha, unitCorrection(5),
                new ImportCorrection(5, CorrectionKind.ARTICLE, null, "（四）")));
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(events()).hasSize(1);
    }

    private static ImportCorrection unitCorrection(int item) {
        return new ImportCorrection(item, CorrectionKind.UNIT, "呼和浩特海关", "中华人民共和国满洲里海关");
    }

    private String confirmation(String sha, ImportCorrection... corrections) {
        ObjectNode body = JSON.createObjectNode().put("text", text);
        if (sha != null) {
            body.put("sha256", sha);
        }
        body.set("corrections", JSON.valueToTree(List.of(corrections)));
        return body.toString();
    }

    private List<PolicyImported> events() {
        return app.getBean(EventStore.class).readEvents("nmg-2024-7").asStream()
                .map(e -> (PolicyImported) e.getPayload()).toList();
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(VIEWS)).as("views caught up").isTrue();
    }

    private static List<String> names(JsonNode units) {
        List<String> names = new ArrayList<>();
        units.forEach(u -> names.add(u.get("name").asText()));
        return names;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.body().get("code").asText()).as(response.raw()).isEqualTo(code);
        assertThat(response.body().get("detail").asText()).isNotBlank();
    }
}
