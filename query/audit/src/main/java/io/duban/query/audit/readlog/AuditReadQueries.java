package io.duban.query.audit.readlog;

import io.duban.query.api.audit.AuditReadPage;
import io.duban.query.api.audit.FindAuditReads;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/** Answers {@link FindAuditReads} from the read log, a page at a time. */
@Component
public class AuditReadQueries {

    private final AuditReadLog readLog;

    public AuditReadQueries(AuditReadLog readLog) {
        this.readLog = readLog;
    }

    @QueryHandler
    public AuditReadPage handle(FindAuditReads query) {
        String userId = query.userId() == null || query.userId().isBlank() ? null : query.userId().trim();
        AuditReadLog.Page page = readLog.page(userId, query.from(), query.to(), query.page(), query.size());
        return new AuditReadPage(page.rows().stream().map(r -> new AuditReadPage.Row(r.id(), r.userId(), r.method(),
                r.path(), r.queryString(), r.status(), r.at())).toList(), page.total(), query.page(), query.size());
    }
}
