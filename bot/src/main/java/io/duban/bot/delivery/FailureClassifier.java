package io.duban.bot.delivery;

import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaUnretryableException;

import java.io.IOException;

/**
 * Which SDK failures are worth retrying: DingTalk being unreachable, HTTP 5xx, and its rate limits (403 with a
 * {@code …QpsLimit…}/{@code …QpmLimit…} code, or 429). Anything else is a request DingTalk will never accept.
 */
final class FailureClassifier {

    private FailureClassifier() {
    }

    static DeliveryException classify(String operation, Exception e) {
        if (e instanceof TeaUnretryableException || e instanceof IOException) {
            return new DeliveryException(operation + ": DingTalk unreachable", true, e);
        }
        if (e instanceof TeaException tea) {
            int status = statusOf(tea);
            String code = tea.getCode() == null ? "" : tea.getCode();
            boolean rateLimited = status == 429 || code.contains("QpsLimit") || code.contains("QpmLimit")
                    || code.contains("Throttling");
            boolean retryable = status >= 500 || rateLimited || status == 0;
            return new DeliveryException(operation + ": HTTP " + status + " " + code, retryable, e);
        }
        return new DeliveryException(operation + ": " + e.getClass().getSimpleName(), true, e);
    }

    private static int statusOf(TeaException tea) {
        if (tea.getStatusCode() != null) {
            return tea.getStatusCode();
        }
        Object status = tea.getData() == null ? null : tea.getData().get("statusCode");
        return status instanceof Number number ? number.intValue() : 0;
    }
}
