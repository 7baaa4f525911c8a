package io.duban.deploy.e2e;

import io.duban.deploy.DubanApplication;
import io.duban.query.rebuild.ViewRebuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every console page in a phone's window (390×844, DingTalk's in-app browser opens the pages from its messages): the
 * page never scrolls sideways (a wide table scrolls inside its own container), no table cell is squeezed to a few
 * characters a line, no badge breaks over lines; each is saved whole, as tall as it is, for a person to read:
 * target/screenshots/phone-*.png. Seeded through the REST API with commitments that
 * fill the tables: a pending deadline change, a completion claim, an overdue milestone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(Chromium.Required.class)
class PhoneLayoutBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int WIDTH = 390;
    private static final int HEIGHT = 844;

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private String changed;

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        Api api = new Api(port);
        LocalDate today = LocalDate.now(app.getBean(Clock.class));
        changed = register(api, "czt", 31, today.minusDays(10), today.plusDays(400), today.plusDays(60));
        String claimed = register(api, "czt", 58, today.minusDays(30), today.plusDays(300), today.minusDays(1));
        register(api, "hhht", 1, today.minusDays(1), today.plusDays(500), today.plusDays(3));
        ok(api.post("czt", "/api/commitments/" + changed + "/deadline-changes", """
                {"milestoneId":"M1","requestedDueDate":"%s","reason":"征求意见时间延长"}""".formatted(today.plusDays(120))));
        ok(api.post("czt", "/api/commitments/" + changed + "/progress", "{\"percent\":40,\"note\":\"补贴办法已起草\"}"));
        ok(api.post("czt", "/api/commitments/" + claimed + "/milestones/M1/completion", "{\"text\":\"方案已制定\"}"));
        ok(api.postMultipart("czt", "/api/commitments/" + claimed + "/completion-claim",
                java.util.Map.of("text", "化债方案已印发实施"), new Api.Part("files", "印发通知.pdf",
                        "%PDF-1.7\n印发通知\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        register(api, "czt", 3, today.minusDays(30), today.plusDays(200), today.minusDays(2));
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).isTrue();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void every_page_of_the_office_fits_the_phone() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/console/overview");
        pages.put("items", "/console/items");
        pages.put("item", "/console/items/nzf-2023-1/31");
        pages.put("units", "/console/units");
        pages.put("inbox", "/console/inbox");
        pages.put("dispatch", "/console/dispatch");
        pages.put("commitment-office", "/console/commitments/" + changed);
        pages.put("not-found", "/console/no-such-page");
        assertFit("office", "office-demo", pages);
    }

    @Test
    void every_page_of_the_inspectors_fits_the_phone() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("audit-timeline", "/console/audit?unitId=&policyId=nzf-2023-1");
        pages.put("audit-as-of", "/console/audit/as-of?at=" + LocalDate.now(app.getBean(Clock.class)));
        pages.put("audit-verify", "/console/audit/verify");
        pages.put("audit-digests", "/console/audit/digests");
        pages.put("audit-exports", "/console/audit/exports");
        pages.put("audit-reads", "/console/audit/reads");
        assertFit("inspector", "inspector-demo", pages);
    }

    @Test
    void every_page_of_a_unit_fits_the_phone() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("mine", "/console/mine");
        pages.put("commitment-unit", "/console/commitments/" + changed);
        pages.put("denied", "/console/overview");
        assertFit("czt", "czt-demo", pages);
    }

    /** Signs in on the phone, opens each page, saves it whole and collects the pages wider than the phone. */
    private void assertFit(String user, String password, Map<String, String> pages) {
        ChromeDriver chrome = Chromium.start(WIDTH, HEIGHT);
        try {
            chrome.get(url("/login"));
            if (user.equals("office")) {
                Chromium.screenshot(chrome, "phone-login");
            }
            signIn(chrome, user, password);
            List<String> tooWide = new ArrayList<>();
            List<String> squeezed = new ArrayList<>();
            for (Map.Entry<String, String> page : pages.entrySet()) {
                chrome.manage().window().setSize(new Dimension(WIDTH, HEIGHT));
                chrome.get(url(page.getValue()));
                new WebDriverWait(chrome, WAIT).until(d -> "complete".equals(
                        ((ChromeDriver) d).executeScript("return document.readyState")));
                long pageWidth = ((Number) chrome.executeScript(
                        "return document.documentElement.scrollWidth")).longValue();
                long viewport = ((Number) chrome.executeScript("return window.innerWidth")).longValue();
                if (pageWidth > viewport) {
                    tooWide.add(page.getKey() + " (" + pageWidth + " px wide in " + viewport + " px: "
                            + widest(chrome, viewport) + ")");
                }
                cramped(chrome).forEach(cell -> squeezed.add(page.getKey() + ": " + cell));
                wholePage(chrome, "phone-" + page.getKey());
            }
            assertThat(tooWide).as("pages that scroll sideways on a phone").isEmpty();
            assertThat(squeezed).as("table cells squeezed to a few characters a line, badges broken over lines")
                    .isEmpty();
        } finally {
            chrome.quit();
        }
    }

    /** The outermost elements that stick out of the viewport, to say what to fix. */
    @SuppressWarnings("unchecked")
    private static List<String> widest(ChromeDriver chrome, long viewport) {
        return (List<String>) chrome.executeScript("""
                const out = [];
                for (const el of document.querySelectorAll('body *')) {
                  const r = el.getBoundingClientRect();
                  if (r.right > arguments[0] + 1 && !(el.parentElement && el.parentElement.getBoundingClientRect().right > arguments[0] + 1)) {
                    out.push(el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).replace(/ +/g, '.') : '')
                        + ' ' + Math.round(r.right) + 'px');
                  }
                }
                return out.slice(0, 5);""", viewport);
    }

    /**
     * What is unreadable though it fits: in a table cell narrower than 6 characters of 14 px, a text of more than 6
     * characters broken over lines; a badge on more than one line.
     */
    @SuppressWarnings("unchecked")
    private static List<String> cramped(ChromeDriver chrome) {
        return (List<String>) chrome.executeScript("""
                const out = [];
                for (const td of document.querySelectorAll('.table td')) {
                  if (td.getBoundingClientRect().width >= 6 * 14) continue;
                  const walker = document.createTreeWalker(td, NodeFilter.SHOW_TEXT);
                  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const text = node.textContent.trim();
                    const range = document.createRange();
                    range.selectNodeContents(node);
                    // a text of more than 6 characters broken over lines in a narrow cell
                    if (text.length > 6 && range.getClientRects().length > 1) {
                      out.push('cell "' + text.slice(0, 12) + '" ' + Math.round(td.getBoundingClientRect().width) + 'px');
                      break;
                    }
                  }
                }
                for (const badge of document.querySelectorAll('.badge')) {
                  if (badge.getClientRects().length > 1 || badge.getBoundingClientRect().height > 30) {
                    out.push('badge "' + badge.innerText.trim() + '" on several lines');
                  }
                }
                return out.slice(0, 8);""");
    }

    /** The page as tall as it is (at most 6000 px), at the phone's width. */
    private static void wholePage(ChromeDriver chrome, String name) {
        long height = ((Number) chrome.executeScript("return document.documentElement.scrollHeight")).longValue();
        chrome.manage().window().setSize(new Dimension(WIDTH, (int) Math.min(6000, Math.max(HEIGHT, height))));
        Chromium.screenshot(chrome, name);
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

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 299);
    }

    private static String register(Api api, String unit, int item, LocalDate start, LocalDate due, LocalDate milestone) {
        Api.Response registered = api.post(unit, "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":%d,"responsible":{"name":"王五","position":"处长"},
                 "roadmap":"按计划推进","startDate":"%s","dueDate":"%s",
                 "milestones":[{"title":"第一阶段","dueDate":"%s"}]}""".formatted(item, start, due, milestone));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        return registered.body().get("commitmentId").asText();
    }
}
