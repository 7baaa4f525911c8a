package io.duban.deploy.e2e;

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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 待办 and 季度调度 in real headless Chromium, on the embedded default with the demo accounts. 财政厅 registers two
 * commitments through the API, asks to move a milestone of one and claims the other complete; the office finds both
 * in its inbox, rejects the change with no reason first (refused next to the field, nothing recorded), approves it,
 * verifies the claim: the rows leave and 总览 counts one more 已办结. Then the office opens the quarter's round and sees
 * its units, downloads the digest as CSV, and urges the late unit from the inbox. Units are refused both pages,
 * inspectors may read 季度调度 but not open a round. Screenshots: target/screenshots/inbox-*.png, dispatch-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Chromium.Required.class)
class InboxBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private Api api;
    private String changed;
    private String claimed;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        api = new Api(port);
        LocalDate today = LocalDate.now(app.getBean(java.time.Clock.class));
        changed = register(31, today.minusDays(10), today.plusDays(400), today.plusDays(60));
        claimed = register(58, today.minusDays(30), today.plusDays(300), today.plusDays(90));
        Api.Response change = api.post("czt", "/api/commitments/" + changed + "/deadline-changes", """
                {"milestoneId":"M1","requestedDueDate":"%s","reason":"征求意见时间延长"}""".formatted(today.plusDays(120)));
        assertThat(change.status()).as(change.raw()).isEqualTo(201);
        Api.Response milestone = api.post("czt", "/api/commitments/" + claimed + "/milestones/M1/completion",
                "{\"text\":\"方案已制定\"}");
        assertThat(milestone.status()).as(milestone.raw()).isEqualTo(200);
        Api.Response claim = api.postMultipart("czt", "/api/commitments/" + claimed + "/completion-claim",
                java.util.Map.of("text", "化债方案已印发实施"), new Api.Part("files", "印发通知.pdf",
                        "%PDF-1.7\n印发通知\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(200);
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
    void the_office_decides_in_its_inbox_and_the_rows_leave() {
        ChromeDriver chrome = browser(1366, 1600);
        chrome.get(url("/login"));
        signIn(chrome, "office", "office-demo");
        chrome.get(url("/console/overview"));
        int doneBefore = count(chrome, "done");

        chrome.findElement(By.cssSelector("[data-nav=inbox]")).click();
        Chromium.awaitUrl(chrome, "/console/inbox", WAIT);
        assertThat(chrome.findElement(By.cssSelector(".page-title")).getText()).isEqualTo("待办");
        WebElement change = row(chrome, "change-row", changed);
        assertThat(change.getText()).contains("第 31 项").contains("自治区财政厅").contains("征求意见时间延长").contains("延期");
        WebElement claim = row(chrome, "claim-row", claimed);
        assertThat(claim.getText()).contains("第 58 项").contains("化债方案已印发实施");
        assertThat(chrome.findElement(By.id("count-changes")).getText()).isEqualTo("1");
        assertThat(chrome.findElement(By.id("count-claims")).getText()).isEqualTo("1");
        Chromium.screenshot(chrome, "inbox-01-office-inbox");

        // reject without a reason: refused next to the field, nothing recorded, the row still offers the decision
        change.findElement(By.cssSelector("[data-test=reject]")).click();
        WebElement error = new WebDriverWait(chrome, WAIT).until(d -> {
            List<WebElement> errors = row(d, "change-row", changed).findElements(By.cssSelector("[data-test=field-error]"));
            return errors.isEmpty() ? null : errors.get(0);
        });
        assertThat(error.getText()).isEqualTo("请填写不予批准的理由。");
        WebElement field = row(chrome, "change-row", changed).findElement(By.tagName("textarea"));
        assertThat(field.getAttribute("aria-describedby")).isEqualTo(error.getAttribute("id"));
        assertThat(error.findElement(By.xpath("..")).findElement(By.tagName("textarea"))).isNotNull();
        assertThat(api.get("inspector", "/api/commitments/" + changed).body().at("/commitment/pendingDeadlineChanges")
                .size()).as("nothing recorded").isEqualTo(1);
        assertThat(api.get("inspector", "/api/commitments/" + changed + "/timeline").raw())
                .doesNotContain("DeadlineChangeRejected");
        Chromium.screenshot(chrome, "inbox-02-reject-without-reason");

        // approve: 已处理 until the read side shows it, then the row is gone and the count follows
        field = row(chrome, "change-row", changed).findElement(By.tagName("textarea"));
        field.sendKeys("同意延期");
        row(chrome, "change-row", changed).findElement(By.cssSelector("[data-test=approve]")).click();
        waitGone(chrome, "change-row", changed);
        new WebDriverWait(chrome, WAIT).until(d -> d.findElement(By.id("count-changes")).getText().equals("0"));
        assertThat(chrome.findElement(By.cssSelector("[data-test=changes]")).getText()).contains("没有待审批的期限调整申请");
        assertThat(api.get("inspector", "/api/commitments/" + changed).body().at("/commitment/decidedDeadlineChanges/0/decision")
                .asText()).isEqualTo("APPROVED");

        // verify the claim (comment optional)
        row(chrome, "claim-row", claimed).findElement(By.cssSelector("[data-test=verify]")).click();
        waitGone(chrome, "claim-row", claimed);
        new WebDriverWait(chrome, WAIT).until(d -> d.findElement(By.id("count-claims")).getText().equals("0"));
        assertThat(api.get("inspector", "/api/commitments/" + claimed).body().at("/commitment/status").asText())
                .isEqualTo("VERIFIED");
        assertThat(severeConsoleMessages(chrome)).as("browser console (CSP violations, script errors)").isEmpty();
        Chromium.screenshot(chrome, "inbox-03-decided");

        // a fresh read offers neither decision again
        chrome.navigate().refresh();
        assertThat(chrome.findElements(By.cssSelector("[data-test=change-row]"))).isEmpty();
        assertThat(chrome.findElements(By.cssSelector("[data-test=claim-row]"))).isEmpty();

        chrome.findElement(By.cssSelector("[data-nav=overview]")).click();
        Chromium.awaitUrl(chrome, "/console/overview", WAIT);
        assertThat(count(chrome, "done")).as("已办结 on 总览").isEqualTo(doneBefore + 1);
        Chromium.screenshot(chrome, "inbox-04-overview-after");
    }

    @Test
    @Order(2)
    void the_office_opens_the_quarters_round_sees_its_units_and_urges_the_late_one() throws Exception {
        ChromeDriver chrome = browser(1366, 1600);
        chrome.get(url("/login"));
        signIn(chrome, "office", "office-demo");
        chrome.get(url("/console/dispatch"));
        assertThat(chrome.findElement(By.cssSelector(".page-title")).getText()).isEqualTo("季度调度");
        // a commitment registered in the quarter already joined its round (the round exists once one does): the
        // office opens it all the same, which adds the open commitments it does not hold yet
        WebElement open = chrome.findElement(By.cssSelector("[data-test=open]"));
        assertThat(open.getText()).isIn("开启本季度调度", "将新登记的承诺加入本轮");
        Chromium.screenshot(chrome, "dispatch-01-before-opening");

        open.click();
        Chromium.awaitUrl(chrome, "/console/dispatch?round=", WAIT);
        String roundId = chrome.getCurrentUrl().replaceAll(".*round=", "");
        assertThat(roundId).matches("\\d{4}-Q[1-4]");
        WebElement units = chrome.findElement(By.cssSelector("[data-test=units]"));
        assertThat(units.getText()).contains("自治区财政厅").contains("未报送");
        assertThat(chrome.findElement(By.cssSelector("[data-test=rounds] [data-round='" + roundId + "']")).getText())
                .contains("进行中");
        assertThat(chrome.findElement(By.cssSelector("[data-test=missing]")).getText()).contains("第 31 项");
        // item 58 was verified before its report fell due (it joined after the deadline: by the quarter's end)
        assertThat(chrome.findElements(By.cssSelector("[data-test=missing] tbody tr"))).extracting(WebElement::getText)
                .noneSatisfy(row -> assertThat(row).contains("第 58 项"));
        assertThat(chrome.findElement(By.cssSelector("[data-test=exempt-list]")).getText())
                .contains("已办结免报").contains("第 58 项（自治区财政厅）");
        assertThat(chrome.findElement(By.cssSelector("[data-test=exempt] .count-value")).getText()).isEqualTo("1");
        assertThat(chrome.findElement(By.cssSelector("[data-test=not-reported] .count-value")).getText()).isEqualTo("1");
        // 按事项: one row per item of the round, shown (not folded away)
        List<WebElement> items = chrome.findElements(By.cssSelector("[data-test=by-item] tbody tr"));
        assertThat(items).as("rows of 按事项").hasSize(2);
        assertThat(items).allSatisfy(row -> assertThat(row.isDisplayed()).as("row shown").isTrue());
        assertThat(items.get(0).getText()).startsWith("第 31 项");
        assertThat(items.get(0).findElement(By.cssSelector(".item-text")).getText()).as("the item's text").isNotBlank();
        assertThat(items.get(1).getText()).startsWith("第 58 项").endsWith(" 1 0 1"); // 已办结 1, 未报送 0, 免报 1
        assertThat(severeConsoleMessages(chrome)).isEmpty();
        Chromium.screenshot(chrome, "dispatch-02-round-opened");

        BrowserSession office = new BrowserSession(port);
        office.signIn("office", "office-demo");
        HttpResponse<String> csv = office.get("/console/dispatch/rounds/" + roundId + "/digest.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"dispatch-" + roundId + ".csv\"");
        assertThat(csv.body()).startsWith("\uFEFF季度调度," + roundId).contains("自治区财政厅");
        assertThat(csv.body()).as("the same file as the REST download")
                .isEqualTo(restCsv(roundId));
        assertThat(office.get("/console/dispatch/rounds/2000-Q1/digest.csv").statusCode()).isEqualTo(404);

        // the inbox lists the unit whose report is late (the quarter's 10th working day has passed) or tells when
        chrome.get(url("/console/inbox"));
        WebElement late = chrome.findElement(By.cssSelector("[data-test=late]"));
        List<WebElement> lateRows = late.findElements(By.cssSelector("[data-test=late-row]"));
        if (lateRows.isEmpty()) {
            assertThat(late.getText()).contains("截止前尚有");
            return;
        }
        WebElement unit = lateRows.stream().filter(r -> r.getText().contains("自治区财政厅")).findFirst().orElseThrow();
        unit.findElement(By.cssSelector("[data-test=urge]")).click();
        WebElement error = new WebDriverWait(chrome, WAIT).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("[data-test=late] [data-test=field-error]")));
        assertThat(error.getText()).isEqualTo("请填写催办内容。");
        chrome.findElement(By.cssSelector("[data-test=late] input[name=text]")).sendKeys("请于本周内报送季度进展");
        chrome.findElement(By.cssSelector("[data-test=late] [data-test=urge]")).click();
        WebElement urged = new WebDriverWait(chrome, WAIT).until(ExpectedConditions
                .visibilityOfElementLocated(By.cssSelector("[data-test=late] [data-test=urged]")));
        assertThat(urged.getText()).contains("已催办").contains("1 项承诺");
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).isTrue();
        new WebDriverWait(chrome, WAIT).until(d -> api.get("inspector", "/api/commitments/" + changed).body()
                .at("/commitment/urgeCount").asInt() == 1);
        assertThat(severeConsoleMessages(chrome)).isEmpty();
        Chromium.screenshot(chrome, "inbox-05-unit-urged");
    }

    @Test
    @Order(3)
    void a_unit_is_refused_both_pages_and_an_inspector_reads_the_rounds_only() {
        ChromeDriver chrome = browser(390, 844);
        chrome.get(url("/login"));
        signIn(chrome, "czt", "czt-demo");
        chrome.get(url("/console/inbox"));
        assertThat(chrome.findElement(By.cssSelector("[data-test=denied]")).getText()).contains("无权查看");
        Chromium.screenshot(chrome, "inbox-06-unit-denied");

        BrowserSession unit = new BrowserSession(port);
        unit.signIn("czt", "czt-demo");
        assertThat(unit.get("/console/inbox").statusCode()).isEqualTo(403);
        assertThat(unit.get("/console/dispatch").statusCode()).isEqualTo(403);
        String token = BrowserSession.enc(unit.csrfToken());
        assertThat(unit.postForm("/console/inbox/urging/commitments/" + changed, "_csrf=" + token + "&text=x")
                .statusCode()).isEqualTo(403);
        assertThat(unit.postForm("/console/dispatch/rounds", "_csrf=" + token).statusCode()).isEqualTo(403);

        BrowserSession inspector = new BrowserSession(port);
        inspector.signIn("inspector", "inspector-demo");
        HttpResponse<String> page = inspector.get("/console/dispatch");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("各单位报送情况").doesNotContain("data-test=\"open\"");
        assertThat(inspector.get("/console/inbox").statusCode()).isEqualTo(403);
        assertThat(inspector.postForm("/console/dispatch/rounds", "_csrf=" + BrowserSession.enc(inspector.csrfToken()))
                .statusCode()).isEqualTo(403);
    }

    /** The REST download of the digest (HTTP Basic), as text: {@link Api} reads JSON only. */
    private String restCsv(String roundId) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(url("/api/dispatch-rounds/" + roundId + "/digest.csv")))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("office:office-demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private String register(int item, LocalDate start, LocalDate due, LocalDate milestone) {
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":%d,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"按计划推进","startDate":"%s","dueDate":"%s",
                 "milestones":[{"title":"第一阶段","dueDate":"%s"}]}""".formatted(item, start, due, milestone));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.body().get("commitmentId").asText();
    }

    private static WebElement row(org.openqa.selenium.WebDriver chrome, String kind, String commitmentId) {
        return chrome.findElement(By.cssSelector("[data-test=" + kind + "][data-commitment='" + commitmentId + "']"));
    }

    private static void waitGone(ChromeDriver chrome, String kind, String commitmentId) {
        new WebDriverWait(chrome, WAIT).until(d -> d.findElements(
                By.cssSelector("[data-test=" + kind + "][data-commitment='" + commitmentId + "']")).isEmpty());
    }

    private ChromeDriver browser(int width, int height) {
        ChromeDriver chrome = Chromium.start(width, height);
        browsers.add(chrome);
        return chrome;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void signIn(ChromeDriver chrome, String user, String password) {
        WebElement name = chrome.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        chrome.findElement(By.id("password")).sendKeys(password);
        chrome.findElement(By.cssSelector("[data-test=login]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private static int count(ChromeDriver chrome, String light) {
        return Integer.parseInt(chrome.findElement(By.cssSelector("[data-light=" + light + "] .count-value")).getText());
    }

    private static List<String> severeConsoleMessages(ChromeDriver chrome) {
        return chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
