package io.duban.deploy.eventstore;

import org.axonframework.eventhandling.tokenstore.jdbc.GenericTokenTableFactory;

/** Axon's token table with the token stored in the row on H2 (see {@link H2EventTableFactory#H2_MESSAGE_BYTES}). */
final class H2TokenTableFactory extends GenericTokenTableFactory {

    static final H2TokenTableFactory INSTANCE = new H2TokenTableFactory();

    private H2TokenTableFactory() {
    }

    @Override
    protected String tokenType() {
        return H2EventTableFactory.H2_MESSAGE_BYTES;
    }
}
