package io.duban.query.board;

import io.duban.query.api.board.FindCommitments;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.api.light.LightColor;
import io.duban.query.web.QueryCalls;
import io.duban.query.web.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API: commitments, filtered, and one commitment in full. */
@RestController
@RequestMapping("/api/commitments")
public class CommitmentController {

    private final QueryCalls queries;

    public CommitmentController(QueryCalls queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<CommitmentSummary> commitments(@RequestParam(required = false) String unitId,
                                               @RequestParam(required = false) String policyId,
                                               @RequestParam(required = false) String itemNumber,
                                               @RequestParam(required = false) String light) {
        FindCommitments query = new FindCommitments(RequestParams.optional(unitId), RequestParams.optional(policyId),
                RequestParams.itemNumber("itemNumber", itemNumber), RequestParams.enumValue("light", light, LightColor.class));
        return queries.many(query, CommitmentSummary.class);
    }

    @GetMapping("/{commitmentId}")
    public CommitmentDetail commitment(@PathVariable String commitmentId) {
        return queries.one(new FindCommitment(commitmentId), CommitmentDetail.class);
    }
}
