package io.duban.deploy.e2e;

import io.duban.deploy.DubanApplication;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's error pages: a browser asking for an unknown console page, or one that fails, gets a Chinese page in
 * the console's layout (404 页面不存在 with a link home, 403 无权访问, 500 系统繁忙 with the reference its log line
 * carries, no stack trace); scripts and the API keep RFC 7807 JSON. Two pages that fail on purpose are added to the
 * application for the test (functional routes, so no other test's component scan finds them).
 * Screenshots: target/screenshots/error-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({Chromium.Required.class, OutputCaptureExtension.class})
class ConsoleErrorPagesBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SECRET = "connection refused by db-7.internal";
    private static final Pattern REFERENCE = Pattern.compile("data-test=\"error-reference\">([0-9A-F]{10})<");

    @TempDir
    static Path dataDir;

    private ConfigurableApplicationContext app;
    private int port;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("failingPages",
                        RouterFunction.class, ConsoleErrorPagesBrowserTest::failingPages))
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    private static RouterFunction<ServerResponse> failingPages() {
        return RouterFunctions.route()
                .GET("/console/test-failure", request -> {
                    throw new IllegalStateException(SECRET);
                })
                .GET("/console/test-forbidden", request -> {
                    throw new ResponseStatusException(HttpStatus.FORBIDDEN);
                })
                .build();
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
    void an_unknown_console_page_is_a_chinese_404_page_in_the_layout_with_a_link_home() {
        ChromeDriver chrome = browser(1366, 900);
        chrome.get(url("/login"));
        signIn(chrome, "office", "office-demo");

        chrome.get(url("/console/no-such-page"));

        assertThat(chrome.getTitle()).isEqualTo("页面不存在 · 督办");
        assertThat(chrome.findElement(By.cssSelector(".page-title")).getText()).isEqualTo("页面不存在");
        WebElement page = chrome.findElement(By.cssSelector("[data-test=error-page]"));
        assertThat(page.getAttribute("data-status")).isEqualTo("404");
        assertThat(chrome.findElements(By.cssSelector("[data-nav=overview]"))).as("the office's navigation").hasSize(1);
        assertThat(chrome.findElement(By.cssSelector(".who-name")).getText()).isNotBlank();
        Chromium.screenshot(chrome, "error-01-not-found");
        chrome.findElement(By.cssSelector("[data-test=error-home]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> d.getCurrentUrl().endsWith("/console/overview"));

        BrowserSession office = signedIn("office", "office-demo");
        HttpResponse<String> notFound = office.get("/console/no-such-page");
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(notFound.body()).contains("页面不存在").contains("返回首页").doesNotContain("\"status\"");
        assertThat(office.get("/console/error").statusCode()).as("asked for directly: nothing failed").isEqualTo(404);
        assertThat(office.get("/console/dispatch/rounds/2000-Q1/digest.csv").body()).as("a console refusal")
                .contains("页面不存在");
    }

    @Test
    void a_failing_console_page_is_a_500_page_with_the_logged_reference_and_no_stack_trace(CapturedOutput log) {
        BrowserSession office = signedIn("office", "office-demo");

        HttpResponse<String> failed = office.get("/console/test-failure");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(failed.body()).contains("系统繁忙").contains("参考编号").contains("返回首页")
                .doesNotContain(SECRET).doesNotContain("IllegalStateException").doesNotContain("at io.duban");
        Matcher reference = REFERENCE.matcher(failed.body());
        assertThat(reference.find()).as(failed.body()).isTrue();
        assertThat(log.getAll()).as("the log line carries the reference and the failure")
                .contains("reference " + reference.group(1)).contains(SECRET);

        ChromeDriver chrome = browser(1366, 900);
        chrome.get(url("/login"));
        signIn(chrome, "office", "office-demo");
        chrome.get(url("/console/test-failure"));
        assertThat(chrome.findElement(By.cssSelector(".page-title")).getText()).isEqualTo("系统繁忙");
        assertThat(chrome.findElement(By.cssSelector("[data-test=error-reference]")).getText()).matches("[0-9A-F]{10}");
        Chromium.screenshot(chrome, "error-02-server-error");
    }

    @Test
    void a_refusal_is_the_403_page_and_a_request_the_firewall_rejects_a_400_page() {
        BrowserSession unit = signedIn("czt", "czt-demo");

        HttpResponse<String> forbidden = unit.get("/console/test-forbidden");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("无权访问").contains("返回首页");
        assertThat(unit.get("/console/overview").body()).as("Spring Security's refusal page").contains("无权访问");

        HttpResponse<String> rejected = unit.get("/console/mine;x=1");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(rejected.body()).contains("请求有误").contains("返回首页");
    }

    @Test
    void scripts_and_the_api_keep_problem_details() throws Exception {
        BrowserSession office = signedIn("office", "office-demo");
        assertProblem(office.get("/console/no-such-page", "*/*"), 404);
        assertProblem(office.get("/console/test-failure", "application/json"), 500);

        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(url("/api/no-such-resource")))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("office:office-demo".getBytes(StandardCharsets.UTF_8)))
                .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertProblem(api, 404);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"status\":" + status).doesNotContain("<html");
    }

    private BrowserSession signedIn(String user, String password) {
        BrowserSession session = new BrowserSession(port);
        assertThat(session.signIn(user, password).statusCode()).isEqualTo(302);
        return session;
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
}
