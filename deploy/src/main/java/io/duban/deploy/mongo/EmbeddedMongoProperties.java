package io.duban.deploy.mongo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded MongoDB-wire server used when no external MongoDB is configured.
 *
 * @param port TCP port on 127.0.0.1; 0 (default) picks a free port, logged at start-up
 * @param file the H2 MVStore file holding the views; blank means {@code ${duban.data-dir}/views.mv}
 */
@ConfigurationProperties("duban.embedded-mongo")
public record EmbeddedMongoProperties(@DefaultValue("0") int port, String file) {

    public EmbeddedMongoProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("duban.embedded-mongo.port must be 0..65535, was " + port);
        }
    }
}
