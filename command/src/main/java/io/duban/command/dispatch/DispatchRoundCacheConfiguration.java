package io.duban.command.dispatch;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps loaded dispatch rounds in memory between commands. A round's stream grows by one event per commitment that
 * joins or reports in the quarter, and every registration and every report sends it a command: sourced from the
 * store each time, the quarter cost O(n²) event reads (10,000 commitments, tens of millions of events deserialized)
 * and the dispatch-reports processor fell far behind. Entries are weak (the heap may take them back) and Axon drops
 * an entry when its unit of work rolls back, so a round another node changed meanwhile is read again from the store
 * when its append loses the race, and the command is retried ({@code CommandRetryConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class DispatchRoundCacheConfiguration {

    public static final String BEAN = "dispatchRoundCache";

    @Bean(BEAN)
    public Cache dispatchRoundCache() {
        return new WeakReferenceCache();
    }
}
