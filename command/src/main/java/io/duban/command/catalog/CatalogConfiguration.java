package io.duban.command.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

@Configuration
@EnableConfigurationProperties({BundledPolicyProperties.class, UnitListProperties.class})
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    /** The bundled list, plus the office's file when one is set; a broken or missing file stops start-up. */
    @Bean
    KnownUnits knownUnits(UnitListProperties properties, ResourceLoader resources) {
        String extra = properties.extraLocation();
        if (extra == null || extra.isBlank()) {
            return KnownUnits.bundled();
        }
        List<InputStream> opened = new ArrayList<>();
        try {
            InputStream bundled = CatalogConfiguration.class.getResourceAsStream(KnownUnits.BUNDLED);
            opened.add(bundled);
            InputStream office = open(resources.getResource(extra), extra);
            opened.add(office);
            KnownUnits units = KnownUnits.read(List.of(new KnownUnits.Source("classpath:" + KnownUnits.BUNDLED, bundled),
                    new KnownUnits.Source(extra, office)));
            log.info("Loaded the {} (bundled list and {})", units, extra);
            return units;
        } finally {
            for (InputStream in : opened) {
                try {
                    if (in != null) {
                        in.close();
                    }
                } catch (IOException ignored) {
                    // nothing was written; a failed close of a read-only stream loses nothing
                }
            }
        }
    }

    private static InputStream open(Resource resource, String location) {
        try {
            return resource.getInputStream();
        } catch (FileNotFoundException | java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("Unit list not found at duban.catalog.units.extra-location=" + location, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the unit list at duban.catalog.units.extra-location="
                    + location, e);
        }
    }

    /** Injected into the Policy aggregate's import handler and the preview. */
    @Bean
    PolicyDocumentParser policyDocumentParser(KnownUnits knownUnits) {
        return new PolicyDocumentParser(knownUnits);
    }
}
