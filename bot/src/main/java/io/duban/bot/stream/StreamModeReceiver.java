package io.duban.bot.stream;

import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.OpenDingTalkStreamClientBuilder;
import com.dingtalk.open.app.api.callback.DingTalkStreamTopics;
import com.dingtalk.open.app.api.security.AuthClientCredential;
import io.duban.bot.DingTalkProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.SmartLifecycle;

/**
 * Receives robot messages in DingTalk's Stream mode ({@code duban.dingtalk.stream-enabled=true}): the SDK opens the
 * connection itself ({@code POST /v1.0/gateway/connections/open} with the app's key and secret, then a WebSocket to the
 * endpoint it is given), keeps it alive and reconnects about 5 s after a drop, so the bot needs no public callback
 * URL. Each message goes to {@link BotMessageListener}, and from there the same way as an HTTP callback.
 *
 * <p>Not tested against a gateway: the SDK speaks only {@code wss} (TLS verified against the JVM trust store) to a
 * host it fixes at {@code https://api.dingtalk.com} (private setter), so a local gateway fake would need a trusted
 * self-signed certificate and reflection into the SDK; that is out of scope. {@code BotMessageListenerTest} drives the
 * listener with real-looking frames through the SDK's own callback executor instead. Not started against the
 * harness's DingTalk fake: it would try to reach DingTalk with the fake's credentials (the fake's settings switch it off).
 *
 * <p>Secrets: the app secret goes only to the SDK's credential. The SDK logs the WebSocket URL, including the
 * connection ticket, at INFO when it connects; that one logger is raised to WARN before the client starts.
 */
public class StreamModeReceiver implements SmartLifecycle {

    /** Logs {@code start websocket connection, uri=wss://…/connect?ticket=…} at INFO. */
    static final String TICKET_LOGGER = "com.dingtalk.open.app.stream.network.ws.WebsocketTransportConnector";
    private static final Logger log = LoggerFactory.getLogger(StreamModeReceiver.class);

    private final DingTalkProperties properties;
    private final BotMessageListener listener;
    private OpenDingTalkClient client;

    public StreamModeReceiver(DingTalkProperties properties, BotMessageListener listener) {
        this.properties = properties;
        this.listener = listener;
    }

    @Override
    public synchronized void start() {
        if (client != null) {
            return;
        }
        LoggingSystem.get(StreamModeReceiver.class.getClassLoader()).setLogLevel(TICKET_LOGGER, LogLevel.WARN);
        OpenDingTalkClient created = OpenDingTalkStreamClientBuilder.custom()
                .credential(new AuthClientCredential(properties.appKey(), properties.appSecret()))
                .registerCallbackListener(DingTalkStreamTopics.BOT_MESSAGE_TOPIC, listener)
                .build();
        try {
            // returns at once: connecting, and reconnecting after a failure, happen on the SDK's own threads
            created.start();
        } catch (Exception e) {
            throw new IllegalStateException("DingTalk Stream mode could not start: " + e.getClass().getSimpleName(), e);
        }
        client = created;
        log.info("DingTalk Stream mode on for app {}: robot messages arrive over the SDK's connection", properties.appKey());
    }

    @Override
    public synchronized void stop() {
        if (client == null) {
            return;
        }
        try {
            client.stop();
        } catch (Exception e) {
            log.warn("DingTalk Stream client did not stop cleanly: {}", e.getClass().getSimpleName());
        }
        client = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return client != null;
    }
}
