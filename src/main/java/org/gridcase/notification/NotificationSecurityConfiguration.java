package org.gridcase.notification;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.identity.StaffApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The bell's API: for the signed-in staff, by the Tasklist's login (the workbench's pages call it with the session
 * and the CSRF token) or HTTP Basic, like the workbench's own API.
 */
@Configuration(proxyBeanMethods = false)
class NotificationSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain notificationSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        return StaffApiSecurity.forPaths(http, identity, "/api/notifications/**");
    }
}
