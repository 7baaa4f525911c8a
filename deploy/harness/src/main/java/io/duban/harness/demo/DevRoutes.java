package io.duban.harness.demo;

import io.duban.deploy.security.ApiSecurityExtension;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

import java.time.Clock;

/**
 * The demo endpoints' place in the product's security chain: what the bot sent and the fake's faults are the
 * office's; a unit account replies only as its own officials (checked in {@link FakeDingTalkController}, which knows
 * the directory); any other {@code /api/dev} path is refused. Every call is logged ({@link DevEndpointAccessLog}).
 */
class DevRoutes implements ApiSecurityExtension {

    private final Clock clock;

    DevRoutes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authorize(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes) {
        routes.requestMatchers(HttpMethod.GET, "/api/dev/dingtalk/messages").hasRole("OFFICE")
                .requestMatchers(HttpMethod.POST, "/api/dev/dingtalk/faults").hasRole("OFFICE")
                .requestMatchers(HttpMethod.POST, "/api/dev/dingtalk/replies").hasAnyRole("UNIT", "OFFICE")
                .requestMatchers("/api/dev/**").denyAll();
    }

    @Override
    public void addFilters(HttpSecurity http) {
        // after authentication, before authorization: it knows the account and sees the 403 of a route rule
        http.addFilterAfter(new DevEndpointAccessLog(clock), BasicAuthenticationFilter.class);
    }
}
