package org.gridcase.intake;

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
 * Residents report without an account (码上办: one-click submit, live tracking), so opening a case and
 * following it with its tracking token need no login; the case list and everything else about cases is for
 * staff (HTTP Basic, the Tasklist login). Ordered before the general API rules.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain intakeSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        // staff signed in to the Tasklist report and annotate as themselves from gridcase's pages (the workbench's
        // new-case form), with the CSRF token such a session needs; residents and Basic clients as before
        return WebappSessionLogin.apply(http, identity)
                .securityMatcher("/api/cases", "/api/cases/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/cases").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/cases/*").permitAll()
                        // the reporter rates the result with the tracking token (ReporterRatings checks it)
                        .requestMatchers(HttpMethod.POST, "/api/cases/*/rating").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                // a member of staff who reports or adds a note does so as themselves in the engine's history
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
