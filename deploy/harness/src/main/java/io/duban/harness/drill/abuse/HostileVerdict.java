package io.duban.harness.drill.abuse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Judges one answer to a hostile request, and tallies the judgements per category. Pure: no HTTP, no application,
 * so the rules themselves are tested.
 */
final class HostileVerdict {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What can be wrong with one answer. */
    enum Failure {
        SERVER_ERROR("5xx answer"),
        NO_ANSWER("no HTTP answer (connection error or timeout)"),
        NOT_PROBLEM_DETAIL("4xx answer not an RFC 7807 problem detail (application/problem+json)"),
        NOT_CHINESE("problem detail without a Chinese detail or a stable code"),
        ACCEPTED("hostile REST request accepted (2xx/3xx)"),
        BAD_SIGNATURE_NOT_401("callback with a bad signature not answered 401"),
        SIGNED_REFUSED_401("correctly signed callback answered 401"),
        ACTED_ON("hostile message acted on (outcome RECORDED)"),
        NO_CHINESE_ANSWER("signed message not answered in Chinese at its sessionWebhook");

        private final String description;

        Failure(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    /**
     * The answer as seen by the client.
     *
     * @param status      HTTP status, or 0 when no answer came
     * @param contentType the Content-Type header, or null
     * @param body        the body as text
     * @param error       why no answer came (status 0), else null
     */
    record Answer(int status, String contentType, String body, String error) {

        static Answer none(String error) {
            return new Answer(0, null, "", error);
        }
    }

    /**
     * @param newReplies     how many session replies the fake received while the request ran
     * @param lastReplyText  the text of the last of them, or null
     */
    static List<Failure> judge(HostileRequest request, Answer answer, int newReplies, String lastReplyText) {
        List<Failure> failures = new ArrayList<>();
        int status = answer.status();
        if (status == 0) {
            failures.add(Failure.NO_ANSWER);
            return failures;
        }
        if (status >= 500) {
            failures.add(Failure.SERVER_ERROR);
            return failures;
        }
        if (request.isCallback()) {
            judgeCallback(request, answer, newReplies, lastReplyText, failures);
            return failures;
        }
        if (status < 400) {
            if (!request.endpoint().mayAccept()) {
                failures.add(Failure.ACCEPTED);
            } else if (request.endpoint() == HostileEndpoint.DEV_REPLY) {
                JsonNode result = readJson(answer.body());
                int callbackStatus = result == null ? 0 : result.path("callbackStatus").asInt(0);
                if (callbackStatus >= 500) {
                    failures.add(Failure.SERVER_ERROR);
                } else if (answer.body().contains("\"RECORDED\"") || answer.body().contains("\\\"RECORDED\\\"")) {
                    failures.add(Failure.ACTED_ON);
                }
            }
            return failures;
        }
        problem(answer, failures);
        return failures;
    }

    private static void judgeCallback(HostileRequest request, Answer answer, int newReplies, String lastReplyText,
                                      List<Failure> failures) {
        int status = answer.status();
        if (request.sign() != null && !request.sign().valid()) {
            if (status != 401) {
                failures.add(Failure.BAD_SIGNATURE_NOT_401);
            } else {
                problem(answer, failures);
            }
            return;
        }
        if (status == 401) {
            failures.add(Failure.SIGNED_REFUSED_401);
            return;
        }
        if (status >= 400) {
            problem(answer, failures);
            return;
        }
        JsonNode result = readJson(answer.body());
        String outcome = result == null ? "" : result.path("outcome").asText("");
        if ("RECORDED".equals(outcome)) {
            failures.add(Failure.ACTED_ON);
        }
        if (request.liveSession() && !"DUPLICATE".equals(outcome)
                && (newReplies != 1 || lastReplyText == null || !hasChinese(lastReplyText))) {
            failures.add(Failure.NO_CHINESE_ANSWER);
        }
    }

    /** A 4xx body must be {@code application/problem+json} with status and title, a Chinese detail and a code. */
    private static void problem(Answer answer, List<Failure> failures) {
        String type = answer.contentType() == null ? "" : answer.contentType().toLowerCase();
        JsonNode body = readJson(answer.body());
        if (!type.startsWith("application/problem+json") || body == null || !body.isObject()
                || body.path("status").asInt(-1) != answer.status() || body.path("title").asText("").isBlank()) {
            failures.add(Failure.NOT_PROBLEM_DETAIL);
            return;
        }
        if (!hasChinese(body.path("detail").asText("")) || body.path("code").asText("").isBlank()) {
            failures.add(Failure.NOT_CHINESE);
        }
    }

    static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static JsonNode readJson(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (Exception e) {
            return null;
        }
    }

    /** Counts per category: requests, answers by status class, and failures. */
    static final class Tally {

        static final class Row {
            int sent;
            int ok;
            int clientError;
            int serverError;
            int noAnswer;
            int failed;
        }

        private final Map<HostileCategory, Row> rows = new EnumMap<>(HostileCategory.class);
        private final Map<Integer, Integer> statuses = new TreeMap<>();
        private final Map<Failure, Integer> failures = new EnumMap<>(Failure.class);
        private final Map<String, Integer> signatures = new LinkedHashMap<>();
        private long bytes;

        void add(HostileRequest request, Answer answer, List<Failure> found) {
            Row row = rows.computeIfAbsent(request.category(), c -> new Row());
            row.sent++;
            bytes += request.body().length;
            int status = answer.status();
            statuses.merge(status, 1, Integer::sum);
            if (status == 0) {
                row.noAnswer++;
            } else if (status >= 500) {
                row.serverError++;
            } else if (status >= 400) {
                row.clientError++;
            } else {
                row.ok++;
            }
            if (!found.isEmpty()) {
                row.failed++;
            }
            for (Failure f : found) {
                failures.merge(f, 1, Integer::sum);
                signatures.merge(f + " " + request.endpoint() + " -> " + status, 1, Integer::sum);
            }
        }

        int count(Failure failure) {
            return failures.getOrDefault(failure, 0);
        }

        int sent() {
            return rows.values().stream().mapToInt(r -> r.sent).sum();
        }

        long bytes() {
            return bytes;
        }

        Map<HostileCategory, Row> rows() {
            return rows;
        }

        /** Answers by HTTP status (0 = none). */
        Map<Integer, Integer> statuses() {
            return statuses;
        }

        /** "failure endpoint -> status" with how often it happened, in order of first sight. */
        Map<String, Integer> signatures() {
            return signatures;
        }
    }
}
