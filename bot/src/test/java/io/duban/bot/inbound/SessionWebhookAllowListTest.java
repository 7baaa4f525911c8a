package io.duban.bot.inbound;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.duban.bot.DingTalkProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bot answers only on sessionWebhook URLs under the configured prefix, compared on the parsed URL: a URL that
 * starts with the prefix as a string but leads elsewhere on the same host never gets a request.
 */
class SessionWebhookAllowListTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private String origin;
    private SessionReplier replier;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            received.add(exchange.getRequestURI().getRawPath());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        DingTalkProperties properties = new DingTalkProperties(true, "http", "127.0.0.1", "k", "s", "r", null,
                origin + "/robot/send", null, null, origin + "/session/", "nzf-2023-1", Duration.ofSeconds(2),
                Duration.ofMinutes(10), 50, false);
        replier = new SessionReplier(new ObjectMapper(), properties, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/session/../internal/admin", "/session/../../internal/admin", "/session/./../admin",
            "/session/x/%2F..%2F..%2Finternal", "/session/%2e%2e/internal", "/session/%2E%2E%2Finternal",
            "/session/x%5c..%5cadmin", "/session\\..\\internal", "/session//internal", "/sessionevil/x",
            "/session", "/internal/session/x"})
    void a_url_that_starts_like_the_prefix_but_leads_elsewhere_gets_no_request(String path) {
        assertThat(replier.answer(message(origin + path), "好的")).as(path).isFalse();
        assertThat(received).as(path).isEmpty();
    }

    @Test
    void another_scheme_host_port_user_info_or_fragment_is_refused() {
        int other = server.getAddress().getPort() == 65535 ? 65534 : server.getAddress().getPort() + 1;
        for (String url : List.of("https://127.0.0.1:" + server.getAddress().getPort() + "/session/x",
                "http://localhost:" + server.getAddress().getPort() + "/session/x",
                "http://127.0.0.1:" + other + "/session/x",
                "http://evil@127.0.0.1:" + server.getAddress().getPort() + "/session/x",
                origin + "/session/x#fragment", "/session/x", "", "not a url")) {
            assertThat(new SessionWebhookAllowList(origin + "/session/").allows(url)).as(url).isFalse();
        }
        assertThat(received).isEmpty();
    }

    @Test
    void a_url_under_the_prefix_is_answered() {
        assertThat(replier.answer(message(origin + "/session/abc123?session=s1&x=%2F"), "好的")).isTrue();
        assertThat(replier.answer(message(origin.replace("http", "HTTP") + "/session/def"), "好的")).isTrue();
        assertThat(received).containsExactly("/session/abc123", "/session/def");
    }

    @Test
    void dingtalk_s_own_prefix_without_a_trailing_slash_allows_exactly_its_path() {
        SessionWebhookAllowList dingTalk = new SessionWebhookAllowList("https://oapi.dingtalk.com/robot/sendBySession");
        assertThat(dingTalk.allows("https://oapi.dingtalk.com/robot/sendBySession?session=abc")).isTrue();
        assertThat(dingTalk.allows("https://oapi.dingtalk.com:443/robot/sendBySession?session=abc")).isTrue();
        assertThat(dingTalk.allows("https://oapi.dingtalk.com/robot/sendBySessionX?session=abc")).isFalse();
        assertThat(dingTalk.allows("https://oapi.dingtalk.com/robot/sendBySession/../send?access_token=t")).isFalse();
        assertThat(dingTalk.allows("https://oapi.dingtalk.com.evil.example/robot/sendBySession")).isFalse();
        assertThat(dingTalk.allows("https://oapi.dingtalk.com:8443/robot/sendBySession")).isFalse();
    }

    private static InboundMessage message(String sessionWebhook) {
        return new InboundMessage("msg1", "text", "帮助", "demo-czt-wang", "王", "1", sessionWebhook, 0);
    }
}
