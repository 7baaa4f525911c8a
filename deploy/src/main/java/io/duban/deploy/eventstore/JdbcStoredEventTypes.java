package io.duban.deploy.eventstore;

import java.util.Collection;
import java.util.Collections;
import java.util.OptionalLong;

import javax.sql.DataSource;

import io.duban.query.rebuild.StoredEventTypes;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link StoredEventTypes} with one query on Axon's event table (the payload type column holds the class name). */
@Component
public class JdbcStoredEventTypes implements StoredEventTypes {

    private final JdbcTemplate jdbc;
    private final EventSchema schema;

    public JdbcStoredEventTypes(DataSource dataSource, EventSchema schema, AxonSchemaInitializer tablesCreated) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.schema = schema;
    }

    @Override
    public OptionalLong firstPosition(Collection<String> payloadTypes) {
        if (payloadTypes.isEmpty()) {
            return OptionalLong.empty();
        }
        String placeholders = String.join(",", Collections.nCopies(payloadTypes.size(), "?"));
        Long first = jdbc.queryForObject("SELECT MIN(" + schema.globalIndexColumn() + ") FROM "
                        + schema.domainEventTable() + " WHERE " + schema.payloadTypeColumn() + " IN (" + placeholders + ")",
                Long.class, payloadTypes.toArray());
        return first == null ? OptionalLong.empty() : OptionalLong.of(first);
    }
}
