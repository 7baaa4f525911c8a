package io.duban.bot.delivery;

import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOHeaders;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTORequest;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOResponse;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendHeaders;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendRequest;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.bot.DingTalkProperties;
import io.duban.bot.signature.Secret;
import io.duban.bot.signature.WebhookSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The real DingTalk: the official SDK for the app robot (1:1 batchSend, group send) and a signed JDK HTTP call for
 * the custom-robot webhook, the office group's fallback.
 */
public class SdkDingTalkGateway implements DingTalkGateway {

    private static final Logger log = LoggerFactory.getLogger(SdkDingTalkGateway.class);
    /** Webhook errcodes that mean "throttled, try later": 20 messages/minute per robot, then ~10 min pause. */
    private static final List<Integer> WEBHOOK_THROTTLED = List.of(130101, 410100);

    private final DingTalkProperties properties;
    private final com.aliyun.dingtalkrobot_1_0.Client robot;
    private final AccessTokens tokens;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final WebhookSigner webhookSigner;

    public SdkDingTalkGateway(DingTalkProperties properties, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.json = json;
        try {
            Config config = new Config().setProtocol(properties.protocol()).setEndpoint(properties.apiEndpoint())
                    .setRegionId("central");
            this.robot = new com.aliyun.dingtalkrobot_1_0.Client(config);
            this.tokens = new AccessTokens(new com.aliyun.dingtalkoauth2_1_0.Client(config), properties.appKey(),
                    properties.appSecret(), clock);
        } catch (Exception e) {
            throw new IllegalStateException("DingTalk SDK client could not be created", e);
        }
        this.webhookSigner = properties.webhookConfigured()
                ? new WebhookSigner(Secret.of(properties.webhookSecret()), clock) : null;
    }

    @Override
    public OneToOneResult sendOneToOne(List<String> userIds, String title, String markdown)
            throws DeliveryException {
        if (userIds.isEmpty() || userIds.size() > MAX_USERS_PER_BATCH) {
            throw new IllegalArgumentException("1 to " + MAX_USERS_PER_BATCH + " users per batch");
        }
        BatchSendOTOHeaders headers = new BatchSendOTOHeaders();
        headers.xAcsDingtalkAccessToken = tokens.current();
        try {
            BatchSendOTOResponse response = robot.batchSendOTOWithOptions(new BatchSendOTORequest()
                    .setRobotCode(properties.robotCode()).setUserIds(userIds).setMsgKey("sampleMarkdown")
                    .setMsgParam(markdownParam(title, markdown)), headers, new RuntimeOptions());
            return new OneToOneResult(response.getBody().getFlowControlledStaffIdList(),
                    response.getBody().getInvalidStaffIdList());
        } catch (Exception e) {
            throw failure("batchSendOTO", e);
        }
    }

    @Override
    public void sendToOfficeGroup(String title, String markdown) throws DeliveryException {
        DeliveryException appRobotFailure = null;
        if (properties.officeConversationId() != null && !properties.officeConversationId().isBlank()) {
            try {
                OrgGroupSendHeaders headers = new OrgGroupSendHeaders();
                headers.xAcsDingtalkAccessToken = tokens.current();
                robot.orgGroupSendWithOptions(new OrgGroupSendRequest().setRobotCode(properties.robotCode())
                        .setOpenConversationId(properties.officeConversationId()).setMsgKey("sampleMarkdown")
                        .setMsgParam(markdownParam(title, markdown)), headers, new RuntimeOptions());
                return;
            } catch (DeliveryException e) {
                appRobotFailure = e;
            } catch (Exception e) {
                appRobotFailure = failure("groupMessages/send", e);
            }
            log.warn("Office group send through the app robot failed ({}){}", appRobotFailure.getMessage(),
                    webhookSigner == null ? "" : "; trying the webhook");
        }
        if (webhookSigner == null) {
            throw appRobotFailure != null ? appRobotFailure
                    : new DeliveryException("no office group configured (officeConversationId or webhook)", false, null);
        }
        sendWebhook(title, markdown);
    }

    private void sendWebhook(String title, String markdown) throws DeliveryException {
        URI uri = webhookSigner.signedUri(URI.create(properties.webhookUrl()),
                Secret.of(properties.webhookAccessToken()));
        String body = write(Map.of("msgtype", "markdown", "markdown", Map.of("title", title, "text", markdown)));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json;charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new DeliveryException("webhook: HTTP " + response.statusCode(), response.statusCode() >= 500,
                        null);
            }
            JsonNode answer = json.readTree(response.body());
            int errcode = answer.path("errcode").asInt(-1);
            if (errcode != 0) {
                throw new DeliveryException("webhook: errcode " + errcode + " " + answer.path("errmsg").asText(),
                        WEBHOOK_THROTTLED.contains(errcode), null);
            }
        } catch (IOException e) {
            throw new DeliveryException("webhook: unreachable", true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("webhook: interrupted", true, e);
        }
    }

    private DeliveryException failure(String operation, Exception e) {
        DeliveryException failure = FailureClassifier.classify(operation, e);
        if (failure.getMessage().contains("HTTP 401")) {
            // DingTalk no longer accepts the cached token (revoked, or expired early): the next attempt fetches a new
            // one, so this is worth retrying, not a reason to give the message up
            tokens.invalidate();
            return new DeliveryException(failure.getMessage(), true, e);
        }
        return failure;
    }

    private String markdownParam(String title, String markdown) {
        return write(Map.of("title", title, "text", markdown));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
