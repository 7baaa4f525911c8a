package io.duban.command.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code duban.catalog.*}: the policy imported on start-up. Defaults to the bundled 内政发〔2023〕1号.
 *
 * @param importOnStartup whether to import it (idempotent, so it is safe on every start)
 * @param policyId        the id it is imported under
 * @param location        a Spring resource location of the UTF-8 text
 */
@ConfigurationProperties("duban.catalog")
public record BundledPolicyProperties(@DefaultValue("true") boolean importOnStartup,
                                      @DefaultValue("nzf-2023-1") String policyId,
                                      @DefaultValue("classpath:policies/nzf-2023-1.txt") String location) {
}
