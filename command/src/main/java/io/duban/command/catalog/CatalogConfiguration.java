package io.duban.command.catalog;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BundledPolicyProperties.class)
class CatalogConfiguration {

    /** Injected into the Policy aggregate's import handler. */
    @Bean
    PolicyDocumentParser policyDocumentParser() {
        return new PolicyDocumentParser();
    }
}
