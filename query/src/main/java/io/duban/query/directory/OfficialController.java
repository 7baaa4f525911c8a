package io.duban.query.directory;

import io.duban.query.api.directory.OfficialView;
import io.duban.query.api.directory.FindOfficials;
import io.duban.query.api.directory.FindOfficial;
import io.duban.command.api.OfficialRole;
import io.duban.query.web.QueryCalls;
import io.duban.query.web.RequestParams;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read API: the directory of officials (who may act for which unit, since when, and who changed it). */
@RestController
@RequestMapping("/api/officials")
public class OfficialController {

    private final QueryCalls queries;

    public OfficialController(QueryCalls queries) {
        this.queries = queries;
    }

    /**
     * @param active {@code true} (the default): only people in the directory now; {@code false}: removed ones too
     */
    @GetMapping
    public List<OfficialView> officials(@RequestParam(required = false) String unitId,
                                        @RequestParam(required = false) String role,
                                        @RequestParam(required = false) String active) {
        FindOfficials query = new FindOfficials(RequestParams.optional(unitId),
                RequestParams.enumValue("role", role, OfficialRole.class),
                RequestParams.booleanValue("active", active, true));
        return queries.many(query, OfficialView.class);
    }

    @GetMapping("/{userId}")
    public OfficialView official(@PathVariable String userId) {
        return queries.one(new FindOfficial(userId), OfficialView.class);
    }
}
