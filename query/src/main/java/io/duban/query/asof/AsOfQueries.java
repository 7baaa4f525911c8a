package io.duban.query.asof;

import io.duban.query.api.asof.AsOfBoard;
import io.duban.query.api.asof.FindBoardAsOf;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The as-of board through the query bus, for the edges (the console's audit page). */
@Component
public class AsOfQueries {

    private final AsOfReplay replay;

    public AsOfQueries(AsOfReplay replay) {
        this.replay = replay;
    }

    /**
     * Replays on another thread: the bus runs this handler inside its own unit of work, and the projections' writes
     * would join that unit of work's root and reach the scratch database only after the handler returned (an empty
     * board). The REST controller calls the replay directly, outside any unit of work, with the same result.
     */
    @QueryHandler
    public AsOfBoard handle(FindBoardAsOf query) {
        try {
            return CompletableFuture.supplyAsync(() -> replay.board(query.policyId(), query.at())).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
