package io.duban.deploy.evidence;

import io.duban.deploy.eventstore.DatabaseDialect;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Clock;

/** Where the product keeps 佐证材料: with the events (see {@link JdbcEvidenceStorage}). */
@Configuration(proxyBeanMethods = false)
public class EvidenceStorageConfiguration {

    @Bean
    public JdbcEvidenceStorage evidenceStorage(DataSource dataSource, DatabaseDialect dialect, Clock clock) {
        return new JdbcEvidenceStorage(new org.springframework.jdbc.core.JdbcTemplate(dataSource), dialect, clock);
    }
}
