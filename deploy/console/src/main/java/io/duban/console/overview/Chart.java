package io.duban.console.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A chart's data as the page script reads it: JSON placed in a {@code data-chart} attribute (escaped by Thymeleaf).
 *
 * @param empty nothing to draw: the page shows its empty state instead of the chart
 */
public record Chart(String json, boolean empty) {

    static Chart of(ObjectMapper mapper, Object data, boolean empty) {
        try {
            return new Chart(mapper.writeValueAsString(data), empty);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A chart not read (its period was refused). */
    static Chart none() {
        return new Chart("{}", true);
    }
}
