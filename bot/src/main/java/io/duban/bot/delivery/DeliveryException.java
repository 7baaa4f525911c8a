package io.duban.bot.delivery;

/**
 * A send failed. Retryable failures (outage, HTTP 5xx, rate limits, webhook throttling) are tried again later with
 * backoff; the others (bad request, unknown robot) mark the message failed. Messages never contain secrets.
 */
public class DeliveryException extends Exception {

    private final boolean retryable;

    public DeliveryException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
