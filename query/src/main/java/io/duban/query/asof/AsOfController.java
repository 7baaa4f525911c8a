package io.duban.query.asof;

import io.duban.query.api.asof.AsOfBoard;
import io.duban.query.web.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Read API "as of": the item board and one commitment as they stood at a past instant, recomputed from the events
 * up to it ({@link AsOfReplay}). {@code at} is a date (the end of that day in the business zone) or an ISO instant.
 */
@RestController
@RequestMapping("/api/as-of")
public class AsOfController {

    private final AsOfReplay replay;

    public AsOfController(AsOfReplay replay) {
        this.replay = replay;
    }

    @GetMapping("/board")
    public AsOfBoard board(@RequestParam(required = false) String policyId, @RequestParam(required = false) String at) {
        return replay.board(RequestParams.optional(policyId), AsOfInstant.parse(at, replay.zone()));
    }

    @GetMapping("/commitments/{commitmentId}")
    public AsOfCommitment commitment(@PathVariable String commitmentId, @RequestParam(required = false) String at) {
        return replay.commitment(commitmentId, AsOfInstant.parse(at, replay.zone()));
    }
}
