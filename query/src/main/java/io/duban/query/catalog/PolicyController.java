package io.duban.query.catalog;

import io.duban.query.api.catalog.PolicyView;
import io.duban.query.api.catalog.FindPolicy;
import io.duban.query.api.catalog.FindPolicies;
import io.duban.query.web.QueryCalls;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API for imported policies. */
@RestController
@RequestMapping("/api/policies")
public class PolicyController {

    private final QueryCalls queries;

    public PolicyController(QueryCalls queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<PolicyView> policies() {
        return queries.many(new FindPolicies(), PolicyView.class);
    }

    @GetMapping("/{policyId}")
    public PolicyView policy(@PathVariable String policyId) {
        return queries.one(new FindPolicy(policyId), PolicyView.class);
    }
}
