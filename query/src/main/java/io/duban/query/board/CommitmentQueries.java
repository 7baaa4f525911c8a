package io.duban.query.board;

import io.duban.query.api.board.FindCommitments;
import io.duban.query.api.board.FindCommitment;
import io.duban.query.api.board.CommitmentSummary;
import io.duban.query.api.board.CommitmentDetail;
import io.duban.query.commitment.CommitmentReader;
import io.duban.query.api.commitment.CommitmentView;
import io.duban.query.api.light.Light;
import io.duban.query.api.light.LightColor;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.NotFoundException;
import io.duban.query.web.TooBroadException;
import org.springframework.beans.factory.annotation.Autowired;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Answers the commitment queries from the commitments view, adding the lights. */
@Component
public class CommitmentQueries {

    private final CommitmentReader commitments;
    private final TrafficLights lights;
    private final ListLimits limits;

    @Autowired
    public CommitmentQueries(CommitmentReader commitments, TrafficLights lights, ListLimits limits) {
        this.commitments = commitments;
        this.lights = lights;
        this.limits = limits;
    }

    public CommitmentQueries(CommitmentReader commitments, TrafficLights lights) {
        this(commitments, lights, ListLimits.defaults());
    }

    @QueryHandler
    public CommitmentDetail handle(FindCommitment query) {
        CommitmentView commitment = commitments.byId(query.commitmentId())
                .orElseThrow(() -> new NotFoundException("未找到承诺事项：" + query.commitmentId()));
        return CommitmentDetail.of(commitment, lights.of(commitment));
    }

    @QueryHandler
    public List<CommitmentSummary> handle(FindCommitments query) {
        List<CommitmentSummary> found = new ArrayList<>();
        // one more than allowed, to tell "exactly the bound" from "over it" without counting separately
        int bound = limits.maxListRows();
        List<CommitmentView> candidates = query.light() == LightColor.RED
                ? commitments.findPossiblyOverdue(query.unitId(), query.policyId(), query.itemNumber(), lights.today(),
                bound + 1)
                : commitments.find(query.unitId(), query.policyId(), query.itemNumber(), bound + 1);
        if (candidates.size() > bound) {
            throw new TooBroadException("符合条件的承诺事项超过 " + bound + " 条，请按责任单位（unitId）、政策文件（policyId）"
                    + "或事项序号（itemNumber）缩小查询范围");
        }
        for (CommitmentView commitment : candidates) {
            Light light = lights.of(commitment);
            if (query.light() == null || query.light() == light.color()) {
                found.add(CommitmentSummary.of(commitment, light));
            }
        }
        return found;
    }
}
