package io.duban.harness.drill.abuse;

import io.duban.harness.drill.abuse.HostileVerdict.Answer;
import io.duban.harness.drill.abuse.HostileVerdict.Failure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How one answer to a hostile request is judged, and how the judgements are counted. */
class HostileVerdictTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CHINESE_PROBLEM = "{\"type\":\"urn:duban:problem:x\",\"title\":\"输入有误\",\"status\":400,"
            + "\"detail\":\"进度须在 0 到 100 之间。\",\"code\":\"progress.out-of-range\"}";

    @Test
    void a_chinese_problem_detail_with_a_code_is_a_correct_refusal() {
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(400, PROBLEM, CHINESE_PROBLEM, null))).isEmpty();
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(400, PROBLEM + ";charset=UTF-8", CHINESE_PROBLEM,
                null))).isEmpty();
    }

    @Test
    void a_server_error_or_no_answer_is_counted_as_such() {
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(500, PROBLEM, "{}", null)))
                .containsExactly(Failure.SERVER_ERROR);
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(503, "text/html", "<html>", null)))
                .containsExactly(Failure.SERVER_ERROR);
        assertThat(judge(rest(HostileEndpoint.PROGRESS), Answer.none("java.io.IOException: reset")))
                .containsExactly(Failure.NO_ANSWER);
    }

    @Test
    void spring_boots_default_error_body_or_html_is_not_a_problem_detail() {
        String boot = "{\"timestamp\":\"2026-11-25T00:00:00Z\",\"status\":400,\"error\":\"Bad Request\",\"path\":\"/api\"}";
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(400, "application/json", boot, null)))
                .containsExactly(Failure.NOT_PROBLEM_DETAIL);
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(400, "text/html", "<h1>Bad</h1>", null)))
                .containsExactly(Failure.NOT_PROBLEM_DETAIL);
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(413, PROBLEM, CHINESE_PROBLEM, null)))
                .as("status in the body differs").containsExactly(Failure.NOT_PROBLEM_DETAIL);
    }

    @Test
    void an_english_problem_detail_or_one_without_code_is_flagged() {
        String english = "{\"title\":\"Unsupported Media Type\",\"status\":415,\"detail\":\"Content-Type 'text/plain' is not supported.\"}";
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(415, PROBLEM, english, null)))
                .containsExactly(Failure.NOT_CHINESE);
        String noCode = "{\"title\":\"未找到\",\"status\":404,\"detail\":\"未找到该承诺。\"}";
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(404, PROBLEM, noCode, null)))
                .containsExactly(Failure.NOT_CHINESE);
    }

    @Test
    void an_accepted_hostile_command_is_a_failure_but_read_only_routes_may_answer_200() {
        assertThat(judge(rest(HostileEndpoint.PROGRESS), new Answer(200, "application/json", "{}", null)))
                .containsExactly(Failure.ACCEPTED);
        assertThat(judge(rest(HostileEndpoint.REBUILD_VIEWS), new Answer(202, "application/json", "[]", null)))
                .containsExactly(Failure.ACCEPTED);
        assertThat(judge(rest(HostileEndpoint.AUDIT_VERIFY), new Answer(200, "application/json", "{\"clean\":true}",
                null))).isEmpty();
        assertThat(judge(rest(HostileEndpoint.DEV_REPLY), new Answer(200, "application/json",
                "{\"callbackStatus\":200,\"callbackBody\":\"{\\\"outcome\\\":\\\"NOT_UNDERSTOOD\\\"}\"}", null))).isEmpty();
        assertThat(judge(rest(HostileEndpoint.DEV_REPLY), new Answer(200, "application/json",
                "{\"callbackStatus\":200,\"callbackBody\":\"{\\\"outcome\\\":\\\"RECORDED\\\"}\"}", null)))
                .containsExactly(Failure.ACTED_ON);
        assertThat(judge(rest(HostileEndpoint.DEV_REPLY), new Answer(200, "application/json",
                "{\"callbackStatus\":500,\"callbackBody\":\"\"}", null))).containsExactly(Failure.SERVER_ERROR);
    }

    @Test
    void callbacks_with_a_bad_signature_must_get_401() {
        HostileRequest forged = callback(HostileRequest.SignMode.WRONG_SIGN, false);
        String unauthorized = "{\"title\":\"签名校验失败\",\"status\":401,\"detail\":\"回调签名无效或已过期。\",\"code\":\"dingtalk.bad-signature\"}";
        assertThat(judge(forged, new Answer(401, PROBLEM, unauthorized, null))).isEmpty();
        assertThat(judge(forged, new Answer(200, "application/json", "{\"outcome\":\"REFUSED\"}", null)))
                .containsExactly(Failure.BAD_SIGNATURE_NOT_401);
        assertThat(judge(forged, new Answer(400, PROBLEM, CHINESE_PROBLEM, null)))
                .containsExactly(Failure.BAD_SIGNATURE_NOT_401);
    }

    @Test
    void signed_callbacks_are_answered_in_chinese_and_never_acted_on() {
        HostileRequest signed = callback(HostileRequest.SignMode.VALID, true);
        Answer refused = new Answer(200, "application/json", "{\"msgId\":\"m\",\"outcome\":\"REFUSED\"}", null);
        assertThat(judge(signed, refused, 1, "未记录：只能操作本单位的承诺。")).isEmpty();
        assertThat(judge(signed, refused, 0, null)).containsExactly(Failure.NO_CHINESE_ANSWER);
        assertThat(judge(signed, refused, 1, "error")).containsExactly(Failure.NO_CHINESE_ANSWER);
        assertThat(judge(signed, new Answer(200, "application/json", "{\"outcome\":\"RECORDED\"}", null), 1, "已记录"))
                .containsExactly(Failure.ACTED_ON);
        assertThat(judge(signed, new Answer(200, "application/json", "{\"outcome\":\"DUPLICATE\"}", null), 0, null))
                .isEmpty();
        assertThat(judge(signed, new Answer(401, PROBLEM, "{}", null))).containsExactly(Failure.SIGNED_REFUSED_401);
        assertThat(judge(callback(HostileRequest.SignMode.VALID, false), new Answer(400, PROBLEM, CHINESE_PROBLEM,
                null))).isEmpty();
    }

    @Test
    void the_tally_counts_per_category_status_and_failure() {
        HostileVerdict.Tally tally = new HostileVerdict.Tally();
        HostileRequest r = rest(HostileEndpoint.PROGRESS);
        tally.add(r, new Answer(400, PROBLEM, CHINESE_PROBLEM, null), List.of());
        tally.add(r, new Answer(500, PROBLEM, "{}", null), List.of(Failure.SERVER_ERROR));
        tally.add(r, Answer.none("timeout"), List.of(Failure.NO_ANSWER));
        assertThat(tally.sent()).isEqualTo(3);
        assertThat(tally.count(Failure.SERVER_ERROR)).isEqualTo(1);
        assertThat(tally.count(Failure.NOT_CHINESE)).isZero();
        HostileVerdict.Tally.Row row = tally.rows().get(HostileCategory.NUMBERS);
        assertThat(new int[]{row.sent, row.ok, row.clientError, row.serverError, row.noAnswer, row.failed})
                .containsExactly(3, 0, 1, 1, 1, 2);
        assertThat(tally.statuses()).containsEntry(400, 1).containsEntry(500, 1).containsEntry(0, 1);
        assertThat(tally.signatures()).containsOnlyKeys("SERVER_ERROR PROGRESS -> 500", "NO_ANSWER PROGRESS -> 0");
        assertThat(tally.bytes()).isEqualTo(3L * r.body().length);
    }

    private static List<Failure> judge(HostileRequest request, Answer answer) {
        return judge(request, answer, 0, null);
    }

    private static List<Failure> judge(HostileRequest request, Answer answer, int replies, String text) {
        return HostileVerdict.judge(request, answer, replies, text);
    }

    private static HostileRequest rest(HostileEndpoint endpoint) {
        return new HostileRequest(0, HostileCategory.NUMBERS, endpoint, "/api/x", "czt", null,
                HostileBodies.JSON, "{\"percent\":101}".getBytes(StandardCharsets.UTF_8), false, null, false,
                "percent=101");
    }

    private static HostileRequest callback(HostileRequest.SignMode mode, boolean live) {
        return new HostileRequest(0, HostileCategory.CALLBACK_SIGNED_HOSTILE, HostileEndpoint.CALLBACK,
                "/api/dingtalk/callback", null, null, HostileBodies.JSON, "{}".getBytes(StandardCharsets.UTF_8),
                false, mode, live, "test");
    }
}
