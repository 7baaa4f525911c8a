package io.duban.dingtalk.fake;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

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
    private final AtomicLong servedUnavailable = new AtomicLong();
    private final AtomicLong servedServerErrors = new AtomicLong();
    private final AtomicLong servedRateLimits = new AtomicLong();
    private final AtomicLong servedFlowControl = new AtomicLong();
    private final AtomicLong servedWebhookThrottles = new AtomicLong();

    /**
     * How many failures the fake has actually answered so far, by kind (a switch that was set but never hit counts
     * nothing): 503s of a SERVICE_UNAVAILABLE outage, "next N calls" server errors, QpsLimit 403s, users returned in
     * {@code flowControlledStaffIdList}, webhook throttles. Calls refused during a CONNECTION_REFUSED outage never
     * reach the fake and are not counted. Never reset, so a caller compares two readings.
     */
    public record Served(long serviceUnavailable, long serverErrors, long rateLimited, long flowControlledUsers,
                         long webhookThrottled) {

        public long total() {
            return serviceUnavailable + serverErrors + rateLimited + flowControlledUsers + webhookThrottled;
        }
    }

    public Served served() {
        return new Served(servedUnavailable.get(), servedServerErrors.get(), servedRateLimits.get(),
                servedFlowControl.get(), servedWebhookThrottles.get());
    }

    void noteServiceUnavailable() {
        servedUnavailable.incrementAndGet();
    }

    void noteFlowControlled() {
        servedFlowControl.incrementAndGet();
    }

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
        return counted(takeOne(serverErrorsLeft), servedServerErrors) ? serverErrorStatus : 0;
    }

    boolean takeRateLimit() {
        return counted(takeOne(rateLimitsLeft), servedRateLimits);
    }

    boolean takeWebhookThrottle() {
        return counted(takeOne(webhookThrottlesLeft), servedWebhookThrottles);
    }

    private static boolean counted(boolean taken, AtomicLong counter) {
        if (taken) {
            counter.incrementAndGet();
        }
        return taken;
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
