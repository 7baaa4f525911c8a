package io.duban.query.audit.readlog;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * The inspectors' read log, kept in the event store's database: it lives as long as the history it is about, a view
 * rebuild (which drops MongoDB collections) never touches it, and it is backed up with the events.
 */
@Configuration(proxyBeanMethods = false)
public class AuditLogConfiguration {

    @Bean
    public AuditReadLog auditReadLog(DataSource dataSource) {
        AuditReadTable.createMissing(dataSource);
        return new AuditReadLog(dataSource);
    }

    /** After Spring Security's filter chain (order -100), so the authenticated user is known. */
    @Bean
    public FilterRegistrationBean<AuditReadFilter> auditReadFilter(AuditReadLog readLog, Clock clock) {
        FilterRegistrationBean<AuditReadFilter> registration =
                new FilterRegistrationBean<>(new AuditReadFilter(readLog, clock));
        registration.addUrlPatterns("/api/*", "/console/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 10);
        return registration;
    }
}
