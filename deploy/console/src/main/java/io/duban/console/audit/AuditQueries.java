package io.duban.console.audit;

import io.duban.command.api.problem.ProblemException;
import io.duban.query.api.board.FindUnits;
import io.duban.query.api.board.UnitSummary;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How the audit pages ask the query bus: wait for the answer; a refusal of the read side (a 400 or 404 problem with
 * its Chinese detail, however the bus wrapped it) comes back as a {@link Refused} for the page to show by the field.
 */
@Component
class AuditQueries {

    private static final long TIMEOUT_SECONDS = 60;

    private final QueryGateway gateway;

    AuditQueries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    <R> R one(Object query, Class<R> type) {
        return await(gateway.query(query, ResponseTypes.instanceOf(type)));
    }

    <R> List<R> many(Object query, Class<R> type) {
        return await(gateway.query(query, ResponseTypes.multipleInstancesOf(type)));
    }

    /** Unit id → name, in the units list's order (one query for the whole page). */
    Map<String, String> unitNames() {
        Map<String, String> names = new LinkedHashMap<>();
        many(new FindUnits(), UnitSummary.class).forEach(unit -> names.put(unit.unitId(), unit.name()));
        return names;
    }

    private static <R> R await(CompletableFuture<R> answer) {
        try {
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("查询被中断", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("查询超时", e);
        } catch (ExecutionException e) {
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                if (t instanceof ProblemException problem && problem.getStatusCode().is4xxClientError()) {
                    throw new Refused(problem.getBody().getDetail());
                }
            }
            throw new IllegalStateException("查询失败", e.getCause());
        }
    }

    /** The read side refused the question; {@code getMessage()} is its Chinese detail. */
    static final class Refused extends RuntimeException {
        Refused(String detail) {
            super(detail);
        }
    }
}
