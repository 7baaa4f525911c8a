package io.duban.query.directory;

import io.duban.query.api.directory.OfficialView;
import io.duban.query.api.directory.FindOfficials;
import io.duban.query.api.directory.FindOfficial;
import io.duban.query.web.NotFoundException;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/** Answers the directory queries from the {@code officials} view. */
@Component
public class OfficialQueries {

    private final OfficialReader officials;

    public OfficialQueries(OfficialReader officials) {
        this.officials = officials;
    }

    @QueryHandler
    public List<OfficialView> handle(FindOfficials query) {
        return officials.find(query.unitId(), query.role(), query.activeOnly());
    }

    @QueryHandler
    public OfficialView handle(FindOfficial query) {
        return officials.byId(query.userId())
                .orElseThrow(() -> new NotFoundException("未找到人员：" + query.userId()));
    }
}
