package io.duban.query.asof;

import io.duban.query.api.asof.AsOfBoard;
import io.duban.query.api.asof.FindBoardAsOf;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** The as-of board through the query bus, for the edges (the console's audit page). */
@Component
public class AsOfQueries {

    private final AsOfReplay replay;

    public AsOfQueries(AsOfReplay replay) {
        this.replay = replay;
    }

    @QueryHandler
    public AsOfBoard handle(FindBoardAsOf query) {
        return replay.board(query.policyId(), query.at());
    }
}
