package io.duban.query;

import io.duban.query.board.ListLimits;
import io.duban.query.light.BoardProperties;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wiring of the read side. Needs from the application: a {@link java.time.Clock} bean whose zone is the business
 * zone, a {@code MongoTemplate}, and Axon with an event store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({BoardProperties.class, ListLimits.class})
public class QueryModuleConfiguration {

    /**
     * A view must not skip an event it failed to apply: Axon's default listener error handler only logs. Propagating
     * the error makes the processor roll the batch back and retry it (with back-off) until MongoDB answers again.
     */
    @Bean
    public ConfigurerModule viewErrorHandling() {
        return configurer -> ProcessingGroups.ALL.forEach(group -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(group, configuration -> PropagatingErrorHandler.instance()));
    }
}
