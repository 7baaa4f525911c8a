package io.duban.bot.fake;

import io.duban.dingtalk.fake.DeliveredMessage;
import io.duban.dingtalk.fake.FakeDingTalk;
import io.duban.dingtalk.fake.FakeDingTalkSettings;
import io.duban.dingtalk.fake.Faults;
import io.duban.dingtalk.fake.OutageMode;
import io.duban.dingtalk.fake.Route;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenResponse;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOHeaders;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTORequest;
import com.aliyun.dingtalkrobot_1_0.models.BatchSendOTOResponse;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendHeaders;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendRequest;
import com.aliyun.dingtalkrobot_1_0.models.OrgGroupSendResponse;
import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaUnretryableException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The fake's Open API, driven by the real DingTalk SDK over HTTP on 127.0.0.1. */
class FakeDingTalkOpenApiTest {

    private static final String MARKDOWN = "{\"title\":\"督办提醒\",\"text\":\"#31 节点M2已逾期，请回复进度\"}";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private final FakeDingTalkSettings settings = FakeDingTalkSettings.generated();
    private FakeDingTalk fake;
    private com.aliyun.dingtalkoauth2_1_0.Client oauth;
    private com.aliyun.dingtalkrobot_1_0.Client robot;

    @BeforeEach
    void start() throws Exception {
        fake = FakeDingTalk.start(settings, clock, 0);
        Config config = new Config().setProtocol("http").setEndpoint(fake.openApiEndpoint());
        oauth = new com.aliyun.dingtalkoauth2_1_0.Client(config);
        robot = new com.aliyun.dingtalkrobot_1_0.Client(config);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void issues_an_access_token_for_the_configured_app() throws Exception {
        GetAccessTokenResponse response = oauth.getAccessToken(tokenRequest(settings.appSecret().reveal()));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody().getAccessToken()).isNotBlank();
        assertThat(response.getBody().getExpireIn()).isEqualTo(7200L);
    }

    @Test
    void refuses_a_wrong_app_secret_with_a_dingtalk_style_error() {
        TeaException e = catchThrowableOfType(TeaException.class,
                () -> oauth.getAccessToken(tokenRequest("not-the-secret")));

        assertThat(e.getCode()).isEqualTo("invalidClientIdOrSecret");
        assertThat(e.getData().get("statusCode")).isEqualTo(400);
        assertThat(e.getData()).containsKey("requestid");
    }

    @Test
    void delivers_one_to_one_messages_and_records_each_user() throws Exception {
        BatchSendOTOResponse response = sendOneToOne(token(), List.of("user001", "user002"));

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getBody().getProcessQueryKey()).isNotBlank();
        assertThat(response.getBody().getInvalidStaffIdList()).isEmpty();
        assertThat(response.getBody().getFlowControlledStaffIdList()).isEmpty();
        List<DeliveredMessage> delivered = fake.messages().all();
        assertThat(delivered).extracting(DeliveredMessage::recipient).containsExactly("user001", "user002");
        DeliveredMessage first = delivered.get(0);
        assertThat(first.route()).isEqualTo(Route.ONE_TO_ONE);
        assertThat(first.msgKey()).isEqualTo("sampleMarkdown");
        assertThat(first.content().get("title").asText()).isEqualTo("督办提醒");
        assertThat(first.text()).isEqualTo("#31 节点M2已逾期，请回复进度");
        assertThat(first.at()).isEqualTo(clock.instant());
        assertThat(first.requestKey()).isEqualTo(response.getBody().getProcessQueryKey());
    }

    @Test
    void refuses_more_than_twenty_users_in_one_call() throws Exception {
        List<String> users = IntStream.rangeClosed(1, 21).mapToObj(i -> "user" + i).toList();

        TeaException e = catchThrowableOfType(TeaException.class, () -> sendOneToOne(token(), users));

        assertThat(e.getData().get("statusCode")).isEqualTo(400);
        assertThat(e.getCode()).isEqualTo("InvalidParameter.UserIds");
        assertThat(fake.messages().all()).isEmpty();
    }

    @Test
    void refuses_a_token_it_did_not_issue_a_revoked_one_and_an_expired_one() throws Exception {
        assertThat(catchThrowableOfType(TeaException.class, () -> sendOneToOne("made-up", List.of("user001"))).getCode())
                .isEqualTo("InvalidAuthentication");

        String revoked = token();
        fake.revokeAccessTokens();
        assertThat(catchThrowableOfType(TeaException.class, () -> sendOneToOne(revoked, List.of("user001")))
                .getData().get("statusCode")).isEqualTo(401);

        String expiring = token();
        clock.advance(Duration.ofSeconds(7199));
        sendOneToOne(expiring, List.of("user001"));
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> sendOneToOne(expiring, List.of("user001"))).isInstanceOf(TeaException.class);
        assertThat(fake.messages().all()).hasSize(1);
    }

    @Test
    void refuses_a_wrong_robot_code_and_a_msg_param_that_is_not_json() throws Exception {
        String token = token();
        BatchSendOTORequest wrongRobot = new BatchSendOTORequest().setRobotCode("someone-elses")
                .setUserIds(List.of("user001")).setMsgKey("sampleText").setMsgParam("{\"content\":\"x\"}");
        assertThat(catchThrowableOfType(TeaException.class, () -> robot.batchSendOTOWithOptions(wrongRobot,
                headers(token), new RuntimeOptions())).getCode()).isEqualTo("InvalidParameter.RobotCode");

        BatchSendOTORequest notJson = new BatchSendOTORequest().setRobotCode(settings.robotCode())
                .setUserIds(List.of("user001")).setMsgKey("sampleText").setMsgParam("content=x");
        assertThat(catchThrowableOfType(TeaException.class, () -> robot.batchSendOTOWithOptions(notJson,
                headers(token), new RuntimeOptions())).getCode()).isEqualTo("InvalidParameter.MsgParam");
    }

    @Test
    void flow_controlled_users_are_listed_and_not_delivered_until_released() throws Exception {
        fake.faults().flowControl(List.of("user002"));

        BatchSendOTOResponse throttled = sendOneToOne(token(), List.of("user001", "user002", "user003"));

        assertThat(throttled.getBody().getFlowControlledStaffIdList()).containsExactly("user002");
        assertThat(fake.messages().all()).extracting(DeliveredMessage::recipient).containsExactly("user001", "user003");

        fake.faults().clearFlowControl();
        BatchSendOTOResponse retried = sendOneToOne(token(), List.of("user002"));

        assertThat(retried.getBody().getFlowControlledStaffIdList()).isEmpty();
        assertThat(fake.messages().to("user002")).hasSize(1);
        assertThat(fake.faults().served().flowControlledUsers()).as("users turned away, counted").isEqualTo(1);
    }

    @Test
    void users_unknown_to_the_organisation_are_listed_invalid_and_not_delivered() throws Exception {
        fake.faults().invalidUsers(List.of("left001"));

        BatchSendOTOResponse response = sendOneToOne(token(), List.of("user001", "left001"));

        assertThat(response.getBody().getInvalidStaffIdList()).containsExactly("left001");
        assertThat(response.getBody().getFlowControlledStaffIdList()).isEmpty();
        assertThat(fake.messages().all()).extracting(DeliveredMessage::recipient).containsExactly("user001");
    }

    @Test
    void counts_the_access_tokens_it_issues() throws Exception {
        assertThat(fake.accessTokensIssued()).isZero();

        token();
        token();

        assertThat(fake.accessTokensIssued()).isEqualTo(2);
    }

    @Test
    void sends_to_a_group_and_refuses_an_oversized_msg_param() throws Exception {
        String token = token();
        OrgGroupSendResponse response = sendToGroup(token, MARKDOWN);

        assertThat(response.getBody().getProcessQueryKey()).isNotBlank();
        assertThat(fake.messages().by(Route.GROUP)).singleElement()
                .satisfies(m -> assertThat(m.recipient()).isEqualTo("cidOffice=="));

        String big = "{\"title\":\"t\",\"text\":\"" + "督".repeat(5_000) + "\"}"; // 15,000+ bytes in UTF-8
        TeaException e = catchThrowableOfType(TeaException.class, () -> sendToGroup(token, big));
        assertThat(e.getData().get("statusCode")).isEqualTo(400);
        assertThat(fake.messages().by(Route.GROUP)).hasSize(1);
    }

    @Test
    void rate_limit_answers_403_qps_limit_then_lets_calls_through() throws Exception {
        String token = token();
        fake.faults().rateLimitNextCalls(1);

        TeaException e = catchThrowableOfType(TeaException.class, () -> sendOneToOne(token, List.of("user001")));

        assertThat(e.getCode()).isEqualTo("Forbidden.AccessDenied.QpsLimitForApi");
        assertThat(e.getData().get("statusCode")).isEqualTo(403);
        assertThat(fake.messages().all()).isEmpty();
        sendOneToOne(token, List.of("user001"));
        assertThat(fake.messages().all()).hasSize(1);
        assertThat(fake.faults().served()).isEqualTo(new Faults.Served(0, 0, 1, 0, 0));
    }

    @Test
    void the_next_n_calls_fail_with_a_server_error() throws Exception {
        String token = token();
        fake.faults().failNextCalls(2, 502);

        for (int i = 0; i < 2; i++) {
            TeaException e = catchThrowableOfType(TeaException.class, () -> sendOneToOne(token, List.of("user001")));
            assertThat(e.getData().get("statusCode")).isEqualTo(502);
        }
        sendOneToOne(token, List.of("user001"));
        assertThat(fake.messages().all()).hasSize(1);
        assertThat(fake.faults().served().serverErrors()).isEqualTo(2);
    }

    @Test
    void a_503_outage_is_a_tea_exception_until_it_ends() throws Exception {
        String token = token();
        fake.startOutage(OutageMode.SERVICE_UNAVAILABLE);

        TeaException e = catchThrowableOfType(TeaException.class, () -> sendOneToOne(token, List.of("user001")));
        assertThat(e.getData().get("statusCode")).isEqualTo(503);
        assertThat(e.getCode()).isEqualTo("ServiceUnavailable");

        fake.endOutage();
        sendOneToOne(token, List.of("user001"));
        assertThat(fake.messages().all()).hasSize(1);
        assertThat(fake.faults().served().serviceUnavailable()).isEqualTo(1);
        assertThat(fake.faults().served().total()).isEqualTo(1);
    }

    @Test
    void a_refused_connection_is_a_tea_unretryable_exception_and_the_fake_comes_back_on_the_same_port() throws Exception {
        String token = token();
        int port = fake.port();
        fake.startOutage(OutageMode.CONNECTION_REFUSED);

        assertThatThrownBy(() -> sendOneToOne(token, List.of("user001"))).isInstanceOf(TeaUnretryableException.class);
        assertThatThrownBy(() -> oauth.getAccessToken(tokenRequest(settings.appSecret().reveal())))
                .isInstanceOf(TeaUnretryableException.class);

        fake.endOutage();
        assertThat(fake.port()).isEqualTo(port);
        sendOneToOne(token, List.of("user001"));
        assertThat(fake.messages().all()).hasSize(1);
    }

    @Test
    void settings_and_fake_never_print_secrets() {
        String printed = settings + " " + fake;
        assertThat(printed).doesNotContain(settings.appSecret().reveal(), settings.webhookSecret().reveal(),
                settings.webhookAccessToken().reveal());
    }

    private GetAccessTokenRequest tokenRequest(String secret) {
        return new GetAccessTokenRequest().setAppKey(settings.appKey()).setAppSecret(secret);
    }

    private String token() throws Exception {
        return oauth.getAccessToken(tokenRequest(settings.appSecret().reveal())).getBody().getAccessToken();
    }

    private BatchSendOTOResponse sendOneToOne(String token, List<String> users) throws Exception {
        BatchSendOTORequest request = new BatchSendOTORequest().setRobotCode(settings.robotCode())
                .setUserIds(users).setMsgKey("sampleMarkdown").setMsgParam(MARKDOWN);
        return robot.batchSendOTOWithOptions(request, headers(token), new RuntimeOptions());
    }

    private OrgGroupSendResponse sendToGroup(String token, String msgParam) throws Exception {
        OrgGroupSendRequest request = new OrgGroupSendRequest().setRobotCode(settings.robotCode())
                .setOpenConversationId("cidOffice==").setMsgKey("sampleMarkdown").setMsgParam(msgParam);
        OrgGroupSendHeaders headers = new OrgGroupSendHeaders();
        headers.xAcsDingtalkAccessToken = token;
        return robot.orgGroupSendWithOptions(request, headers, new RuntimeOptions());
    }

    private static BatchSendOTOHeaders headers(String token) {
        BatchSendOTOHeaders headers = new BatchSendOTOHeaders();
        headers.xAcsDingtalkAccessToken = token;
        return headers;
    }
}
