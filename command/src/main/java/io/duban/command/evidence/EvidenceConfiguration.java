package io.duban.command.evidence;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds {@link EvidenceLimits}; the {@code EvidenceStorage} itself is the deployment's (it lives with the events). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvidenceLimits.class)
class EvidenceConfiguration {
}
