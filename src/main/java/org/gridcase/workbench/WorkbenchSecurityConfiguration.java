package org.gridcase.workbench;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.identity.EngineAuthenticationFilter;
import org.gridcase.identity.WebappSessionLogin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The workbench's pages and API. The pages are static and hold no data, so they load for anyone and ask
 * {@code /api/workbench/me} who is there; the API needs a login: the Tasklist's (the Camunda webapp session), or
 * HTTP Basic for other clients, like the rest of gridcase's API. Changes by session need the CSRF token
 * (identity's WebappSessionLogin).
 */
@Configuration(proxyBeanMethods = false)
class WorkbenchSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain workbenchSecurity(HttpSecurity http, IdentityService identity,
            WorkbenchPageHeaders pageHeaders) throws Exception {
        return WebappSessionLogin.apply(http, identity)
                .securityMatcher("/workbench", "/workbench/**", "/api/workbench/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/workbench", "/workbench/**", "/api/workbench/session").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(WorkbenchProblems::unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(WorkbenchProblems::unauthorized))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .headers(pageHeaders.customizer())
                // Spring Security keeps no login of its own: the session is Camunda's, read on each request
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
