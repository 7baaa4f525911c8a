package io.duban.deploy.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MongoDB-wire server used when no external MongoDB is configured.
 *
 * @param port TCP port on 127.0.0.1; 0 (default) picks a free port, logged at start-up
 * @param file the H2 MVStore file holding the views; blank means {@code ${duban.data-dir}/views.mv}
 * @param cacheMib the MVStore's page cache in MiB. The server keeps documents Java-serialized in MVStore pages and a
 *                 query that is not by {@code _id} reads every page of the collection: once a view outgrows the
 *                 cache, each such query deserializes it from the file again (measured: the overdue list over 25,000
 *                 commitments takes 2.7 s with 16 MiB, 0.75 s with 128 MiB). The heap must hold it besides the app.
 */
@ConfigurationProperties("duban.embedded-mongo")
public record EmbeddedMongoProperties(@DefaultValue("0") int port, String file,
                                      @DefaultValue("" + EmbeddedMongoProperties.DEFAULT_CACHE_MIB) int cacheMib) {

    /** H2's own default. */
    public static final int DEFAULT_CACHE_MIB = 16;

    public EmbeddedMongoProperties {
        if (cacheMib < 1) {
            throw new IllegalArgumentException("duban.embedded-mongo.cache-mib must be at least 1, was " + cacheMib);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("duban.embedded-mongo.port must be 0..65535, was " + port);
        }
    }
}
