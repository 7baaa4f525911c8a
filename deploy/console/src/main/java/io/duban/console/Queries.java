package io.duban.console;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a query's answer, and lets a refusal (a not-found, a bad argument) through as it was thrown. */
public final class Queries {

    private static final long TIMEOUT_SECONDS = 30;

    private Queries() {
    }

    public static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("查询被中断", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("查询超时", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("查询失败", e.getCause());
        }
    }
}
