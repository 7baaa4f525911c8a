package io.duban.deploy.e2e;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The browser the console's tests drive runs in Chinese: its requests ask for zh-CN, and its own locale (which date
 * and month inputs follow, whatever the page's lang) is zh-CN. Served by a throwaway local HTTP server, no
 * application. Screenshot: target/screenshots/locale-01-date-inputs.png.
 */
@ExtendWith(Chromium.Required.class)
class ChromiumLocaleTest {

    private static final String PAGE = """
            <!DOCTYPE html><html lang="zh-CN"><head><meta charset="UTF-8"><title>locale</title></head>
            <body><input id="day" type="date" value="2026-05-01"> <input id="month" type="month" value="2026-05"></body></html>
            """;

    @Test
    void date_inputs_and_requests_are_in_chinese() throws IOException {
        AtomicReference<String> acceptLanguage = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            acceptLanguage.compareAndSet(null, exchange.getRequestHeaders().getFirst("Accept-Language"));
            byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        ChromeDriver chrome = Chromium.start(480, 200);
        try {
            chrome.get("http://127.0.0.1:" + server.getAddress().getPort() + "/");

            assertThat(acceptLanguage.get()).as("Accept-Language of the browser's request").startsWith("zh-CN");
            assertThat(chrome.executeScript("return navigator.language")).isEqualTo("zh-CN");
            assertThat(chrome.executeScript("return Intl.DateTimeFormat().resolvedOptions().locale"))
                    .as("the browser's own locale, which date inputs follow: en-US when Chromium has no zh-CN locale "
                            + "pack (apt-get install chromium-l10n) or was not started with LANGUAGE=zh_CN")
                    .isEqualTo("zh-CN");
            Chromium.screenshot(chrome, "locale-01-date-inputs");
        } finally {
            chrome.quit();
            server.stop(0);
        }
    }
}
