package io.duban.query.escalation;

import io.duban.query.api.escalation.FindEscalations;
import io.duban.query.api.escalation.EscalationEntry;
import io.duban.query.web.QueryCalls;
import io.duban.query.web.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API: the office's escalation list (open cases, highest level first). */
@RestController
@RequestMapping("/api/escalations")
public class EscalationController {

    private final QueryCalls queries;

    public EscalationController(QueryCalls queries) {
        this.queries = queries;
    }

    @GetMapping
    public List<EscalationEntry> escalations(@RequestParam(required = false) String unitId) {
        return queries.many(new FindEscalations(RequestParams.optional(unitId)), EscalationEntry.class);
    }
}
