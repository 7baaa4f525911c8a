package io.duban.command.directory;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * {@code duban.directory.officials}: people appointed at start-up (the embedded default loads clearly fake demo
 * officials). Applying the same seed again records nothing; the office manages the directory over REST as well.
 */
@ConfigurationProperties("duban.directory")
public record DirectoryProperties(List<SeedOfficial> officials) {

    public DirectoryProperties {
        officials = officials == null ? List.of() : List.copyOf(officials);
    }
}
