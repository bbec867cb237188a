package org.gridcase.consultation;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.identity.StaffApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The meetings' API: for signed-in staff, by the Tasklist's login (the workbench's case page reads it with the
 * session) or HTTP Basic, like the bell's API.
 */
@Configuration(proxyBeanMethods = false)
class ConsultationSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain consultationSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        return StaffApiSecurity.forPaths(http, identity, "/api/cases/*/meetings");
    }
}
