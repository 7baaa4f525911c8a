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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 事项清单 and 单位与考核 in real headless Chromium, on the embedded default with the demo accounts. Seeded through the
 * REST API: 财政厅 meets one milestone on time (item 31, due in 5 days) and one a day late (item 58, due yesterday),
 * and leaves one overdue (item 3); 教育厅 leaves one overdue (item 43). The application's clock stands at the end of
 * a year ({@link #yearEndClock()}), and every date here is relative to it. Screenshots: target/screenshots/scorecard-*.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Chromium.Required.class)
class ScorecardBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String FINANCE = "自治区财政厅";
    private static final String EDUCATION = "自治区教育厅";

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private String financeId;
    /** The application's date, from its clock: every fixture and period is relative to it. */
    private LocalDate today;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("yearEndClock", Clock.class,
                        ScorecardBrowserTest::yearEndClock, definition -> definition.setPrimary(true)))
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Api api = new Api(port);
        today = LocalDate.now(app.getBean(Clock.class));
        String late = register(api, "czt", 58, today.minusDays(30), today.plusDays(300), today.minusDays(1));
        String onTime = register(api, "czt", 31, today.minusDays(10), today.plusDays(400), today.plusDays(5));
        register(api, "czt", 3, today.minusDays(30), today.plusDays(300), today.minusDays(2));
        register(api, "jyt", 43, today.minusDays(30), today.plusDays(300), today.minusDays(1));
        complete(api, late);
        complete(api, onTime);
        financeId = late.substring(late.lastIndexOf('.') + 1);
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).isTrue();
    }

    /**
     * The application's clock, running, on the coming 29 December: the fixtures then straddle the turn of the year as
     * they do for real in the year's last days (a milestone due in 5 days falls into the next year). Never moved
     * into the past, where Quartz would fire the deadlines it schedules from this clock at once.
     */
    private static Clock yearEndClock() {
        Clock system = Clock.system(ZoneId.of("Asia/Shanghai"));
        LocalDate now = LocalDate.now(system);
        LocalDate yearEnd = LocalDate.of(now.getYear(), 12, 29);
        if (yearEnd.isBefore(now)) {
            yearEnd = yearEnd.plusYears(1);
        }
        return Clock.offset(system, Duration.ofDays(ChronoUnit.DAYS.between(now, yearEnd)));
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
    void the_office_filters_the_items_reads_the_scorecard_and_downloads_it() {
        ChromeDriver chrome = browser(1440, 1800);
        chrome.get(url("/console/items"));
        signIn(chrome, "office", "office-demo");
        chrome.get(url("/console/items"));
        assertThat(chrome.findElement(By.cssSelector(".page-title")).getText()).isEqualTo("事项清单");
        assertThat(rows(chrome)).hasSize(60);
        Chromium.screenshot(chrome, "scorecard-01-items");

        // by unit: 财政厅's items only; then by light too: only its overdue item 3
        new Select(chrome.findElement(By.cssSelector("[data-test=filter-unit]"))).selectByVisibleText(FINANCE);
        chrome.findElement(By.cssSelector("[data-test=filter-submit]")).click();
        Chromium.awaitUrl(chrome, "unit=" + financeId, WAIT);
        assertThat(rows(chrome)).contains("31", "58", "3").doesNotContain("43");
        assertThat(rows(chrome)).allSatisfy(item -> assertThat(chrome.findElement(By.cssSelector(
                "tr[data-item='" + item + "'] li[data-unit='" + financeId + "']"))).isNotNull());
        new Select(chrome.findElement(By.cssSelector("[data-test=filter-light]"))).selectByVisibleText("逾期");
        chrome.findElement(By.cssSelector("[data-test=filter-submit]")).click();
        Chromium.awaitUrl(chrome, "light=RED", WAIT);
        assertThat(rows(chrome)).containsExactly("3");
        assertThat(chrome.getCurrentUrl()).as("a bookmarkable GET").contains("unit=" + financeId).contains("light=RED");
        Chromium.screenshot(chrome, "scorecard-02-items-finance-red");

        // the item page: its units with their lights, the commitment linked
        chrome.findElement(By.cssSelector("[data-test=item-link]")).click();
        Chromium.awaitUrl(chrome, "/console/items/nzf-2023-1/3", WAIT);
        WebElement financeRow = chrome.findElement(By.cssSelector("[data-test=item-units] tr[data-unit='" + financeId + "']"));
        assertThat(financeRow.getAttribute("data-light")).isEqualTo("red");
        assertThat(financeRow.findElement(By.tagName("a")).getAttribute("href"))
                .endsWith("/console/commitments/nzf-2023-1.3." + financeId);
        Chromium.screenshot(chrome, "scorecard-03-item");

        chrome.findElement(By.cssSelector("[data-nav=units]")).click();
        Chromium.awaitUrl(chrome, "/console/units", WAIT);
        assertThat(chrome.findElement(By.cssSelector("[data-test=rule]")).getText()).contains("得分 = 60 × 里程碑按期完成率");
        // by default the clock's calendar year; the fixtures are relative to today, so read a period around it
        // (at the turn of the year some of them fall into the other year)
        assertThat(chrome.findElement(By.cssSelector("[data-test=from]")).getAttribute("value"))
                .isEqualTo(today.getYear() + "-01-01");
        assertThat(chrome.findElement(By.cssSelector("[data-test=to]")).getAttribute("value"))
                .isEqualTo(today.getYear() + "-12-31");
        LocalDate from = today.minusDays(60);
        LocalDate to = today.plusDays(60);
        setPeriod(chrome, from, to);
        chrome.findElement(By.cssSelector("[data-test=period-submit]")).click();
        Chromium.awaitUrl(chrome, "from=" + from, WAIT);
        WebElement finance = unitRow(chrome, FINANCE);
        // item 31 on time, item 58 a day late, item 3 two days overdue: 3 due
        assertThat(cell(finance, "milestones-due")).isEqualTo("3");
        assertThat(cell(finance, "milestones-on-time")).isEqualTo("1");
        assertThat(cell(finance, "milestones-late")).isEqualTo("1");
        assertThat(cell(finance, "milestones-overdue")).isEqualTo("1");
        assertThat(cell(finance, "days-late")).isEqualTo("3");
        WebElement education = unitRow(chrome, EDUCATION);
        assertThat(cell(education, "milestones-due")).isEqualTo("1");
        assertThat(cell(education, "milestones-overdue")).isEqualTo("1");
        assertThat(Integer.parseInt(cell(finance, "rank"))).as("财政厅 met one on time, 教育厅 none")
                .isLessThan(Integer.parseInt(cell(education, "rank")));
        assertThat(cell(unitRow(chrome, "自治区发展改革委"), "score")).as("nothing due").isEqualTo("不参与");
        Chromium.screenshot(chrome, "scorecard-04-units");

        // a period that ends before it starts: the message next to the field, no table
        setPeriod(chrome, today, today.minusDays(1));
        chrome.findElement(By.cssSelector("[data-test=period-submit]")).click();
        WebElement error = new WebDriverWait(chrome, WAIT).until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=to-error]")));
        assertThat(error.getText()).isEqualTo("截止日期不能早于起始日期。");
        assertThat(error.findElement(By.xpath("..")).findElement(By.cssSelector("[data-test=to]"))).isNotNull();
        assertThat(chrome.findElements(By.cssSelector("[data-test=scorecard]"))).isEmpty();
        Chromium.screenshot(chrome, "scorecard-05-bad-period");

        // the exports, with the office's session
        BrowserSession office = new BrowserSession(port);
        office.signIn("office", "office-demo");
        HttpResponse<String> csv = office.get("/console/units/scorecard.csv?from=" + from + "&to=" + to);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("attachment"));
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(2)).startsWith("排名,责任单位,得分,到期里程碑,按期完成,逾期完成,逾期未完成,逾期天数合计");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("," + FINANCE + ",").contains(",3,1,1,1,3,"));
        HttpResponse<String> xlsx = office.get("/console/units/scorecard.xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        assertThat(office.get("/console/units/scorecard.csv?from=" + to + "&to=" + from).statusCode()).isEqualTo(400);
    }

    @Test
    void a_unit_may_open_neither_page_nor_the_exports() {
        BrowserSession unit = new BrowserSession(port);
        assertThat(unit.signIn("czt", "czt-demo").statusCode()).isEqualTo(302);
        assertThat(unit.get("/console/items").statusCode()).isEqualTo(403);
        assertThat(unit.get("/console/items/nzf-2023-1/31").statusCode()).isEqualTo(403);
        assertThat(unit.get("/console/units").statusCode()).isEqualTo(403);
        assertThat(unit.get("/console/units/scorecard.csv").statusCode()).isEqualTo(403);
        BrowserSession inspector = new BrowserSession(port);
        inspector.signIn("inspector", "inspector-demo");
        assertThat(inspector.get("/console/units").statusCode()).isEqualTo(200);
        assertThat(inspector.get("/console/items?light=RED").body()).contains("第 3 项").contains("第 43 项");
    }

    private ChromeDriver browser(int width, int height) {
        ChromeDriver chrome = Chromium.start(width, height);
        browsers.add(chrome);
        return chrome;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static void setPeriod(ChromeDriver chrome, LocalDate from, LocalDate to) {
        chrome.executeScript("arguments[0].value = arguments[2]; arguments[1].value = arguments[3];",
                chrome.findElement(By.cssSelector("[data-test=from]")), chrome.findElement(By.cssSelector("[data-test=to]")),
                from.toString(), to.toString());
    }

    private static List<String> rows(ChromeDriver chrome) {
        return chrome.findElements(By.cssSelector("[data-test=items] tbody tr")).stream()
                .map(tr -> tr.getAttribute("data-item")).toList();
    }

    private static WebElement unitRow(ChromeDriver chrome, String name) {
        return chrome.findElements(By.cssSelector("[data-test=scorecard] tbody tr")).stream()
                .filter(tr -> tr.findElement(By.cssSelector("[data-col=unit]")).getText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + name));
    }

    private static String cell(WebElement row, String column) {
        return row.findElement(By.cssSelector("[data-col=" + column + "]")).getText();
    }

    private static void signIn(ChromeDriver chrome, String user, String password) {
        WebElement name = chrome.findElement(By.id("username"));
        name.clear();
        name.sendKeys(user);
        chrome.findElement(By.id("password")).sendKeys(password);
        chrome.findElement(By.cssSelector("[data-test=login]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> !d.getCurrentUrl().endsWith("/login"));
    }

    private static String register(Api api, String unit, int item, LocalDate start, LocalDate due, LocalDate milestone) {
        Api.Response registered = api.post(unit, "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":%d,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"按计划推进","startDate":"%s","dueDate":"%s",
                 "milestones":[{"title":"第一阶段","dueDate":"%s"}]}""".formatted(item, start, due, milestone));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.body().get("commitmentId").asText();
    }

    private static void complete(Api api, String commitmentId) {
        Api.Response done = api.post("czt", "/api/commitments/" + commitmentId + "/milestones/M1/completion",
                "{\"text\":\"已完成\"}");
        assertThat(done.status()).as(done.raw()).isBetween(200, 299);
    }
}
