package io.duban.console.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindCommitments;
import io.duban.query.api.board.FindUnits;
import io.duban.query.api.board.UnitSummary;
import io.duban.query.api.light.LightColor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads 总览 through the query bus: three queries per page view whatever the number of units or commitments
 * (the units with their light counts, the overdue list, the warning list), never one per row.
 */
@Component
class OverviewReader {

    /** Rows per list on the page. */
    static final int TOP = 10;
    private static final long TIMEOUT_SECONDS = 30;
    /** Worst first, as the board shows them. */
    private static final List<LightColor> ORDER = List.of(LightColor.RED, LightColor.YELLOW, LightColor.GREEN,
            LightColor.DONE, LightColor.NONE);

    private final QueryGateway queries;
    private final Clock clock;
    private final ObjectMapper json;
    private final int dueSoonDays;

    OverviewReader(QueryGateway queries, Clock clock, ObjectMapper json,
                   @Value("${duban.board.due-soon-days:14}") int dueSoonDays) {
        this.queries = queries;
        this.clock = clock;
        this.json = json;
        this.dueSoonDays = dueSoonDays;
    }

    Overview read() {
        LocalDate today = LocalDate.now(clock);
        CompletableFuture<List<UnitSummary>> units =
                queries.query(new FindUnits(), ResponseTypes.multipleInstancesOf(UnitSummary.class));
        CompletableFuture<List<CommitmentSummary>> red = commitments(LightColor.RED);
        CompletableFuture<List<CommitmentSummary>> yellow = commitments(LightColor.YELLOW);

        List<UnitSummary> unitList = await(units).orElseThrow();
        Optional<List<CommitmentSummary>> overdue = await(red);
        Optional<List<CommitmentSummary>> warned = await(yellow);

        Map<LightColor, Integer> totals = new EnumMap<>(LightColor.class);
        unitList.forEach(unit -> unit.lights().forEach((color, n) -> totals.merge(color, n, Integer::sum)));
        List<Overview.LightCount> lights = ORDER.stream()
                .map(color -> new Overview.LightCount(key(color), color.label(), totals.getOrDefault(color, 0)))
                .toList();
        int expected = lights.stream().mapToInt(Overview.LightCount::count).sum();

        List<Overview.Row> overdueRows = overdue.orElse(List.of()).stream()
                .map(c -> row(c, today, true))
                .sorted(Comparator.comparing(Overview.Row::due, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        LocalDate horizon = today.plusDays(dueSoonDays);
        List<Overview.Row> dueSoonRows = warned.orElse(List.of()).stream()
                .map(c -> row(c, today, false))
                .filter(r -> r.due() != null && !r.due().isBefore(today) && !r.due().isAfter(horizon))
                .sorted(Comparator.comparing(Overview.Row::due))
                .toList();
        return new Overview(today, dueSoonDays, lights, expected,
                overdueRows.subList(0, Math.min(TOP, overdueRows.size())), overdueRows.size(),
                dueSoonRows.subList(0, Math.min(TOP, dueSoonRows.size())), dueSoonRows.size(),
                overdue.isEmpty() || warned.isEmpty(), chart(unitList));
    }

    private CompletableFuture<List<CommitmentSummary>> commitments(LightColor light) {
        return queries.query(new FindCommitments(null, null, null, light),
                ResponseTypes.multipleInstancesOf(CommitmentSummary.class));
    }

    private static Overview.Row row(CommitmentSummary c, LocalDate today, boolean overdue) {
        LocalDate due = c.dueDate();
        if (c.nextMilestone() != null && c.nextMilestone().dueDate() != null
                && (due == null || c.nextMilestone().dueDate().isBefore(due))) {
            due = c.nextMilestone().dueDate();
        }
        long days = due == null ? 0 : Math.abs(ChronoUnit.DAYS.between(today, due));
        String reason = c.light().reasons().isEmpty() ? "" : c.light().reasons().get(0);
        return new Overview.Row(c.commitmentId(), c.policyId(), c.itemNumber(), c.unitName(), c.progress(), due,
                overdue && due != null && !due.isBefore(today) ? 0 : days, reason);
    }

    /** Lights by unit, the units with most overdue and warned items first; units without items are left out. */
    private String chart(List<UnitSummary> units) {
        List<UnitSummary> shown = new ArrayList<>(units.stream().filter(u -> u.itemCount() > 0).toList());
        shown.sort(Comparator.comparing((UnitSummary u) -> -count(u, LightColor.RED))
                .thenComparing(u -> -count(u, LightColor.YELLOW)));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("units", shown.stream().map(UnitSummary::name).toList());
        List<Map<String, Object>> series = new ArrayList<>();
        for (LightColor color : ORDER) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("key", key(color));
            s.put("name", color.label());
            s.put("data", shown.stream().map(u -> count(u, color)).toList());
            series.add(s);
        }
        chart.put("series", series);
        try {
            return json.writeValueAsString(chart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int count(UnitSummary unit, LightColor color) {
        return unit.lights().getOrDefault(color, 0);
    }

    static String key(LightColor color) {
        return switch (color) {
            case RED -> "red";
            case YELLOW -> "yellow";
            case GREEN -> "green";
            case DONE -> "done";
            case NONE -> "none";
        };
    }

    /** The answer, or empty when the list is over the service's bound (422 query.too-broad). */
    private static <R> Optional<R> await(CompletableFuture<R> answer) {
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
                        && refused.getStatusCode().value() == HttpStatus.UNPROCESSABLE_ENTITY.value()) {
                    return Optional.empty();
                }
            }
            throw new IllegalStateException("查询失败", e.getCause());
        }
    }
}
