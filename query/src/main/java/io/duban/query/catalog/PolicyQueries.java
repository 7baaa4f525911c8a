package io.duban.query.catalog;

import io.duban.query.api.catalog.PolicyView;
import io.duban.query.api.catalog.FindPolicy;
import io.duban.query.api.catalog.FindPolicies;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the policy queries from the {@code policies} view. */
@Component
public class PolicyQueries {

    private final CatalogReader catalog;

    public PolicyQueries(CatalogReader catalog) {
        this.catalog = catalog;
    }

    @QueryHandler
    public List<PolicyView> handle(FindPolicies query) {
        return catalog.policies();
    }

    @QueryHandler
    public PolicyView handle(FindPolicy query) {
        return catalog.policy(query.policyId())
                .orElseThrow(() -> new NotFoundException("未找到政策文件：" + query.policyId()));
    }
}
