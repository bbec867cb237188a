package org.gridcase.workbench;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.identity.EngineAuthenticationFilter;
import org.gridcase.identity.WebappSessionAuthenticationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The workbench's pages and API. The pages are static and hold no data, so they load for anyone and ask
 * {@code /api/workbench/me} who is there; the API needs a login: the Tasklist's (the Camunda webapp session, see
 * WebappSessionAuthenticationFilter), or HTTP Basic for other clients, like the rest of gridcase's API.
 *
 * <p>CSRF: a browser sends the session cookie by itself, so an unsafe request authenticated by the session must
 * carry the token of the cookie {@value #CSRF_COOKIE} in the header {@value #CSRF_HEADER} (double submit, which
 * only the workbench's own pages can read). Not {@code XSRF-TOKEN}: that cookie is the Camunda webapps', and a
 * second one of the name would break the Tasklist. A client sending its own Basic credentials needs no token;
 * but a browser sends remembered Basic credentials cross-site too, so a cross-site unsafe request
 * ({@code Sec-Fetch-Site: cross-site}) needs the token whatever it carries.
 */
@Configuration(proxyBeanMethods = false)
class WorkbenchSecurityConfiguration {

    static final String CSRF_COOKIE = "GRIDCASE-WB-XSRF";
    static final String CSRF_HEADER = "X-GRIDCASE-WB-XSRF";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(3)
    SecurityFilterChain workbenchSecurity(HttpSecurity http, IdentityService identity,
            WorkbenchPageHeaders pageHeaders) throws Exception {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        // the token is compared as sent (no BREACH masking): the pages read it from the cookie
        CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
        plain.setCsrfRequestAttributeName(null);
        return http
                .securityMatcher("/workbench", "/workbench/**", "/api/workbench/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/workbench", "/workbench/**", "/api/workbench/session").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new WebappSessionAuthenticationFilter(identity), BasicAuthenticationFilter.class)
                .httpBasic(basic -> basic.authenticationEntryPoint(WorkbenchProblems::unauthorized))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(WorkbenchProblems::unauthorized)
                        .accessDeniedHandler(WorkbenchProblems::forbidden))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .headers(pageHeaders.customizer())
                // Spring Security keeps no login of its own: the session is Camunda's, read on each request
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens)
                        .csrfTokenRequestHandler(plain)
                        .requireCsrfProtectionMatcher(needsToken()))
                .build();
    }

    /** Unsafe requests that a browser could send on its own: by session cookie, or from another site. */
    private static RequestMatcher needsToken() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        || "cross-site".equals(request.getHeader("Sec-Fetch-Site")));
    }

}
