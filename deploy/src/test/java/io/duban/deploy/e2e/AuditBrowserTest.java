package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.deploy.DubanApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 审计 in real headless Chromium, on the embedded default with the demo accounts: commitments and a progress report
 * seeded through the REST API; the inspector searches the timeline by unit, looks at the board as of today and as of
 * a day before the import (the message next to the field), publishes and saves a digest, verifies the chain clean,
 * then sees the first bad event once a stored event row is changed through JDBC (restored afterwards); exports and
 * the read log; a unit is refused every audit route. Screenshots: target/screenshots/audit-NN-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Chromium.Required.class)
class AuditBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private Api api;
    private String financeUnitId;
    private String financeCommitment;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        api = new Api(port);
        LocalDate today = LocalDate.now(app.getBean(java.time.Clock.class));
        financeCommitment = register("czt", 31, today.minusDays(10), today.plusDays(400), today.plusDays(30));
        register("hhht", 1, today.minusDays(1), today.plusDays(500), today.plusDays(200));
        Api.Response progress = api.post("czt", "/api/commitments/" + financeCommitment + "/progress",
                "{\"percent\":40,\"note\":\"补贴办法已起草\"}");
        assertThat(progress.status()).as(progress.raw()).isBetween(200, 299);
        for (JsonNode unit : api.get("inspector", "/api/units").body()) {
            if (unit.get("name").asText().equals("自治区财政厅")) {
                financeUnitId = unit.get("unitId").asText();
            }
        }
        assertThat(financeUnitId).isNotNull();
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).isTrue();
    }

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(ChromeDriver::quit);
        browsers.clear();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void the_inspector_searches_the_timeline_by_unit_and_looks_at_the_board_as_of_a_date() {
        ChromeDriver chrome = signedIn("inspector", 1366, 1400);
        Chromium.awaitUrl(chrome, "/console/audit", WAIT);
        assertThat(chrome.findElement(By.cssSelector(".audit-tabs .is-current")).getText()).isEqualTo("事件检索");
        assertThat(chrome.findElement(By.cssSelector("[data-test=timeline-results]")).getText()).contains("共");
        Chromium.screenshot(chrome, "audit-01-home");

        new Select(chrome.findElement(By.id("unitId"))).selectByVisibleText("自治区财政厅");
        chrome.findElement(By.cssSelector("[data-test=search]")).click();
        Chromium.awaitUrl(chrome, "unitId=" + financeUnitId, WAIT);
        WebElement results = chrome.findElement(By.cssSelector("[data-test=timeline-results]"));
        List<WebElement> rows = results.findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getAttribute("data-type")).as("newest first").isEqualTo("ProgressReported");
        assertThat(rows.get(0).getText()).contains("报告进度").contains("czt").contains("网页")
                .contains(financeCommitment);
        assertThat(rows.get(1).getAttribute("data-type")).isEqualTo("CommitmentRegistered");
        assertThat(results.getText()).doesNotContain("呼和浩特市人民政府");
        Chromium.screenshot(chrome, "audit-02-timeline-by-unit");

        // bad input: the error next to its field, no search run
        chrome.findElement(By.id("itemNumber")).sendKeys("三十一");
        chrome.findElement(By.cssSelector("[data-test=search]")).click();
        WebElement error = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("itemNumber-error")));
        assertThat(error.getText()).contains("事项序号应为正整数");
        assertThat(error.findElement(By.xpath("..")).findElement(By.id("itemNumber"))).isNotNull();
        assertThat(chrome.findElements(By.cssSelector("[data-test=timeline-results]"))).isEmpty();
        Chromium.screenshot(chrome, "audit-03-timeline-bad-item");

        // the board as of today: every item of the policy, item 31 registered by 财政厅
        chrome.findElement(By.cssSelector("[data-tab=as-of]")).click();
        LocalDate today = LocalDate.now(app.getBean(java.time.Clock.class));
        pickDate(chrome, "at", today);
        chrome.findElement(By.cssSelector("[data-test=show-board]")).click();
        WebElement board = shown(chrome, "[data-test=as-of-board]", "audit-04-as-of-today");
        assertThat(board.findElements(By.cssSelector("tbody tr"))).hasSize(60);
        assertThat(board.getText()).contains(today.getYear() + "年" + today.getMonthValue() + "月"
                + today.getDayOfMonth() + "日 的事项看板").contains("重放事件");
        assertThat(chrome.findElements(By.cssSelector("[data-test=at-error]"))).isEmpty();
        Chromium.screenshot(chrome, "audit-04-as-of-today");

        // a day before the import: nothing was recorded yet, said next to the date field
        pickDate(chrome, "at", today.minusDays(1));
        chrome.findElement(By.cssSelector("[data-test=show-board]")).click();
        WebElement before = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=at-error]")));
        assertThat(before.getText()).contains("早于第一条事件");
        assertThat(before.findElement(By.xpath("..")).findElement(By.id("at"))).isNotNull();
        assertThat(chrome.findElements(By.cssSelector("[data-test=as-of-board]"))).isEmpty();
        assertThat(severeConsoleMessages(chrome)).isEmpty();
        Chromium.screenshot(chrome, "audit-05-as-of-before-import");
    }

    @Test
    @Order(2)
    void the_inspector_publishes_and_saves_a_digest_verifies_clean_and_then_sees_the_first_bad_event() throws Exception {
        ChromeDriver chrome = signedIn("inspector", 1366, 1200);
        chrome.get(url("/console/audit/digests"));
        chrome.findElement(By.cssSelector("[data-test=publish]")).click();
        WebElement published = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=published]")));
        assertThat(published.getText()).contains("已发布");
        assertThat(chrome.findElements(By.cssSelector("[data-test=digests] tbody tr"))).isNotEmpty();
        Chromium.screenshot(chrome, "audit-06-digest-published");

        BrowserSession inspector = new BrowserSession(port);
        inspector.signIn("inspector", "inspector-demo");
        String href = chrome.findElement(By.cssSelector("[data-test=save-digest]")).getAttribute("href");
        HttpResponse<String> saved = inspector.get(href.substring(href.indexOf("/console/")));
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("Content-Disposition")).hasValueSatisfying(v ->
                assertThat(v).startsWith("attachment; filename=\"duban-digest-"));
        JsonNode digest = new ObjectMapper().readTree(saved.body());
        assertThat(digest.get("signature").asText()).isNotBlank();
        assertThat(digest.get("eventCount").asLong()).isPositive();

        // verify against the saved digest: clean
        chrome.findElement(By.cssSelector("[data-tab=verify]")).click();
        chrome.findElement(By.id("savedDigest")).sendKeys(saved.body());
        chrome.findElement(By.cssSelector("[data-test=verify]")).click();
        WebElement verdict = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=verdict]")));
        assertThat(verdict.getText()).isEqualTo("未发现篡改");
        assertThat(chrome.findElements(By.cssSelector("[data-test=first-bad-event]"))).isEmpty();
        assertThat(chrome.findElement(By.cssSelector("[data-test=verify-result]")).getText()).contains("已保存的摘要")
                .contains("OK");
        Chromium.screenshot(chrome, "audit-07-verify-clean");

        // a bad digest: the error next to the field, nothing verified
        chrome.findElement(By.id("savedDigest")).clear();
        chrome.findElement(By.id("savedDigest")).sendKeys("不是摘要");
        chrome.findElement(By.cssSelector("[data-test=verify]")).click();
        assertThat(new WebDriverWait(chrome, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("digest-error"))).getText()).contains("无法识别的摘要");
        assertThat(chrome.findElements(By.cssSelector("[data-test=verify-result]"))).isEmpty();

        // one stored event row changed behind the service's back: its registration, chained by the publishing above
        Tampered tampered = tamperRegistration();
        try {
            chrome.findElement(By.id("savedDigest")).clear();
            chrome.findElement(By.cssSelector("[data-test=verify]")).click();
            WebElement bad = new WebDriverWait(chrome, WAIT)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=first-bad-event]")));
            assertThat(chrome.findElement(By.cssSelector("[data-test=verdict]")).getText()).isEqualTo("发现篡改");
            assertThat(bad.getText()).contains("事件内容被修改").contains("CHANGED");
            assertThat(bad.findElement(By.cssSelector("[data-test=bad-index]")).getText())
                    .isEqualTo(String.valueOf(tampered.globalIndex()));
            assertThat(bad.findElement(By.cssSelector("[data-test=bad-aggregate]")).getText())
                    .isEqualTo(financeCommitment);
            Chromium.screenshot(chrome, "audit-08-verify-tampered");
        } finally {
            tampered.restore();
        }
        chrome.findElement(By.cssSelector("[data-test=verify]")).click();
        assertThat(new WebDriverWait(chrome, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[data-test=verdict]"))).getText()).isEqualTo("未发现篡改");
        assertThat(severeConsoleMessages(chrome)).isEmpty();
    }

    @Test
    @Order(3)
    void the_trail_exports_are_the_rest_documents_and_the_read_log_shows_the_inspectors_reads() {
        BrowserSession inspector = new BrowserSession(port);
        inspector.signIn("inspector", "inspector-demo");
        HttpResponse<String> csv = inspector.get("/console/audit/exports/trail?subject=unit&unitId=" + financeUnitId
                + "&commitmentId=&quarter=&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"audit-trail.csv\"");
        assertThat(csv.body()).isEqualTo(restText("/api/audit/trail.csv?unitId=" + financeUnitId))
                .contains(financeCommitment);
        HttpResponse<String> lines = inspector.get("/console/audit/exports/trail?subject=commitment&commitmentId="
                + financeCommitment + "&format=jsonl");
        assertThat(lines.body().lines()).hasSize(2);

        ChromeDriver chrome = signedIn("inspector", 1366, 1000);
        chrome.get(url("/console/audit/exports"));
        chrome.findElement(By.cssSelector("input[name=subject][value=quarter]")).click();
        WebElement quarter = chrome.findElement(By.cssSelector("input[name=quarter]"));
        quarter.clear();
        quarter.sendKeys("2026-Q5");
        chrome.findElement(By.cssSelector("[data-test=export-html]")).click();
        WebElement error = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=export-error]")));
        assertThat(error.getText()).contains("quarter").contains("2026-Q5");
        Chromium.screenshot(chrome, "audit-09-export-bad-quarter");

        chrome.findElement(By.cssSelector("input[name=subject][value=commitment]")).click();
        WebElement commitment = chrome.findElement(By.cssSelector("input[name=commitmentId]"));
        commitment.clear();
        commitment.sendKeys(financeCommitment);
        chrome.findElement(By.cssSelector("[data-test=export-html]")).click();
        new WebDriverWait(chrome, WAIT).until(ExpectedConditions.titleContains("督办审计记录"));
        assertThat(chrome.findElement(By.tagName("body")).getText()).contains(financeCommitment);
        assertThat(severeConsoleMessages(chrome)).as("the report's stylesheet is allowed by its hash").isEmpty();
        Chromium.screenshot(chrome, "audit-10-export-html");

        chrome.get(url("/console/audit/reads?userId=inspector"));
        WebElement reads = chrome.findElement(By.cssSelector("[data-test=reads]"));
        assertThat(reads.getText()).contains("/console/audit/exports/trail").contains("/console/audit/verify");
        Chromium.screenshot(chrome, "audit-11-read-log");
    }

    @Test
    @Order(4)
    void a_unit_is_refused_every_audit_route() {
        BrowserSession unit = new BrowserSession(port);
        assertThat(unit.signIn("czt", "czt-demo").statusCode()).isEqualTo(302);
        for (String path : List.of("/console/audit", "/console/audit/as-of?at=2026-01-01", "/console/audit/verify",
                "/console/audit/digests", "/console/audit/digests/1", "/console/audit/reads",
                "/console/audit/exports/trail?subject=unit&unitId=" + financeUnitId + "&format=csv")) {
            assertThat(unit.get(path).statusCode()).as(path).isEqualTo(403);
        }
        String token = BrowserSession.enc(unit.csrfToken());
        int digestsBefore = api.get("inspector", "/api/audit/digests").body().size();
        assertThat(unit.postForm("/console/audit/digests", "_csrf=" + token).statusCode()).isEqualTo(403);
        assertThat(unit.postForm("/console/audit/verify", "_csrf=" + token).statusCode()).isEqualTo(403);
        assertThat(api.get("inspector", "/api/audit/digests").body().size()).as("nothing published")
                .isEqualTo(digestsBefore);

        ChromeDriver chrome = signedIn("czt", 390, 844);
        chrome.get(url("/console/audit"));
        assertThat(chrome.findElement(By.cssSelector("[data-test=denied]")).getText()).contains("无权查看");
        Chromium.screenshot(chrome, "audit-12-unit-denied");
    }

    // --- helpers ---

    private record Tampered(long globalIndex, byte[] payload, DataSource dataSource) {
        void restore() throws Exception {
            update(dataSource, globalIndex, payload);
        }
    }

    /** Flips one byte of the finance commitment's registration as stored (JDBC, as an intruder would). */
    private Tampered tamperRegistration() throws Exception {
        DataSource dataSource = app.getBean(DataSource.class);
        long index;
        byte[] payload;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT globalIndex, payload FROM DomainEventEntry"
                     + " WHERE aggregateIdentifier = ? AND sequenceNumber = 0")) {
            select.setString(1, financeCommitment);
            try (ResultSet rs = select.executeQuery()) {
                assertThat(rs.next()).isTrue();
                index = rs.getLong(1);
                payload = rs.getBytes(2);
            }
        }
        byte[] changed = payload.clone();
        changed[changed.length / 2] ^= 1;
        update(dataSource, index, changed);
        return new Tampered(index, payload, dataSource);
    }

    private static void update(DataSource dataSource, long globalIndex, byte[] payload) throws Exception {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE DomainEventEntry SET payload = ? WHERE globalIndex = ?")) {
            update.setBytes(1, payload);
            update.setLong(2, globalIndex);
            assertThat(update.executeUpdate()).isEqualTo(1);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }

    private String register(String unit, int item, LocalDate start, LocalDate due, LocalDate milestone) {
        Api.Response registered = api.post(unit, "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":%d,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"按计划推进","startDate":"%s","dueDate":"%s",
                 "milestones":[{"title":"第一阶段","dueDate":"%s"}]}""".formatted(item, start, due, milestone));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.body().get("commitmentId").asText();
    }

    private ChromeDriver signedIn(String user, int width, int height) {
        ChromeDriver chrome = Chromium.start(width, height);
        browsers.add(chrome);
        chrome.get(url("/login"));
        chrome.findElement(By.id("username")).sendKeys(user);
        chrome.findElement(By.id("password")).sendKeys(user + "-demo");
        chrome.findElement(By.cssSelector("[data-test=login]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> !d.getCurrentUrl().endsWith("/login"));
        return chrome;
    }

    /** Sets a date picker's value as a person picking the day would (typing into it is locale-dependent). */
    private static void pickDate(ChromeDriver chrome, String id, LocalDate day) {
        chrome.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, day.toString());
    }

    /** The element, once shown; otherwise a screenshot and a failure that says what the page showed instead. */
    private static WebElement shown(ChromeDriver chrome, String css, String screenshot) {
        try {
            return new WebDriverWait(chrome, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
        } catch (org.openqa.selenium.TimeoutException e) {
            Chromium.screenshot(chrome, screenshot + "-failed");
            throw new AssertionError(css + " not shown at " + chrome.getCurrentUrl() + ": "
                    + chrome.findElement(By.tagName("body")).getText(), e);
        }
    }

    /** A REST document as text (the Api helper reads JSON), as the inspector over HTTP Basic. */
    private String restText(String path) {
        try {
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "inspector:inspector-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .GET().build();
            HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static List<String> severeConsoleMessages(ChromeDriver chrome) {
        return chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
