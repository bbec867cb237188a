package org.gridcase.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.gridcase.security.PageHeaders;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
 * Who may call what. gridcase's API ({@code /api/**}) takes HTTP Basic with the staff member's Camunda login;
 * reading needs any login, changing the registry or the holiday calendar needs the administrators' group (the
 * case API has its own rules in the intake module). The engine's REST API
 * ({@code /engine-rest}) is left open by the starter, so it gets Camunda's own Basic authentication filter.
 * The auditors' pages ({@code /audit}) take the same Basic login, so the browser asks once and sends it with the
 * pages' API calls. The Camunda webapps ({@code /camunda}) keep their own login and are not under Spring Security; neither is the
 * health probe. The OpenAPI description has a chain of its own in the security module.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    private static final String ADMINISTRATOR = CamundaAuthenticationProvider.GROUP_PREFIX + CamundaGroups.ADMINISTRATORS;
    private static final String AUDITOR = CamundaAuthenticationProvider.GROUP_PREFIX + CamundaGroups.AUDITORS;

    @Bean
    @Order(10)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        return http
                .securityMatcher("/api/**", "/audit/**")
                .authorizeHttpRequests(requests -> requests
                        // the audit trail and its pages are the auditors' (read-only; there is nothing to change)
                        .requestMatchers(HttpMethod.GET, "/api/audit/**", "/audit/**").hasAuthority(AUDITOR)
                        // administration (locked accounts): reading it is for administrators too
                        .requestMatchers(HttpMethod.GET, "/api/admin/**").hasAuthority(ADMINISTRATOR)
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        // everything else here changes shared data (registry, holiday calendar): administrators
                        .anyRequest().hasAuthority(ADMINISTRATOR))
                .httpBasic(Customizer.withDefaults())
                .headers(PageHeaders.on("/audit/**"))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                // Stateless API clients send their credentials with every call: no session, so no CSRF token.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.addUrlPatterns("/engine-rest/*");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.setName("camunda-engine-rest-authentication");
        return registration;
    }
}
