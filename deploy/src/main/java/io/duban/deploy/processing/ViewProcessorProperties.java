package io.duban.deploy.processing;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The view processors' settings ({@code duban.views.*}).
 *
 * @param segments   segments of each view processor, and threads per node to process them (see application.yml)
 * @param batchSize  events per batch of a view processor: one bulk write per view per batch (Axon's default of 1
 *                   saves a token per event and replayed ~3.5x slower)
 * @param batchSizes per-view exceptions to {@code batchSize}, by processing group
 */
@ConfigurationProperties("duban.views")
public record ViewProcessorProperties(@DefaultValue("1") int segments, @DefaultValue("100") int batchSize,
                                      Map<String, Integer> batchSizes) {

    public ViewProcessorProperties {
        if (segments < 1) {
            throw new IllegalArgumentException("duban.views.segments must be positive, was " + segments);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("duban.views.batch-size must be positive, was " + batchSize);
        }
        batchSizes = batchSizes == null ? Map.of() : Map.copyOf(batchSizes);
        batchSizes.forEach((group, size) -> {
            if (size == null || size < 1) {
                throw new IllegalArgumentException("duban.views.batch-sizes." + group + " must be positive, was "
                        + size);
            }
        });
    }

    int batchSizeOf(String processingGroup) {
        return batchSizes.getOrDefault(processingGroup, batchSize);
    }
}
