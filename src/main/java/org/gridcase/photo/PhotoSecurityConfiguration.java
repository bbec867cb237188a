package org.gridcase.photo;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.identity.EngineAuthenticationFilter;
import org.gridcase.identity.WebappSessionLogin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Residents upload photos without an account (throttled per address in the controller) and anyone fetches an
 * image by its unguessable id; staff upload as themselves with Basic or their Tasklist session (with the CSRF
 * token such a session needs). Attaching photos to a case is under /api/cases, whose chain asks for a login.
 * The images are sent with a policy that lets them run nothing, should a browser ever open one as a page.
 */
@Configuration(proxyBeanMethods = false)
class PhotoSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain photoSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        return WebappSessionLogin.apply(http, identity)
                .securityMatcher("/photos/**", "/api/photos")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/photos").permitAll()
                        .requestMatchers(HttpMethod.GET, "/photos/*", "/photos/*/thumb").permitAll()
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .headers(headers -> headers
                        // the controller says how long an image may be cached: for ever, an id never changes
                        .cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; sandbox")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
