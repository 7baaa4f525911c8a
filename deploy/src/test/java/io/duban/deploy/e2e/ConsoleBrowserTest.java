package io.duban.deploy.e2e;

import io.duban.deploy.DubanApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web console in real headless Chromium, on the embedded default with the demo accounts: sign-in (a wrong
 * password first), each role's home, 总览 with counts, pending decisions, major issues, the quarter's report rate and
 * its four charts drawn from what was registered and reported through the API (desk and phone), sign-out; a unit refused the office's page; the security headers and CSRF. Screenshots go to
 * target/screenshots. Skipped without Chromium locally, failed without it under CI (see {@link Chromium}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Chromium.Required.class)
class ConsoleBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Api api = new Api(port);
        LocalDate today = LocalDate.now(app.getBean(Clock.class));
        // overdue: a milestone due yesterday; due soon: a milestone in 5 days; on track: far away
        String overdue = register(api, "czt", 58, today.minusDays(30), today.plusDays(300), today.minusDays(1));
        String dueSoon = register(api, "czt", 31, today.minusDays(10), today.plusDays(400), today.plusDays(5));
        String onTrack = register(api, "hhht", 1, today.minusDays(1), today.plusDays(500), today.plusDays(200));
        // for 总览's other parts: a milestone met on its due date, a change to decide, a major issue, the quarter's
        // round with two reports (progress reported once the round is open counts as the quarter's report)
        String metOnTime = register(api, "jyt", 43, today.minusDays(1), today.plusDays(300), today);
        accepted(api.post("jyt", "/api/commitments/" + metOnTime + "/milestones/M1/completion", "{\"text\":\"已完成\"}"));
        accepted(api.post("czt", "/api/commitments/" + dueSoon + "/deadline-changes", """
                {"milestoneId":"M1","requestedDueDate":"%s","reason":"征求意见时间延长"}""".formatted(today.plusDays(60))));
        accepted(api.post("czt", "/api/commitments/" + overdue + "/issues",
                "{\"summary\":\"征地受阻\",\"detail\":\"两户未签约\"}"));
        accepted(api.post("office", "/api/dispatch-rounds", ""));
        accepted(api.post("czt", "/api/commitments/" + overdue + "/progress", "{\"percent\":40,\"note\":\"可研已批复\"}"));
        accepted(api.post("hhht", "/api/commitments/" + onTrack + "/progress", "{\"percent\":20,\"note\":\"已起草\"}"));
        String round = io.duban.command.api.dispatch.DispatchRoundId.of(today);
        // the overdue milestone is recorded by the scheduler, the reports by their processor: both after the commands
        awaitApi(() -> api.get("inspector", "/api/commitments/" + overdue + "/timeline").raw().contains("MilestoneBecameOverdue"));
        awaitApi(() -> api.get("office", "/api/dispatch-rounds/" + round).body().get("reports").size() >= 2);
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
    void the_office_signs_in_after_a_wrong_password_sees_the_overview_with_its_chart_and_signs_out() {
        ChromeDriver chrome = browser(1366, 1800);
        chrome.get(url("/"));
        assertThat(chrome.getCurrentUrl()).endsWith("/login");
        assertThat(chrome.findElement(By.tagName("h1")).getText()).isEqualTo("政策承诺督办系统");
        Chromium.screenshot(chrome, "01-login");

        signIn(chrome, "office", "wrong-password");
        WebElement error = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(error.getText()).isEqualTo("账号或密码不正确，请重新输入。");
        // next to the field it is about, and tied to it for screen readers
        assertThat(chrome.findElement(By.id("password")).getAttribute("aria-describedby")).isEqualTo("login-error");
        assertThat(error.findElement(By.xpath("..")).findElement(By.id("password"))).isNotNull();
        assertThat(chrome.findElement(By.id("username")).getAttribute("value")).isEqualTo("office");
        Chromium.screenshot(chrome, "02-login-wrong-password");

        signIn(chrome, "office", "office-demo");
        Chromium.awaitUrl(chrome, "/console/overview", WAIT);
        assertThat(chrome.findElement(By.cssSelector(".who-name")).getText()).isEqualTo("领导小组办公室（演示）");
        assertThat(chrome.findElement(By.cssSelector(".who-role")).getText()).isEqualTo("办公室");
        assertThat(navigation(chrome)).containsExactly("总览", "事项清单", "单位与考核", "待办", "季度调度", "审计");
        assertThat(count(chrome, "red")).isGreaterThanOrEqualTo(1);
        assertThat(count(chrome, "yellow")).isGreaterThanOrEqualTo(1);
        assertThat(count(chrome, "green")).isGreaterThanOrEqualTo(1);
        assertThat(count(chrome, "none")).isGreaterThan(0);
        assertThat(chrome.findElement(By.cssSelector("[data-test=overdue]")).getText()).contains("第 58 项")
                .contains("自治区财政厅");
        assertThat(chrome.findElement(By.cssSelector("[data-test=due-soon]")).getText()).contains("第 31 项");
        assertThat(chrome.findElement(By.cssSelector("[data-test=overdue] a")).getAttribute("href"))
                .contains("/console/commitments/nzf-2023-1.58.");

        assertChartDrawn(chrome, "lights-by-unit");
        assertThat(severeConsoleMessages(chrome)).as("browser console (CSP violations, script errors)").isEmpty();
        Chromium.screenshot(chrome, "03-office-overview");

        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(390, 2400));
        chrome.navigate().refresh();
        assertChartDrawn(chrome, "lights-by-unit");
        Chromium.screenshot(chrome, "04-office-overview-phone");

        chrome.findElement(By.cssSelector("[data-test=logout]")).click();
        Chromium.awaitUrl(chrome, "/login?logout", WAIT);
        assertThat(chrome.findElement(By.cssSelector(".notice-ok")).getText()).isEqualTo("您已安全退出。");
        chrome.get(url("/console/overview"));
        assertThat(chrome.getCurrentUrl()).as("signed out: back to the login").endsWith("/login");
    }

    @Test
    void the_overview_shows_decisions_issues_the_quarters_reports_and_draws_every_chart_on_a_desk_and_a_phone() {
        ChromeDriver chrome = browser(1366, 3000);
        chrome.get(url("/login"));
        signIn(chrome, "office", "office-demo");
        chrome.get(url("/console/overview"));

        WebElement decisions = chrome.findElement(By.cssSelector("[data-test=decisions]"));
        assertThat(decisions.findElement(By.cssSelector("[data-test=decisions-count]")).getText()).isEqualTo("1");
        assertThat(decisions.getText()).contains("期限调整").contains("第 31 项").contains("自治区财政厅");
        assertThat(decisions.findElement(By.cssSelector("[data-test=to-inbox]")).getAttribute("href")).endsWith("/console/inbox");
        WebElement issues = chrome.findElement(By.cssSelector("[data-test=issues]"));
        assertThat(issues.findElement(By.cssSelector("[data-test=issues-count]")).getText()).isEqualTo("1");
        assertThat(issues.getText()).contains("征地受阻").contains("第 58 项");
        assertThat(issues.findElement(By.cssSelector("a")).getAttribute("href")).contains("/console/commitments/nzf-2023-1.58.");
        WebElement reports = chrome.findElement(By.cssSelector("[data-test=reports]"));
        // four commitments in the round, two reported
        assertThat(reports.findElement(By.cssSelector("[data-test=report-rate]")).getText()).isEqualTo("50%");
        assertThat(reports.findElement(By.cssSelector("[data-test=reports-missing]")).getText()).isEqualTo("2");
        assertThat(chrome.findElement(By.cssSelector("[data-test=trend-now]")).getText()).as("the missed milestone").isEqualTo("1");
        for (String chart : List.of("lights-by-unit", "progress-by-article", "overdue-trend", "on-time-by-unit")) {
            assertChartDrawn(chrome, chart);
        }
        assertThat(chartData(chrome, "on-time-by-unit")).contains("自治区教育厅").contains("自治区财政厅");
        assertThat(chartData(chrome, "progress-by-article")).as("财政厅 item 58 at 40 %").contains("40.0");
        assertThat(severeConsoleMessages(chrome)).as("browser console (CSP violations, script errors)").isEmpty();
        Chromium.screenshot(chrome, "08-office-overview-all-parts");

        // a date the trend cannot use: the message next to its field, the other parts still there
        chrome.get(url("/console/overview?from=2026-13-01"));
        WebElement error = chrome.findElement(By.cssSelector("[data-test=from-error]"));
        assertThat(error.getText()).isEqualTo("无法识别的日期「2026-13-01」，格式应为 年-月-日，例如 2026-01-01。");
        assertThat(error.findElement(By.xpath("..")).findElement(By.id("from")).getAttribute("aria-describedby"))
                .isEqualTo("from-error");
        assertThat(chrome.findElements(By.id("overdue-trend"))).isEmpty();
        assertChartDrawn(chrome, "on-time-by-unit");
        Chromium.screenshot(chrome, "09-office-overview-bad-trend-date");

        chrome.manage().window().setSize(new org.openqa.selenium.Dimension(390, 5200));
        chrome.get(url("/console/overview"));
        for (String chart : List.of("lights-by-unit", "progress-by-article", "overdue-trend", "on-time-by-unit")) {
            assertChartDrawn(chrome, chart);
        }
        assertThat((Long) chrome.executeScript("return document.documentElement.scrollWidth"))
                .as("nothing wider than the phone").isLessThanOrEqualTo(390L);
        Chromium.screenshot(chrome, "10-office-overview-all-parts-phone");
    }

    @Test
    void a_unit_lands_on_its_own_page_and_is_refused_the_offices() {
        ChromeDriver chrome = browser(390, 844);
        chrome.get(url("/console/overview"));
        assertThat(chrome.getCurrentUrl()).endsWith("/login");
        Chromium.screenshot(chrome, "05-login-phone");
        signIn(chrome, "czt", "czt-demo");
        // it asked for the office's page first: it is refused there, its home is its own page
        assertThat(chrome.findElement(By.cssSelector("[data-test=denied]")).getText()).contains("无权查看");
        Chromium.screenshot(chrome, "06-unit-denied-overview");
        assertThat(severeConsoleMessages(chrome)).as("only the refusal itself")
                .allSatisfy(m -> assertThat(m).contains("/console/overview").contains("403"));

        chrome.get(url("/"));
        Chromium.awaitUrl(chrome, "/console/mine", WAIT);
        assertThat(chrome.findElement(By.cssSelector(".page-title")).getText()).isEqualTo("我的承诺");
        assertThat(chrome.findElement(By.cssSelector("[data-test=my-commitments]")).getText()).contains("已登记的承诺");
        assertThat(navigation(chrome)).containsExactly("我的承诺");
        assertThat(chrome.findElement(By.cssSelector(".who-name")).getText()).isEqualTo("财政厅演示账号");
        assertThat(severeConsoleMessages(chrome)).isEmpty();
        Chromium.screenshot(chrome, "07-unit-home-phone");

        BrowserSession unit = new BrowserSession(port);
        assertThat(unit.signIn("czt", "czt-demo").statusCode()).isEqualTo(302);
        assertThat(unit.get("/console/overview").statusCode()).isEqualTo(403);
        assertThat(unit.get("/console/inbox").statusCode()).isEqualTo(403);
        assertThat(unit.get("/console/mine").statusCode()).isEqualTo(200);
        assertThat(unit.get("/console/no-such-page").statusCode()).as("unknown, not refused").isEqualTo(404);
    }

    @Test
    void the_inspector_lands_on_the_audit_page_and_may_read_the_overview() {
        BrowserSession inspector = new BrowserSession(port);
        HttpResponse<String> signedIn = inspector.signIn("inspector", "inspector-demo");
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/"));
        assertThat(inspector.get("/").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/console/audit"));
        assertThat(inspector.get("/console/audit").body()).contains("事件检索").contains("校验事件链");
        HttpResponse<String> overview = inspector.get("/console/overview");
        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.body()).as("counts to read, no inbox to open").contains("待决事项")
                .doesNotContain("data-test=\"to-inbox\"");
        assertThat(inspector.get("/console/inbox").statusCode()).isEqualTo(403);
    }

    @Test
    void pages_carry_a_strict_content_security_policy_and_no_framing() {
        HttpResponse<String> login = new BrowserSession(port).get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String csp = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'self'").contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
        assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");

        String cookie = login.headers().firstValue("Set-Cookie").orElse("");
        assertThat(cookie).startsWith("JSESSIONID=").contains("HttpOnly").contains("SameSite=Lax");

        HttpResponse<String> anonymousHome = new BrowserSession(port).get("/");
        assertThat(anonymousHome.statusCode()).isEqualTo(302);
        assertThat(anonymousHome.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void a_post_without_the_csrf_token_is_refused_and_signs_no_one_in_or_out() {
        BrowserSession session = new BrowserSession(port);
        HttpResponse<String> noToken = session.postForm("/login", "username=office&password=office-demo");
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(session.get("/console/overview").statusCode()).as("not signed in").isEqualTo(302);

        assertThat(session.signIn("office", "office-demo").statusCode()).isEqualTo(302);
        assertThat(session.get("/console/overview").statusCode()).isEqualTo(200);
        HttpResponse<String> logoutWithoutToken = session.postForm("/logout", "");
        assertThat(logoutWithoutToken.statusCode()).as(logoutWithoutToken.headers() + logoutWithoutToken.body())
                .isEqualTo(403);
        assertThat(logoutWithoutToken.body()).contains("页面已过期");
        assertThat(session.get("/console/overview").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void the_login_throttle_applies_to_the_form_as_to_http_basic() {
        BrowserSession session = new BrowserSession(port);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> failed = session.signIn("fgw", "wrong-" + i);
            assertThat(failed.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
            assertThat(session.get("/login?error").body()).contains("账号或密码不正确");
        }
        // now even the right password is not checked: the page says how long to wait
        HttpResponse<String> throttled = session.signIn("fgw", "fgw-demo");
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(session.get("/login?error").body()).contains("登录失败次数过多");
        assertThat(session.get("/console/mine").statusCode()).as("not signed in").isEqualTo(302);
        // one throttle for both doors: the same account over HTTP Basic waits too
        assertThat(new Api(port).get("fgw", "/api/units").status()).isEqualTo(429);
    }

    @Test
    void the_api_stays_stateless_http_basic() {
        Api api = new Api(port);
        Api.Response anonymous = api.get(null, "/api/units");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body().get("code").asText()).isEqualTo("auth.unauthenticated");
        assertThat(api.get("inspector", "/api/units").status()).isEqualTo(200);
        assertThat(new BrowserSession(port).get("/api/units").headers().firstValue("Set-Cookie")).isEmpty();
        // a browser session does not open the API: it still asks for HTTP Basic
        BrowserSession session = new BrowserSession(port);
        session.signIn("office", "office-demo");
        assertThat(session.get("/api/units").statusCode()).isEqualTo(401);
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

    private static List<String> navigation(ChromeDriver chrome) {
        return chrome.findElements(By.cssSelector(".sidenav a span")).stream().map(WebElement::getText).toList();
    }

    private static int count(ChromeDriver chrome, String light) {
        return Integer.parseInt(chrome.findElement(By.cssSelector("[data-light=" + light + "] .count-value")).getText());
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

    private static String chartData(ChromeDriver chrome, String id) {
        return chrome.findElement(By.id(id)).getAttribute("data-chart");
    }

    private static List<String> severeConsoleMessages(ChromeDriver chrome) {
        return chrome.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    private static String register(Api api, String unit, int item, LocalDate start, LocalDate due, LocalDate milestone) {
        Api.Response registered = api.post(unit, "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":%d,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"按计划推进","startDate":"%s","dueDate":"%s",
                 "milestones":[{"title":"第一阶段","dueDate":"%s"}]}""".formatted(item, start, due, milestone));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.body().get("commitmentId").asText();
    }

    private static void accepted(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 201);
    }

    /** Polls the API until the condition holds (events of the scheduler and of the reports processor come later). */
    private static void awaitApi(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within " + WAIT).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
