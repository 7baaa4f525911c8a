package io.duban.query.board;

import io.duban.query.commitment.CommitmentReader;
import io.duban.query.commitment.CommitmentView;
import io.duban.query.light.Light;
import io.duban.query.light.LightColor;
import io.duban.query.light.TrafficLights;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Answers the commitment queries from the commitments view, adding the lights. */
@Component
public class CommitmentQueries {

    private final CommitmentReader commitments;
    private final TrafficLights lights;

    public CommitmentQueries(CommitmentReader commitments, TrafficLights lights) {
        this.commitments = commitments;
        this.lights = lights;
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
        List<CommitmentView> candidates = query.light() == LightColor.RED
                ? commitments.findPossiblyOverdue(query.unitId(), query.policyId(), query.itemNumber(), lights.today())
                : commitments.find(query.unitId(), query.policyId(), query.itemNumber());
        for (CommitmentView commitment : candidates) {
            Light light = lights.of(commitment);
            if (query.light() == null || query.light() == light.color()) {
                found.add(CommitmentSummary.of(commitment, light));
            }
        }
        return found;
    }
}
