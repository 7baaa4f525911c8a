package io.duban.deploy.processing;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;

import io.duban.query.ProcessingGroups;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The processors Axon builds from {@link TrackingProcessorsConfiguration}: read from the built processors (Axon has no
 * getters for these settings, hence the fields by name), not from the configuration this class hands over.
 */
class TrackingProcessorsConfigurationTest {

    private static final ProcessorIdleProperties IDLE = new ProcessorIdleProperties(Duration.ofSeconds(5));

    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void everyViewProcessorWaitsForEventsForTheIdleWaitAndTakesItsBatchSize() throws Exception {
        // given two segments, batches of 100 and 500 for the board rows
        var views = new ViewProcessorProperties(2, 100, Map.of(ProcessingGroups.BOARD_ROWS, 500));

        // when Axon builds the processors
        axon = build(views);

        // then
        TrackingEventProcessor commitments = processor(ProcessingGroups.COMMITMENTS);
        assertThat(field(commitments, "eventAvailabilityTimeout")).isEqualTo(5000);
        assertThat(field(commitments, "batchSize")).isEqualTo(100);
        assertThat(field(commitments, "maxThreadCount")).isEqualTo(2);
        assertThat(field(commitments, "segmentsSize")).isEqualTo(2);
        assertThat(field(processor(ProcessingGroups.BOARD_ROWS), "batchSize")).isEqualTo(500);
    }

    @Test
    void aProcessorOutsideTheViewsTakesTheSingleThreadedDefaultWithTheSameIdleWait() throws Exception {
        axon = build(new ViewProcessorProperties(2, 100, Map.of()));

        TrackingEventProcessor other = processor("dispatch-reports");

        assertThat(field(other, "eventAvailabilityTimeout")).isEqualTo(5000);
        assertThat(field(other, "maxThreadCount")).isEqualTo(1);
        assertThat(field(other, "batchSize")).isEqualTo(1);
    }

    @Test
    void quietSetsTheIdleWaitOnAnyConfiguration() {
        TrackingEventProcessorConfiguration configuration = TrackingProcessorsConfiguration.quiet(
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing(), IDLE);

        assertThat(configuration.getEventAvailabilityTimeout()).isEqualTo(5000);
    }

    @Test
    void badViewSettingsAreRefusedAtStartUp() {
        assertThatThrownBy(() -> new ProcessorIdleProperties(Duration.ZERO))
                .hasMessageContaining("duban.processors.idle-wait");
        assertThatThrownBy(() -> new ViewProcessorProperties(0, 100, Map.of()))
                .hasMessageContaining("duban.views.segments");
        assertThatThrownBy(() -> new ViewProcessorProperties(1, 0, Map.of()))
                .hasMessageContaining("duban.views.batch-size");
        assertThatThrownBy(() -> new ViewProcessorProperties(1, 100, Map.of(ProcessingGroups.BOARD_ROWS, -1)))
                .hasMessageContaining("duban.views.batch-sizes.board-rows-view");
        assertThat(new ViewProcessorProperties(1, 100, null).batchSizeOf(ProcessingGroups.BOARD_ROWS)).isEqualTo(100);
    }

    private Configuration build(ViewProcessorProperties views) {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> new InMemoryEventStorageEngine());
        for (String group : ProcessingGroups.ALL) {
            Object handler = new Handler();
            configurer.eventProcessing().registerEventHandler(c -> handler)
                    .assignHandlerInstancesMatching(group, candidate -> candidate == handler);
        }
        Object other = new Handler();
        configurer.eventProcessing().registerEventHandler(c -> other)
                .assignHandlerInstancesMatching("dispatch-reports", candidate -> candidate == other);
        new TrackingProcessorsConfiguration().trackingProcessors(configurer.eventProcessing(), views, IDLE);
        return configurer.buildConfiguration();
    }

    private TrackingEventProcessor processor(String group) {
        return axon.eventProcessingConfiguration().eventProcessor(group, TrackingEventProcessor.class).orElseThrow();
    }

    private static Object field(TrackingEventProcessor processor, String name) throws ReflectiveOperationException {
        Field field = TrackingEventProcessor.class.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(processor);
    }

    static class Handler {
        @EventHandler
        void on(String event) {
            // the processors are built, never started
        }
    }
}
