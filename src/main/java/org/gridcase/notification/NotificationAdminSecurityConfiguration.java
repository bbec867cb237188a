package org.gridcase.notification;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.identity.EngineAuthenticationFilter;
import org.gridcase.identity.WebappSessionLogin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The notification administration API is the administrators' (like all of /api/admin), by HTTP Basic as the rest of
 * the API, and also by the Tasklist's login, so that the workbench's page (/workbench/notifications.html) calls this
 * same API rather than a copy of its own: changes by session need the workbench's CSRF token.
 */
@Configuration(proxyBeanMethods = false)
class NotificationAdminSecurityConfiguration {

    @Bean
    @Order(6)
    SecurityFilterChain notificationAdminSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        return WebappSessionLogin.apply(http, identity)
                .securityMatcher("/api/admin/notifications/**")
                .authorizeHttpRequests(requests -> requests
                        .anyRequest().hasAuthority("GROUP_" + CamundaGroups.ADMINISTRATORS))
                .httpBasic(Customizer.withDefaults())
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
