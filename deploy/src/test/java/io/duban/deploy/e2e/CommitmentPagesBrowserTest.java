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
import org.openqa.selenium.Dimension;
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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 我的承诺 and the commitment page in real headless Chromium, on the embedded default with the demo accounts: 财政厅
 * registers a commitment through the form (a milestone outside the timetable first: the message next to the
 * milestones, nothing recorded), reports progress (a decrease without a reason refused next to its field), sees it on
 * the page and in the progress chart, asks for more time; 教育厅 gets the 403 page for it and can post nothing; the
 * inspector reads the page without a form. Screenshots (desktop and phone) in target/screenshots/commitment-*.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Chromium.Required.class)
class CommitmentPagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private Api api;
    /** The application's date (its clock), which the forms' dates are relative to. */
    private LocalDate today;
    private final List<ChromeDriver> browsers = new ArrayList<>();
    /** The commitment 财政厅 registers in the first test; the later ones look at it. */
    private String commitmentId;

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        api = new Api(port);
        today = LocalDate.now(app.getBean(java.time.Clock.class));
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
    void a_unit_registers_a_commitment_reports_progress_and_asks_for_more_time() {
        ChromeDriver chrome = browser(1366, 2400);
        chrome.get(url("/"));
        signIn(chrome, "czt", "czt-demo");
        Chromium.awaitUrl(chrome, "/console/mine", WAIT);
        assertThat(chrome.findElement(By.cssSelector(".page-title")).getText()).isEqualTo("我的承诺");
        assertThat(chrome.findElement(By.cssSelector("[data-test=my-commitments]")).getText())
                .contains("本单位尚未登记承诺");
        assertThat(chrome.findElements(By.cssSelector("[data-test=unregistered] li"))).isNotEmpty();
        Chromium.screenshot(chrome, "commitment-01-mine-empty");

        // the first item 财政厅 answers for; its commitment id follows from policy, item and unit
        Select item = new Select(chrome.findElement(By.id("item")));
        item.selectByIndex(1);
        String[] key = item.getFirstSelectedOption().getAttribute("value").split("\\|");
        commitmentId = key[0] + "." + key[1] + "." + key[2];
        setValue(chrome, "startDate", today.minusDays(10));
        setValue(chrome, "dueDate", today.plusDays(400));
        chrome.findElement(By.id("roadmap")).sendKeys("先出台补贴办法，再按年度拨付资金");
        List<WebElement> titles = chrome.findElements(By.name("milestoneTitle"));
        List<WebElement> dues = chrome.findElements(By.name("milestoneDue"));
        titles.get(0).sendKeys("出台补贴办法");
        setValue(chrome, dues.get(0), today.plusDays(500)); // after the final due date: refused
        chrome.findElement(By.id("responsibleName")).sendKeys("王五");
        chrome.findElement(By.id("responsiblePosition")).sendKeys("预算处处长");
        chrome.findElement(By.cssSelector("[data-test=register-submit]")).click();

        WebElement error = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("milestones-error")));
        assertThat(error.getText()).contains("出台补贴办法").contains("不在");
        assertThat(error.findElement(By.xpath("..")).getAttribute("class")).contains("has-error");
        assertThat(chrome.findElement(By.id("roadmap")).getAttribute("value")).as("what was typed is kept")
                .isEqualTo("先出台补贴办法，再按年度拨付资金");
        assertThat(chrome.findElements(By.name("milestoneTitle")).get(0).getAttribute("value")).isEqualTo("出台补贴办法");
        assertThat(api.get("inspector", "/api/commitments/" + commitmentId).status()).as("nothing recorded")
                .isEqualTo(404);
        Chromium.screenshot(chrome, "commitment-02-register-refused");

        setValue(chrome, chrome.findElements(By.name("milestoneDue")).get(0), today.plusDays(100));
        chrome.findElement(By.cssSelector("[data-test=add-milestone]")).click();
        List<WebElement> rows = chrome.findElements(By.name("milestoneTitle"));
        assertThat(rows).as("a row added by the page's script").hasSize(4);
        rows.get(1).sendKeys("拨付年度补助");
        setValue(chrome, chrome.findElements(By.name("milestoneDue")).get(1), today.plusDays(300));
        chrome.findElement(By.cssSelector("[data-test=register-submit]")).click();
        Chromium.awaitUrl(chrome, "/console/commitments/" + commitmentId, WAIT);
        new WebDriverWait(chrome, WAIT).until(d -> text(chrome, "notice").contains("已登记第 " + key[1] + " 项的承诺"));
        assertThat(text(chrome, "header")).contains("自治区财政厅").contains("王五").contains("预算处处长")
                .contains("推进中").contains(today.plusDays(400).toString());
        assertThat(text(chrome, "plan")).contains("M1").contains("出台补贴办法").contains("M2").contains("拨付年度补助");
        assertThat(text(chrome, "timeline")).contains("网页").contains("财政厅演示账号");

        // progress 40 %, then a decrease without a reason: refused next to the reason's field
        fill(chrome, "percent", "40");
        fill(chrome, "progressNote", "补贴办法已起草");
        chrome.findElement(By.cssSelector("[data-test=progress-submit]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> text(chrome, "notice").contains("已报告进度 40%"));
        assertThat(chrome.findElement(By.cssSelector("[data-test=progress]")).getText()).isEqualTo("40%");
        assertThat(text(chrome, "header")).contains("补贴办法已起草");
        assertThat(text(chrome, "timeline")).contains("40");
        assertThat(api.get("inspector", "/api/commitments/" + commitmentId).body().get("commitment")
                .get("progress").asInt()).isEqualTo(40);

        fill(chrome, "percent", "30");
        chrome.findElement(By.cssSelector("[data-test=progress-submit]")).click();
        WebElement decrease = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("reasonForDecrease-error")));
        assertThat(decrease.getText()).isEqualTo("进度由 40% 下调为 30% 须说明原因。");
        assertThat(chrome.findElement(By.id("percent")).getAttribute("value")).isEqualTo("30");
        assertThat(chrome.findElement(By.cssSelector("[data-test=progress]")).getText()).as("nothing recorded")
                .isEqualTo("40%");
        Chromium.screenshot(chrome, "commitment-03-decrease-refused");

        // more time for M1
        new Select(chrome.findElement(By.id("deadlineTarget"))).selectByValue("M1");
        setValue(chrome, "requestedDueDate", today.plusDays(150));
        fill(chrome, "deadlineReason", "征求意见时间延长");
        chrome.findElement(By.cssSelector("[data-test=deadline-submit]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> text(chrome, "notice").contains("已提交时限调整申请 D1"));
        assertThat(text(chrome, "open-matters")).contains("时限调整待审批").contains("征求意见时间延长")
                .contains(today.plusDays(150).toString());
        assertThat(chrome.findElement(By.cssSelector("[data-milestone=M1]")).getText())
                .contains("申请调整至 " + today.plusDays(150));

        assertChartDrawn(chrome, "progress-chart");
        assertChartDrawn(chrome, "plan-chart");
        // the two refusals above answered 422 (the browser logs those); nothing else: no CSP violation, no script error
        assertThat(severeConsoleMessages(chrome)).as("browser console (CSP violations, script errors)")
                .hasSize(2).allSatisfy(m -> assertThat(m).contains("status of 422")
                        .containsAnyOf("/console/mine/registration", "/console/commitments/" + commitmentId + "/progress"));
        Chromium.screenshot(chrome, "commitment-04-page-desktop");

        chrome.manage().window().setSize(new Dimension(390, 3000));
        chrome.navigate().refresh();
        assertChartDrawn(chrome, "progress-chart");
        Chromium.screenshot(chrome, "commitment-05-page-phone");
        chrome.get(url("/console/mine"));
        assertThat(chrome.findElement(By.cssSelector("[data-commitment='" + commitmentId + "']")).getText())
                .contains("40%").contains("M1");
        assertThat(severeConsoleMessages(chrome)).isEmpty();
        Chromium.screenshot(chrome, "commitment-06-mine-phone");
    }

    @Test
    @Order(2)
    void another_unit_gets_the_refusal_page_and_can_post_nothing() {
        assertThat(commitmentId).as("registered by the first test").isNotNull();
        ChromeDriver chrome = browser(390, 844);
        chrome.get(url("/"));
        signIn(chrome, "jyt", "jyt-demo");
        chrome.get(url("/console/commitments/" + commitmentId));
        assertThat(chrome.findElement(By.cssSelector("[data-test=denied]")).getText()).contains("无权查看");
        assertThat(chrome.getPageSource()).doesNotContain("先出台补贴办法").doesNotContain("王五");
        assertThat(chrome.findElements(By.cssSelector("form.action"))).isEmpty();
        Chromium.screenshot(chrome, "commitment-07-other-unit-denied");

        BrowserSession other = new BrowserSession(port);
        assertThat(other.signIn("jyt", "jyt-demo").statusCode()).isEqualTo(302);
        HttpResponse<String> page = other.get("/console/commitments/" + commitmentId);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).doesNotContain("先出台补贴办法");
        String token = csrf(other.get("/console/mine").body());
        HttpResponse<String> post = other.postForm("/console/commitments/" + commitmentId + "/progress",
                "_csrf=" + BrowserSession.enc(token) + "&percent=90");
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(api.get("inspector", "/api/commitments/" + commitmentId).body().get("commitment")
                .get("progress").asInt()).as("nothing recorded").isEqualTo(40);
        assertThat(other.get("/console/commitments/nzf-2023-1.999.nobody").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void the_inspector_reads_the_page_without_any_form() {
        assertThat(commitmentId).as("registered by the first test").isNotNull();
        ChromeDriver chrome = browser(1366, 2000);
        chrome.get(url("/"));
        signIn(chrome, "inspector", "inspector-demo");
        chrome.get(url("/console/commitments/" + commitmentId));
        assertThat(text(chrome, "header")).contains("自治区财政厅").contains("40%");
        assertThat(text(chrome, "timeline")).contains("财政厅演示账号");
        assertThat(chrome.findElements(By.cssSelector("main form"))).isEmpty();
        assertThat(chrome.findElements(By.cssSelector("[data-test=actions]"))).isEmpty();
        assertChartDrawn(chrome, "progress-chart");
        assertThat(severeConsoleMessages(chrome)).isEmpty();
        Chromium.screenshot(chrome, "commitment-08-inspector");

        BrowserSession inspector = new BrowserSession(port);
        inspector.signIn("inspector", "inspector-demo");
        String token = csrf(inspector.get("/console/commitments/" + commitmentId).body());
        assertThat(inspector.postForm("/console/commitments/" + commitmentId + "/progress",
                "_csrf=" + BrowserSession.enc(token) + "&percent=90").statusCode()).isEqualTo(403);
        assertThat(inspector.get("/console/mine").statusCode()).as("a unit's page").isEqualTo(403);
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
        chrome.findElement(By.id("username")).sendKeys(user);
        chrome.findElement(By.id("password")).sendKeys(password);
        chrome.findElement(By.cssSelector("[data-test=login]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private static String text(ChromeDriver chrome, String test) {
        // a redirect may replace the page between finding the element and reading it: read the new page's
        for (int attempt = 0; ; attempt++) {
            try {
                List<WebElement> found = chrome.findElements(By.cssSelector("[data-test=" + test + "]"));
                return found.isEmpty() ? "" : found.get(0).getText();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void fill(ChromeDriver chrome, String id, String value) {
        WebElement field = chrome.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Date inputs take their value as the form posts it (typing depends on the browser's locale). */
    private static void setValue(ChromeDriver chrome, String id, LocalDate date) {
        setValue(chrome, chrome.findElement(By.id(id)), date);
    }

    private static void setValue(ChromeDriver chrome, WebElement input, LocalDate date) {
        chrome.executeScript("arguments[0].value = arguments[1];", input, date.toString());
    }

    private static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a _csrf field on the page").isTrue();
        return m.group(1);
    }

    /** The chart's canvas exists, has a size, and holds coloured pixels (a blank canvas has none). */
    private static void assertChartDrawn(ChromeDriver chrome, String id) {
        new WebDriverWait(chrome, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + id + " canvas")));
        @SuppressWarnings("unchecked")
        Map<String, Object> drawn = (Map<String, Object>) chrome.executeScript("""
                const canvas = document.querySelector('#' + arguments[0] + ' canvas');
                const blank = document.createElement('canvas');
                blank.width = canvas.width; blank.height = canvas.height;
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let coloured = 0;
                for (let i = 0; i < pixels.length; i += 4) {
                  const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
                  if (a > 0 && !(r > 240 && g > 240 && b > 240)) coloured++;
                }
                return {width: canvas.width, height: canvas.height, coloured: coloured,
                        differsFromBlank: canvas.toDataURL() !== blank.toDataURL()};""", id);
        assertThat(((Number) drawn.get("width")).intValue()).as("canvas width").isGreaterThan(100);
        assertThat(((Number) drawn.get("height")).intValue()).as("canvas height").isGreaterThan(100);
        assertThat(drawn.get("differsFromBlank")).as("canvas differs from a blank one").isEqualTo(true);
        assertThat(((Number) drawn.get("coloured")).intValue()).as("coloured pixels").isGreaterThan(1000);
    }

    private static List<String> severeConsoleMessages(ChromeDriver chrome) {
        return chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }
}
