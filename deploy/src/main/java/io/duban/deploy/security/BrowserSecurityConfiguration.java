package io.duban.deploy.security;

import io.duban.command.access.AccountProperties;
import io.duban.console.ConsolePage;
import io.duban.console.errors.ErrorPage;
import io.duban.console.session.LoginFailure;
import org.springframework.boot.web.servlet.server.CookieSameSiteSupplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;

/**
 * The web console's browsers: form login with a session and CSRF protection, on the console's paths only. Ordered
 * before the API's chain ({@link SecurityConfiguration}), which stays HTTP Basic and stateless for everything else.
 * Same accounts, same password check and the same {@link LoginThrottle} as the API; which role opens which page is
 * the console's own list ({@link ConsolePage}).
 */
@Configuration
class BrowserSecurityConfiguration {

    /** Paths served to browsers. {@code /console/assets/**} and {@code /webjars/**} are static files. */
    static final String[] BROWSER_PATHS = {"/", "/login", "/logout", ConsolePage.ROOT, ConsolePage.ROOT + "/**",
            "/webjars/**"};

    /**
     * Scripts, styles, images and fonts from this origin only: no inline script or style, nothing from a CDN, no
     * framing (the pages act on commitments: clickjacking), forms post only here.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain browser(HttpSecurity http, UserDetailsService accounts, AccountProperties configured,
                                PasswordEncoder passwordEncoder, LoginThrottle throttle) throws Exception {
        // no "?continue" on the page a sign-in returns to: every console page refuses unknown query parameters
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setMatchingRequestParameterName(null);
        http.securityMatcher(BROWSER_PATHS)
                .authenticationManager(new ProviderManager(
                        new AccountAuthentication(accounts, configured, passwordEncoder, throttle)))
                .authorizeHttpRequests(auth -> {
                    // the refusal page too: a form posted without a valid CSRF token is refused there, signed in
                    // or not (e.g. a login form left open past its session); and the error page failed requests
                    // are forwarded to (ErrorPage)
                    auth.requestMatchers("/login", ConsolePage.ROOT + "/denied", ErrorPage.PATH,
                            ConsolePage.ROOT + "/assets/**", "/webjars/**").permitAll();
                    auth.requestMatchers("/").authenticated();
                    for (ConsolePage page : ConsolePage.values()) {
                        auth.requestMatchers(page.path(), page.path() + "/**").hasAnyAuthority(page.authorities());
                    }
                    // any other console path: a 404 once signed in
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login")
                        .defaultSuccessUrl("/")
                        .failureHandler((request, response, e) -> {
                            LoginFailure.store(request.getSession(), request.getParameter("username"),
                                    LoginFailure.BAD_CREDENTIALS);
                            response.sendRedirect(request.getContextPath() + "/login?error");
                        })
                        .permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .requestCache(cache -> cache.requestCache(requestCache))
                .addFilterBefore(new FormLoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(ex -> ex.accessDeniedPage(ConsolePage.ROOT + "/denied"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** The session cookie stays on same-site requests (a second line behind the CSRF token) and out of scripts. */
    @Bean
    CookieSameSiteSupplier sessionCookieSameSite() {
        return CookieSameSiteSupplier.ofLax().whenHasName("JSESSIONID");
    }
}
