package io.duban.deploy.e2e;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.duban.deploy.DubanApplication;
import io.duban.deploy.testdingtalk.FakeDingTalkSettings;
import io.duban.deploy.openapi.OpenApiRules;
import io.duban.deploy.openapi.RedoclyLint;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running service on its embedded default, seen by an operator and a newcomer: a clean operation (a view rebuild)
 * logs no ERROR, {@code /error} is no operation of the API, a misspelt query parameter is refused instead of ignored,
 * and the OpenAPI document describes every operation and the problems it answers with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceHygieneEndToEndTest {

    private static final Duration VIEWS = Duration.ofSeconds(60);

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    /** DingTalk on (the fake standing in), so that its callback operation is in the document too. */
    private final FakeDingTalkSettings dingTalk = new FakeDingTalkSettings();
    private Api api;
    private String commitment;

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class).run(dingTalk.with("--spring.profiles.active=demo",
                "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0"));
        api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"王五","position":"预算处处长"},
                 "roadmap":"先出台地铁运营补贴办法，再按年度拨付 10 亿元","startDate":"2026-01-01","dueDate":"2027-12-31",
                 "milestones":[{"title":"出台补贴办法","dueDate":"2026-12-20"}]}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        commitment = registered.body().get("commitmentId").asText();
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(VIEWS)).isTrue();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
        dingTalk.close();
    }

    @Test
    void a_rebuild_of_every_view_logs_no_error() {
        List<ILoggingEvent> errors = captureErrors(() -> {
            Api.Response rebuild = api.post("inspector", "/api/admin/views/rebuild", "");
            assertThat(rebuild.status()).as(rebuild.raw()).isEqualTo(202);
            assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(VIEWS)).as("views rebuilt").isTrue();
        });

        assertThat(errors).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
        assertThat(api.get("inspector", "/api/commitments/" + commitment).status()).isEqualTo(200);
    }

    @Test
    void error_asked_for_directly_is_a_clean_404_problem_and_logs_nothing() {
        List<ILoggingEvent> errors = captureErrors(() -> {
            Api.Response anonymous = api.get(null, "/error");
            assertThat(anonymous.status()).as(anonymous.raw()).isEqualTo(404);
            assertThat(anonymous.body().get("code").asText()).isEqualTo("http.not-found");
            assertThat(api.get("inspector", "/error").status()).isEqualTo(404);
        });

        assertThat(errors).extracting(ILoggingEvent::getFormattedMessage).isEmpty();
    }

    @Test
    void an_unknown_query_parameter_is_refused_with_a_problem_naming_it() {
        Api.Response misspelt = api.get("inspector", "/api/commitments?status=OPEN");

        assertThat(misspelt.status()).as(misspelt.raw()).isEqualTo(400);
        assertThat(misspelt.body().get("code").asText()).isEqualTo("input.unknown-parameter");
        assertThat(misspelt.body().get("detail").asText()).contains("status").contains("light");
        assertThat(api.get("inspector", "/api/units?unitId=uc88ba393").body().get("code").asText())
                .isEqualTo("input.unknown-parameter");
        assertThat(api.get("inspector", "/api/timeline?commitmentId=" + commitment + "&chanel=WEB").status())
                .isEqualTo(400);
        assertThat(api.get("inspector", "/api/commitments/" + commitment + "/timeline?channel=WEB").status())
                .as("this one takes no filter at all").isEqualTo(400);
        // what the handlers declare still works
        assertThat(api.get("inspector", "/api/commitments?light=RED&unitId=uc88ba393").status()).isEqualTo(200);
        assertThat(api.get("inspector", "/api/items?policyId=nzf-2023-1").status()).isEqualTo(200);
        assertThat(api.get("inspector", "/api/timeline?commitmentId=" + commitment + "&channel=WEB").status())
                .isEqualTo(200);
    }

    @Test
    void the_openapi_document_describes_every_operation_and_its_problem_answers() throws Exception {
        Api.Response docs = api.get(null, "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        Path spec = Path.of("target", "openapi", "api-docs.json");
        Files.createDirectories(spec.getParent());
        Files.writeString(spec, docs.raw(), StandardCharsets.UTF_8);

        assertThat(OpenApiRules.check(docs.body())).as("OpenAPI findings (written to %s)", spec.toAbsolutePath())
                .isEmpty();
    }

    @Test
    void the_openapi_document_passes_redoclys_recommended_lint_with_no_error() throws Exception {
        Api.Response docs = api.get(null, "/v3/api-docs");
        Path spec = Files.createTempFile(dataDir, "api-docs", ".json");
        Files.writeString(spec, docs.raw(), StandardCharsets.UTF_8);

        RedoclyLint.Result lint = RedoclyLint.run(spec);

        assertThat(lint.errors()).as(lint.output()).isZero();
    }

    private static List<ILoggingEvent> captureErrors(Runnable action) {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            action.run();
        } finally {
            root.detachAppender(appender);
        }
        return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
    }
}
