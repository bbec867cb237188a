package org.gridcase.evaluation;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.identity.StaffApiSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The evaluation API for signed-in staff: the workbench's evaluation pages call it with the Tasklist's session
 * (and the CSRF token on changes), other clients with HTTP Basic. Closing a month and the settings are for
 * administrators: {@link DepartmentEvaluation} checks the caller itself.
 */
@Configuration(proxyBeanMethods = false)
class EvaluationSecurityConfiguration {

    @Bean
    @Order(3)
    SecurityFilterChain evaluationSecurity(HttpSecurity http, IdentityService identity) throws Exception {
        return StaffApiSecurity.forPaths(http, identity, "/api/evaluation/**");
    }
}
