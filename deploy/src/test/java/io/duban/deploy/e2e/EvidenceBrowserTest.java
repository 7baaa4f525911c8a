package io.duban.deploy.e2e;

import com.fasterxml.jackson.databind.JsonNode;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 佐证材料 in real headless Chromium: 财政厅 reports progress with a PDF and sees it listed; a claim without a file is
 * refused next to the file field, a chosen empty file is refused before anything is sent, a claim with a PDF goes
 * through; the office finds the claim in 待办 with its file, downloads it (an attachment) and verifies; 教育厅 cannot
 * download it; the inspector's chain verification is clean, then reports the file tampered with in the database.
 * Screenshots in target/screenshots/evidence-*.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(Chromium.Required.class)
class EvidenceBrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\n% 拨付凭证\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path files;

    private ConfigurableApplicationContext app;
    private int port;
    private Api api;
    private String commitmentId;
    private final List<ChromeDriver> browsers = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        app = new SpringApplicationBuilder(DubanApplication.class)
                .run("--spring.profiles.active=demo", "--duban.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0");
        port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        api = new Api(port);
        Api.Response registered = api.post("czt", "/api/commitments", """
                {"policyId":"nzf-2023-1","itemNumber":31,"responsible":{"name":"王五","position":"预算处处长"},
                 "roadmap":"先出台补贴办法，再按年度拨付","startDate":"2026-01-01","dueDate":"2027-12-31",
                 "milestones":[{"title":"出台补贴办法","dueDate":"2027-03-31"}]}""");
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        commitmentId = registered.body().get("commitmentId").asText();
        Files.write(files.resolve("拨付凭证.pdf"), PDF);
        Files.write(files.resolve("空白.pdf"), new byte[0]);
        awaitViews();
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
    void a_unit_reports_progress_with_a_pdf_and_sees_it_listed() {
        ChromeDriver chrome = signedIn("czt", 1366, 2600);
        chrome.get(url("/console/commitments/" + commitmentId));
        chrome.findElement(By.id("percent")).sendKeys("60");
        chrome.findElement(By.id("progressNote")).sendKeys("补贴办法已报审");
        chrome.findElement(By.id("progressFiles")).sendKeys(file("拨付凭证.pdf"));
        chrome.findElement(By.cssSelector("[data-test=progress-submit]")).click();

        WebElement notice = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=notice]")));
        assertThat(notice.getText()).contains("已报告进度 60%").contains("附佐证材料 1 个");
        assertThat(chrome.findElements(By.cssSelector("[data-test=evidence-row]"))).singleElement()
                .satisfies(row -> assertThat(row.getText()).contains("拨付凭证.pdf", "进度报告"));
        Chromium.screenshot(chrome, "evidence-01-progress-with-pdf");
    }

    @Test
    @Order(2)
    void a_claim_needs_a_file_and_an_empty_file_is_refused_before_sending() {
        awaitViews();
        for (JsonNode m : api.get("czt", "/api/commitments/" + commitmentId).body().get("commitment").get("milestones")) {
            assertThat(api.post("czt", "/api/commitments/" + commitmentId + "/milestones/" + m.get("milestoneId").asText()
                    + "/completion", "{\"text\":\"已完成\"}").status()).isEqualTo(200);
        }
        awaitViews();
        ChromeDriver chrome = signedIn("czt", 1366, 2600);
        chrome.get(url("/console/commitments/" + commitmentId));
        chrome.findElement(By.id("claimSummary")).sendKeys("年度补助已拨付到位");
        chrome.findElement(By.cssSelector("[data-test=claim-submit]")).click();
        WebElement error = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("claimFiles-error")));
        assertThat(error.getText()).contains("申请办结须附佐证材料");
        assertThat(chrome.findElement(By.id("claimSummary")).getAttribute("value")).isEqualTo("年度补助已拨付到位");
        Chromium.screenshot(chrome, "evidence-02-claim-without-file");

        // an empty file: the page says so at once, and the form is not sent
        chrome.findElement(By.id("claimFiles")).sendKeys(file("空白.pdf"));
        new WebDriverWait(chrome, WAIT).until(d -> d.findElement(By.id("claimFiles-error")).getText().contains("是空文件"));
        String before = chrome.getCurrentUrl();
        chrome.findElement(By.cssSelector("[data-test=claim-submit]")).click();
        assertThat(chrome.getCurrentUrl()).isEqualTo(before);
        assertThat(chrome.findElement(By.id("claimFiles-error")).getText()).contains("空白.pdf");

        chrome.findElement(By.id("claimFiles")).clear();
        chrome.findElement(By.id("claimFiles")).sendKeys(file("拨付凭证.pdf"));
        chrome.findElement(By.cssSelector("[data-test=claim-submit]")).click();
        WebElement notice = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=notice]")));
        assertThat(notice.getText()).contains("已申请办结，附佐证材料 1 个");
        Chromium.screenshot(chrome, "evidence-03-claimed-with-pdf");
    }

    @Test
    @Order(3)
    void the_office_downloads_the_claims_file_in_the_inbox_and_verifies_while_another_unit_cannot_download_it() {
        ChromeDriver chrome = signedIn("office", 1366, 1800);
        chrome.get(url("/console/inbox"));
        WebElement row = chrome.findElement(By.cssSelector("[data-test=claim-row][data-commitment='" + commitmentId + "']"));
        WebElement link = row.findElement(By.cssSelector("[data-test=evidence-link]"));
        assertThat(link.getText()).isEqualTo("拨付凭证.pdf");
        String href = link.getAttribute("href").replace(url(""), "");
        Chromium.screenshot(chrome, "evidence-04-inbox-claim-with-file");

        BrowserSession office = new BrowserSession(port);
        office.signIn("office", "office-demo");
        HttpResponse<String> download = office.get(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        BrowserSession otherUnit = new BrowserSession(port);
        otherUnit.signIn("jyt", "jyt-demo");
        assertThat(otherUnit.get(href).statusCode()).isEqualTo(403);

        row.findElement(By.cssSelector("[data-test=verify]")).click();
        new WebDriverWait(chrome, WAIT).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("[data-test=claim-row][data-commitment='" + commitmentId + "']"), 0));
        awaitViews();
        assertThat(api.get("office", "/api/commitments/" + commitmentId).body().get("commitment").get("status")
                .asText()).isEqualTo("VERIFIED");
    }

    @Test
    @Order(4)
    void the_inspector_sees_the_chain_clean_then_the_tampered_file_reported() {
        ChromeDriver chrome = signedIn("inspector", 1366, 1600);
        chrome.get(url("/console/audit/verify"));
        chrome.findElement(By.cssSelector("[data-test=verify]")).click();
        WebElement verdict = new WebDriverWait(chrome, WAIT)
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-test=verdict]")));
        assertThat(verdict.getText()).isEqualTo("未发现篡改");
        assertThat(chrome.findElement(By.cssSelector("[data-test=evidence-checked]")).getText()).isEqualTo("2");
        Chromium.screenshot(chrome, "evidence-05-verify-clean");

        byte[] tampered = PDF.clone();
        tampered[12] = 'X';
        new JdbcTemplate(app.getBean(DataSource.class)).update("UPDATE duban_evidence_file SET content = ?", tampered);

        chrome.get(url("/console/audit/verify"));
        chrome.findElement(By.cssSelector("[data-test=verify]")).click();
        new WebDriverWait(chrome, WAIT).until(d -> d.findElement(By.cssSelector("[data-test=verdict]")).getText()
                .equals("发现篡改"));
        WebElement bad = chrome.findElement(By.cssSelector("[data-test=first-bad-evidence]"));
        assertThat(bad.getText()).contains("佐证材料被篡改", "拨付凭证.pdf", commitmentId);
        Chromium.screenshot(chrome, "evidence-06-verify-tampered-file");
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

    private static String file(String name) {
        return files.resolve(name).toAbsolutePath().toString();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private void awaitViews() {
        assertThat(app.getBean(ViewRebuilder.class).awaitUpToDate(Duration.ofSeconds(30))).isTrue();
    }
}
