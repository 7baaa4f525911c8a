package io.duban.console.dispatch;

import io.duban.query.api.dispatch.DigestFile;
import io.duban.query.api.dispatch.DispatchDigest;
import io.duban.query.api.dispatch.DispatchRoundView;
import io.duban.query.api.dispatch.FindDispatchDigest;
import io.duban.query.api.dispatch.FindDispatchDigestCsv;
import io.duban.query.api.dispatch.FindDispatchRounds;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Reads 季度调度 through the query bus: the rounds, and one round's digest (two queries per page view). */
@Component
class DispatchReader {

    private static final long TIMEOUT_SECONDS = 30;

    private final QueryGateway queries;

    DispatchReader(QueryGateway queries) {
        this.queries = queries;
    }

    /** Latest first. */
    List<DispatchRoundView> rounds() {
        return await(queries.query(new FindDispatchRounds(), ResponseTypes.multipleInstancesOf(DispatchRoundView.class)))
                .orElse(List.of());
    }

    Optional<DispatchDigest> digest(String roundId) {
        return await(queries.query(new FindDispatchDigest(roundId), DispatchDigest.class));
    }

    /** The digest as the CSV file the REST API serves; empty for an unknown round. */
    Optional<DigestFile> csv(String roundId) {
        return await(queries.query(new FindDispatchDigestCsv(roundId), DigestFile.class));
    }

    /** The answer; empty when the read side does not know the round (404). */
    private static <R> Optional<R> await(CompletableFuture<R> answer) {
        try {
            return Optional.ofNullable(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("查询被中断", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("查询超时", e);
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ErrorResponse refused && refused.getStatusCode().value() == 404) {
                    return Optional.empty();
                }
            }
            throw new IllegalStateException("查询失败", e.getCause());
        }
    }
}
