package io.duban.bot.fake;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Failures to inject, switched on by tests (and by the demo's operator) and consumed by the fake's handlers.
 * Counted switches ("the next N calls") make a test's expectations exact: after N failures the fake works again.
 */
public final class Faults {

    private final AtomicInteger serverErrorsLeft = new AtomicInteger();
    private volatile int serverErrorStatus = 500;
    private final AtomicInteger rateLimitsLeft = new AtomicInteger();
    private final AtomicInteger webhookThrottlesLeft = new AtomicInteger();
    private final Set<String> flowControlled = ConcurrentHashMap.newKeySet();
    private final Set<String> invalid = ConcurrentHashMap.newKeySet();
    private volatile boolean serviceUnavailable;

    /** The next {@code calls} requests, whatever the path, answer {@code status} (a 5xx) with an error body. */
    public Faults failNextCalls(int calls, int status) {
        if (status < 500 || status > 599) {
            throw new IllegalArgumentException("not a server error: " + status);
        }
        serverErrorStatus = status;
        serverErrorsLeft.set(calls);
        return this;
    }

    /** The next {@code calls} Open API requests answer 403 {@code Forbidden.AccessDenied.QpsLimitForApi}. */
    public Faults rateLimitNextCalls(int calls) {
        rateLimitsLeft.set(calls);
        return this;
    }

    /** The next {@code calls} webhook posts answer errcode 130101 (sent too fast). */
    public Faults throttleWebhookNextCalls(int calls) {
        webhookThrottlesLeft.set(calls);
        return this;
    }

    /** These users come back in {@code flowControlledStaffIdList} and get nothing, until {@link #clearFlowControl()}. */
    public Faults flowControl(Collection<String> userIds) {
        flowControlled.addAll(userIds);
        return this;
    }

    /**
     * These userIds are unknown to the organisation (left it, or never were): they come back in
     * {@code invalidStaffIdList} and get nothing, however often they are sent to.
     */
    public Faults invalidUsers(Collection<String> userIds) {
        invalid.addAll(userIds);
        return this;
    }

    public Faults clearFlowControl() {
        flowControlled.clear();
        return this;
    }

    /** Switch every fault off. */
    public Faults reset() {
        serverErrorsLeft.set(0);
        rateLimitsLeft.set(0);
        webhookThrottlesLeft.set(0);
        flowControlled.clear();
        invalid.clear();
        serviceUnavailable = false;
        return this;
    }

    void serviceUnavailable(boolean on) {
        serviceUnavailable = on;
    }

    boolean isServiceUnavailable() {
        return serviceUnavailable;
    }

    /** The status to fail this call with, or 0 to let it through. */
    int takeServerError() {
        return takeOne(serverErrorsLeft) ? serverErrorStatus : 0;
    }

    boolean takeRateLimit() {
        return takeOne(rateLimitsLeft);
    }

    boolean takeWebhookThrottle() {
        return takeOne(webhookThrottlesLeft);
    }

    boolean isFlowControlled(String userId) {
        return flowControlled.contains(userId);
    }

    boolean isInvalid(String userId) {
        return invalid.contains(userId);
    }

    private static boolean takeOne(AtomicInteger counter) {
        return counter.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }
}
