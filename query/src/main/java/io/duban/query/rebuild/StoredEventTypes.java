package io.duban.query.rebuild;

import java.util.Collection;
import java.util.OptionalLong;

/**
 * Where the event store holds events of given payload types. Implemented by whoever owns the store's schema (the
 * deploy module, with one SQL query), so that checking a view at start-up does not read the whole event stream.
 */
public interface StoredEventTypes {

    /** The global index of the first stored event whose payload type is one of {@code payloadTypes}; empty if none. */
    OptionalLong firstPosition(Collection<String> payloadTypes);
}
