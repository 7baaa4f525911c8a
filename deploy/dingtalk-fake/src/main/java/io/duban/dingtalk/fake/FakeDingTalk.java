package io.duban.dingtalk.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local DingTalk on 127.0.0.1: the Open API paths the real SDK calls ({@code /v1.0/oauth2/accessToken},
 * {@code /v1.0/robot/oToMessages/batchSend}, {@code /v1.0/robot/groupMessages/send}), the custom-robot webhook
 * ({@code /robot/send}) and session webhooks ({@code /session/{id}}). Point the SDK at it with
 * {@code new Config().setProtocol("http").setEndpoint(fake.openApiEndpoint())}.
 *
 * <p>It records what it accepted ({@link #messages()}), fails on demand ({@link #faults()}, {@link #startOutage}),
 * and delivers signed callbacks to the bot ({@link #deliverCallback}). It only ever binds the loopback address.
 */
public final class FakeDingTalk implements AutoCloseable {

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on: a response written as headers then body waited for the
        // client's delayed ACK, adding up to ~40 ms to every answer on loopback. DingTalk's servers answer at once,
        // so the fake must too. Read once, when the JDK's server classes load: set before the first server exists.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private static final int REBIND_ATTEMPTS = 50;
    private static final long REBIND_PAUSE_MILLIS = 100;

    private final FakeDingTalkSettings settings;
    private final Clock clock;
    private final Faults faults = new Faults();
    private final MessageLog messages = new MessageLog();
    private final AccessTokens tokens;
    private final CallbackDeliverer callbacks;
    private final FakeRouter router;
    private final ExecutorService executor;
    private final int port;
    private HttpServer server;
    private OutageMode outage;

    private FakeDingTalk(FakeDingTalkSettings settings, Clock clock, int requestedPort) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        ObjectMapper json = new ObjectMapper();
        this.tokens = new AccessTokens(clock);
        SessionWebhooks sessions = new SessionWebhooks(clock);
        this.callbacks = new CallbackDeliverer(settings, sessions, clock, json);
        this.router = new FakeRouter(Map.of(
                "/v1.0/oauth2/accessToken", new AccessTokenEndpoint(settings, tokens),
                "/v1.0/robot/oToMessages/batchSend", new OneToOneSendEndpoint(settings, tokens, faults, messages, clock),
                "/v1.0/robot/groupMessages/send", new GroupSendEndpoint(settings, tokens, messages, clock),
                "/robot/send", new WebhookEndpoint(settings, faults, messages, clock)),
                new SessionReplyEndpoint(sessions, messages, clock), faults, json);
        this.executor = Executors.newFixedThreadPool(4, daemonThreads());
        this.server = bind(requestedPort);
        this.port = server.getAddress().getPort();
    }

    /** Start on a free port with the system clock. */
    public static FakeDingTalk start(FakeDingTalkSettings settings) {
        return start(settings, Clock.systemUTC(), 0);
    }

    /** Start on {@code port} (0 = any free port); the clock drives token and session expiry and timestamps. */
    public static FakeDingTalk start(FakeDingTalkSettings settings, Clock clock, int port) {
        try {
            return new FakeDingTalk(settings, clock, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the fake DingTalk on port " + port, e);
        }
    }

    public int port() {
        return port;
    }

    /** For the SDK's {@code Config.setEndpoint}: host and port, no scheme. */
    public String openApiEndpoint() {
        return "127.0.0.1:" + port;
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** The custom-robot webhook, unsigned (the client adds access_token, timestamp and sign). */
    public URI webhookUri() {
        return baseUri().resolve("/robot/send");
    }

    /**
     * The {@code duban.dingtalk.*} settings that point the real bot at this fake, as DingTalk's own settings would
     * point it at an organisation: the Open API endpoint over plain HTTP on 127.0.0.1, the generated credentials,
     * the custom-robot webhook, and session replies only to this fake's session URLs. Stream mode stays off (the fake
     * has no Stream gateway). The fake plugs in this way, from outside: the bot knows only DingTalk.
     *
     * @param officeConversationId the openConversationId the office group chat gets
     */
    public Map<String, Object> dubanProperties(String officeConversationId) {
        Map<String, Object> properties = new java.util.LinkedHashMap<>();
        properties.put("duban.dingtalk.enabled", "true");
        properties.put("duban.dingtalk.protocol", "http");
        properties.put("duban.dingtalk.api-endpoint", openApiEndpoint());
        properties.put("duban.dingtalk.app-key", settings.appKey());
        properties.put("duban.dingtalk.app-secret", settings.appSecret().reveal());
        properties.put("duban.dingtalk.robot-code", settings.robotCode());
        properties.put("duban.dingtalk.office-conversation-id", officeConversationId);
        properties.put("duban.dingtalk.webhook-url", webhookUri().toString());
        properties.put("duban.dingtalk.webhook-access-token", settings.webhookAccessToken().reveal());
        properties.put("duban.dingtalk.webhook-secret", settings.webhookSecret().reveal());
        properties.put("duban.dingtalk.session-webhook-prefix", sessionWebhookPrefix());
        properties.put("duban.dingtalk.stream-enabled", "false");
        return properties;
    }

    /** Session webhooks of this fake all start with this. */
    public String sessionWebhookPrefix() {
        return baseUri().resolve("/session/").toString();
    }

    public FakeDingTalkSettings settings() {
        return settings;
    }

    public Faults faults() {
        return faults;
    }

    public MessageLog messages() {
        return messages;
    }

    /** How many access tokens the fake has issued so far: a client that caches its token asks once per lifetime. */
    public int accessTokensIssued() {
        return tokens.issued();
    }

    /** Every issued access token stops working, as if they had all expired. */
    public void revokeAccessTokens() {
        tokens.revokeAll();
    }

    /** DingTalk goes down as {@code mode} until {@link #endOutage()}. */
    public synchronized void startOutage(OutageMode mode) {
        Objects.requireNonNull(mode, "mode");
        endOutage();
        outage = mode;
        if (mode == OutageMode.SERVICE_UNAVAILABLE) {
            faults.serviceUnavailable(true);
        } else {
            server.stop(0);
        }
    }

    /** DingTalk is back, on the same port. */
    public synchronized void endOutage() {
        if (outage == OutageMode.CONNECTION_REFUSED) {
            server = rebind();
        }
        faults.serviceUnavailable(false);
        outage = null;
    }

    /** Deliver a message from an official to the bot at {@code target}, signed as DingTalk signs it. */
    public CallbackResponse deliverCallback(URI target, FakeCallback message) throws IOException, InterruptedException {
        return callbacks.deliver(target, message, baseUri());
    }

    /** Deliver with the given {@code timestamp} and {@code sign} headers (null omits one): forged or stale callbacks. */
    public CallbackResponse deliverCallback(URI target, FakeCallback message, String timestamp, String sign)
            throws IOException, InterruptedException {
        return callbacks.deliver(target, callbackBody(message), timestamp, sign);
    }

    /** The callback JSON for a message, with a live sessionWebhook; for tests that post it themselves. */
    public ObjectNode callbackBody(FakeCallback message) {
        return callbacks.body(message, baseUri());
    }

    @Override
    public synchronized void close() {
        if (outage != OutageMode.CONNECTION_REFUSED) {
            server.stop(0);
        }
        outage = null;
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "FakeDingTalk[" + baseUri() + "]";
    }

    private HttpServer bind(int requestedPort) throws IOException {
        HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        created.createContext("/", router);
        created.setExecutor(executor);
        created.start();
        return created;
    }

    /** The port can stay busy for a moment after a stop; a fake that cannot come back would make an outage test lie. */
    private HttpServer rebind() {
        for (int attempt = 1; ; attempt++) {
            try {
                return bind(port);
            } catch (BindException busy) {
                if (attempt >= REBIND_ATTEMPTS) {
                    throw new UncheckedIOException("port " + port + " still busy after the outage", busy);
                }
                pause();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(REBIND_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rebinding the fake DingTalk", e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fake-dingtalk-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
