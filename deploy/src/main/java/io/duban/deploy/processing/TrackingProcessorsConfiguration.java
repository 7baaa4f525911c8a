package io.duban.deploy.processing;

import java.util.concurrent.TimeUnit;

import io.duban.query.ProcessingGroups;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The tracking processors' settings, in code rather than under {@code axon.eventhandling.processors}: Axon's
 * properties cannot set how long an idle processor waits for events, and a processor listed there is configured by
 * Axon's auto-configuration, which would replace this one.
 * <p>
 * One processor per view ({@link ProcessingGroups#ALL}), each with {@code duban.views.segments} segments and as many
 * threads (events of one aggregate always go to the same segment, in order) and {@code duban.views.batch-size}
 * events a batch ({@code board-rows-view} takes 500: it writes each row and each unit's digest once per batch, so a
 * larger batch is fewer writes of large digests). Every other tracking processor (dispatch-reports) takes Axon's
 * single-threaded default; all wait {@code duban.processors.idle-wait} for events between two claim extensions.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ViewProcessorProperties.class, ProcessorIdleProperties.class})
public class TrackingProcessorsConfiguration {

    @Autowired
    void trackingProcessors(EventProcessingConfigurer processing, ViewProcessorProperties views,
                            ProcessorIdleProperties idle) {
        processing.registerTrackingEventProcessorConfiguration(
                c -> quiet(TrackingEventProcessorConfiguration.forSingleThreadedProcessing(), idle));
        for (String group : ProcessingGroups.ALL) {
            processing.registerTrackingEventProcessorConfiguration(group, c -> quiet(
                    TrackingEventProcessorConfiguration.forParallelProcessing(views.segments())
                            .andInitialSegmentsCount(views.segments())
                            .andBatchSize(views.batchSizeOf(group)), idle));
        }
    }

    static TrackingEventProcessorConfiguration quiet(TrackingEventProcessorConfiguration configuration,
                                                     ProcessorIdleProperties idle) {
        return configuration.andEventAvailabilityTimeout(idle.idleWait().toMillis(), TimeUnit.MILLISECONDS);
    }
}
