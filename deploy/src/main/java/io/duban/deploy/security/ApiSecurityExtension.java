package io.duban.deploy.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * What an assembly that runs the product adds to the API's one security chain: route rules for endpoints of its own
 * (the harness's demo endpoints) and filters around them. They get the product's logins, login throttle and problem
 * answers. The product itself declares none: without such a bean the chain is exactly the product's.
 */
public interface ApiSecurityExtension {

    /** Rules tried before the product's own (the first rule that matches a request decides). */
    void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

    /** Filters to add, e.g. {@code http.addFilterAfter(filter, BasicAuthenticationFilter.class)}. */
    default void addFilters(HttpSecurity http) {
    }
}
