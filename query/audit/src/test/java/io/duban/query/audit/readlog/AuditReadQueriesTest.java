package io.duban.query.audit.readlog;

import io.duban.query.api.audit.AuditReadPage;
import io.duban.query.api.audit.FindAuditReads;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The read log a page at a time, newest first, narrowed by person and time. */
class AuditReadQueriesTest {

    @Test
    void pagesNewestFirstWithTheTotal() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reads-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        AuditReadTable.createMissing(dataSource);
        AuditReadLog log = new AuditReadLog(dataSource);
        Instant t0 = Instant.parse("2026-10-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            log.record("inspector", "GET", "/console/audit", "page=" + i, 200, t0.plusSeconds(i));
        }
        log.record("other", "GET", "/api/units", null, 200, t0.plusSeconds(10));
        AuditReadQueries queries = new AuditReadQueries(log);

        AuditReadPage second = queries.handle(new FindAuditReads(" inspector ", null, null, 1, 2));
        assertThat(second.total()).isEqualTo(5);
        assertThat(second.pages()).isEqualTo(3);
        assertThat(second.rows()).extracting(AuditReadPage.Row::queryString).containsExactly("page=2", "page=1");

        AuditReadPage all = queries.handle(new FindAuditReads(null, t0.plusSeconds(4), null, 0, 50));
        assertThat(all.rows()).extracting(AuditReadPage.Row::userId).containsExactly("other", "inspector");
        assertThat(queries.handle(new FindAuditReads(null, null, t0, 0, 50)).total()).isZero();
    }
}
