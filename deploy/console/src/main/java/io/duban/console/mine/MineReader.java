package io.duban.console.mine;

import io.duban.console.commitment.Answers;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.FindUnitBoard;
import io.duban.query.api.board.UnitBoard;
import io.duban.query.api.light.LightColor;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** Reads 我的承诺: one unit board per unit of the account (usually one), never a query per row. */
@Component
class MineReader {

    /** Worst first, as the board shows them. */
    private static final List<LightColor> ORDER = List.of(LightColor.RED, LightColor.YELLOW, LightColor.GREEN,
            LightColor.DONE, LightColor.NONE);

    private final QueryGateway queries;

    MineReader(QueryGateway queries) {
        this.queries = queries;
    }

    MinePage read(Set<String> unitIds) {
        Map<String, CompletableFuture<UnitBoard>> boards = new LinkedHashMap<>();
        for (String unitId : new TreeSet<>(unitIds)) {
            boards.put(unitId, queries.query(new FindUnitBoard(unitId), UnitBoard.class));
        }
        List<MinePage.Row> commitments = new ArrayList<>();
        List<MinePage.OpenItem> unregistered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boards.forEach((unitId, answer) -> {
            Optional<UnitBoard> board = Answers.await(answer);
            if (board.isEmpty()) {
                missing.add(unitId);
                return;
            }
            String unitName = board.get().unit().name();
            for (UnitBoard.UnitBoardRow row : board.get().rows()) {
                CommitmentSummary c = row.commitment();
                if (c == null) {
                    unregistered.add(new MinePage.OpenItem(row.policyId() + "|" + row.number() + "|" + unitId,
                            row.policyId(), row.number(), row.text(), row.articleTitle(), unitName));
                } else {
                    var next = c.nextMilestone();
                    commitments.add(new MinePage.Row(c.commitmentId(), c.policyId(), c.itemNumber(), row.text(),
                            c.unitName(), key(row.light().color()), row.light().label(),
                            row.light().reasons().isEmpty() ? "" : row.light().reasons().get(0), c.progress(),
                            next == null ? null : next.milestoneId(), next == null ? null : next.title(),
                            next == null ? null : next.dueDate(), c.dueDate()));
                }
            }
        });
        commitments.sort(Comparator.comparing((MinePage.Row r) -> ORDER.indexOf(color(r.lightKey())))
                .thenComparing(MinePage.Row::policyId).thenComparing(MinePage.Row::itemNumber));
        return new MinePage(commitments, unregistered, missing);
    }

    private static LightColor color(String key) {
        return ORDER.stream().filter(c -> key(c).equals(key)).findFirst().orElse(LightColor.NONE);
    }

    private static String key(LightColor color) {
        return switch (color) {
            case RED -> "red";
            case YELLOW -> "yellow";
            case GREEN -> "green";
            case DONE -> "done";
            case NONE -> "none";
        };
    }
}
