package io.duban.console.commitment;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ResponseStatusException;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a query's answer; an unknown id (the read side's not-found failure) is an empty answer. */
public final class Answers {

    private static final long TIMEOUT_SECONDS = 30;

    private Answers() {
    }

    public static <R> Optional<R> await(CompletableFuture<R> answer) {
        try {
            return Optional.of(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("查询被中断", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("查询超时", e);
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ErrorResponse refused
                        && refused.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                    return Optional.empty();
                }
            }
            throw new IllegalStateException("查询失败", e.getCause());
        }
    }

    /** The answer, or the console's 404 page. */
    public static <R> R found(CompletableFuture<R> answer) {
        return await(answer).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
