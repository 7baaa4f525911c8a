package io.duban.deploy.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.duban.command.access.AccountProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * HTTP Basic over a stateless API. Roles gate the routes coarsely (inspectors never write, only the office imports);
 * the aggregates then check the finer rules (a unit acts only on its own commitments). Failed logins are logged and
 * throttled per account and per client address ({@link LoginThrottle}). An assembly running the product may add rules
 * for endpoints of its own ({@link ApiSecurityExtension}); the product adds none.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ObjectMapper json, UserDetailsService accounts,
                            AccountProperties configured, PasswordEncoder passwordEncoder, LoginThrottle throttle,
                            ObjectProvider<HandlerMapping> handlerMappings,
                            ObjectProvider<ApiSecurityExtension> extensions) throws Exception {
        KnownRoutes routes = new KnownRoutes(handlerMappings);
        List<ApiSecurityExtension> added = extensions.orderedStream().toList();
        http.authenticationManager(new ProviderManager(
                        new AccountAuthentication(accounts, configured, passwordEncoder, throttle)))
                .csrf(AbstractHttpConfigurer::disable) // no cookies or sessions: Basic credentials on every call
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(auth -> {
                    added.forEach(extension -> extension.authorize(auth));
                    auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/v3/api-docs/**",
                                "/swagger-ui/**", "/swagger-ui.html", "/error").permitAll()
                        // DingTalk authenticates its callbacks by HMAC signature, checked in the controller
                        .requestMatchers(HttpMethod.POST, "/api/dingtalk/callback").permitAll()
                        // operators' own credential: metrics for monitoring, no business data
                        .requestMatchers(HttpMethod.GET, "/actuator/prometheus", "/actuator/metrics",
                                "/actuator/metrics/**").hasRole("OPERATOR")
                        .requestMatchers(HttpMethod.POST, "/api/admin/**").hasAnyRole("OFFICE", "INSPECTOR")
                        // inspectors' exports and the log of their reads (also covered by the next rule)
                        .requestMatchers(HttpMethod.GET, "/api/audit/reads", "/api/audit/trail.*")
                        .hasAnyRole("OFFICE", "INSPECTOR")
                        // tamper-evident history: digests, public key, verification
                        .requestMatchers("/api/audit/**").hasAnyRole("OFFICE", "INSPECTOR")
                        .requestMatchers(HttpMethod.POST, "/api/policies/**", "/api/officials/**").hasRole("OFFICE")
                        // 催办 a whole unit
                        .requestMatchers(HttpMethod.POST, "/api/units/**").hasRole("OFFICE")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("UNIT", "OFFICE", "INSPECTOR")
                        .requestMatchers(HttpMethod.POST, "/api/**").hasAnyRole("UNIT", "OFFICE")
                        .anyRequest().denyAll();
                })
                .addFilterBefore(new LoginThrottleFilter(throttle, (response, wait) -> write(response, json,
                        HttpStatus.TOO_MANY_REQUESTS, "登录过于频繁", "登录失败次数过多，请 "
                                + LoginThrottleFilter.seconds(wait) + " 秒后再试。", "auth.throttled")),
                        BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"duban\", charset=\"UTF-8\"");
                    write(response, json, HttpStatus.UNAUTHORIZED, "未登录", "请使用督办账号登录（HTTP Basic）。",
                            "auth.unauthenticated");
                }))
                .exceptionHandling(ex -> ex.accessDeniedHandler((request, response, e) -> {
                    if (routes.exist(request)) {
                        write(response, json, HttpStatus.FORBIDDEN, "无权操作", "您的角色无权执行此操作。",
                                "auth.forbidden");
                    } else {
                        write(response, json, HttpStatus.NOT_FOUND, "未找到", "没有这个接口地址。", "http.not-found");
                    }
                }));
        for (ApiSecurityExtension extension : added) {
            extension.addFilters(http);
        }
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    private static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
                              String detail, String code) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("urn:duban:problem:" + code));
        problem.setProperty("code", code);
        response.setStatus(status.value());
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
