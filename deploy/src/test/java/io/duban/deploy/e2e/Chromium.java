package io.duban.deploy.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;

/**
 * Real headless Chromium for the console's browser tests. Without Chromium and ChromeDriver the tests are skipped
 * with the reason, except under CI ({@code CI=true}), where their absence fails the build: CI installs them
 * ({@code .ci/run}). Paths: {@code DUBAN_CHROMIUM} (default /usr/bin/chromium), {@code DUBAN_CHROMEDRIVER}
 * (default /usr/bin/chromedriver).
 */
final class Chromium {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The browser's language, as a Chinese office's browser has it. */
    static final String LOCALE = "zh-CN";
    static final String ACCEPT_LANGUAGE = "zh-CN,zh";

    private Chromium() {
    }

    /**
     * {@code @ExtendWith(Chromium.Required.class)}: without Chromium or ChromeDriver every test of the class is
     * reported skipped with the reason, before the application is booted; under CI the class fails instead.
     */
    static final class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Path binary = binary();
            Path driver = driver();
            if (Files.isExecutable(binary) && Files.isExecutable(driver)) {
                return ConditionEvaluationResult.enabled("Chromium at " + binary + ", ChromeDriver at " + driver);
            }
            String reason = "Browser tests need Chromium at " + binary + " and ChromeDriver at " + driver
                    + " (apt-get install -y --no-install-recommends chromium chromium-driver chromium-l10n fonts-noto-cjk; "
                    + "or set DUBAN_CHROMIUM / DUBAN_CHROMEDRIVER)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true and no browser: " + reason);
            }
            System.err.println("[browser tests] skipped: " + reason);
            return ConditionEvaluationResult.disabled("Skipped, Chromium not installed. " + reason);
        }
    }

    /**
     * A headless browser with the given window size; its console messages are kept (CSP violations show there).
     * It runs in Chinese as the office's browsers do: date and month inputs render 年/月/日 (they follow the browser's
     * locale, not the page's lang) and requests carry Accept-Language zh-CN. On Linux Chromium ignores --lang and
     * takes its locale from LANGUAGE, and only from a locale pack it has (chromium-l10n's zh-CN.pak), else en-US.
     * LANG stays C.UTF-8, which every Debian has: with a locale the system lacks (zh_CN.UTF-8 without the locales
     * package) ChromeDriver could not open an upload with a Chinese file name ("File not found").
     */
    static ChromeDriver start(int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(binary().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=" + LOCALE, "--accept-lang=" + ACCEPT_LANGUAGE,
                "--window-size=" + width + "," + height, "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", ACCEPT_LANGUAGE));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver().toFile()).usingAnyFreePort()
                .withEnvironment(Map.of("LANGUAGE", "zh_CN", "LANG", "C.UTF-8")).build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().window().setSize(new Dimension(width, height));
        return chrome;
    }

    /**
     * Waits until the browser is on a URL containing {@code fragment}. When it is not, the failure says what the page
     * shows instead (its title and the text of its main part, e.g. a refusal or an error page) and saves a screenshot,
     * since "the URL did not change" alone cannot tell a slow server from a refused form.
     */
    static void awaitUrl(ChromeDriver chrome, String fragment, Duration wait) {
        try {
            new WebDriverWait(chrome, wait)
                    .until(ExpectedConditions.urlContains(fragment));
        } catch (TimeoutException notThere) {
            String shows;
            try {
                shows = chrome.getTitle() + " | " + chrome.findElement(By.tagName("body")).getText();
            } catch (RuntimeException unreadable) {
                shows = "(page unreadable: " + unreadable + ")";
            }
            screenshot(chrome, "failed-navigation-" + Math.abs(fragment.hashCode()));
            throw new AssertionError("still on " + chrome.getCurrentUrl() + " after " + wait.toSeconds()
                    + " s instead of a URL containing " + fragment + "; the page shows: "
                    + shows.substring(0, Math.min(shows.length(), 2000)), notThere);
        }
    }

    /** Saves what the browser shows as target/screenshots/{name}.png, for a person to look at. */
    static Path screenshot(ChromeDriver chrome, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = chrome.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name, e);
        }
    }

    private static Path binary() {
        return Path.of(System.getenv().getOrDefault("DUBAN_CHROMIUM", "/usr/bin/chromium"));
    }

    private static Path driver() {
        return Path.of(System.getenv().getOrDefault("DUBAN_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }
}
