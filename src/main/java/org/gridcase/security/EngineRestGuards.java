package org.gridcase.security;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Both REST roots of the engine, the one API clients call ({@code /engine-rest}) and the one the Tasklist, Cockpit
 * and Admin call ({@code /camunda/api}), get the same two guards, outermost first: error answers without
 * internals, then no expression fields.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestGuards {

    static final String[] ROOTS = {"/engine-rest/*", "/camunda/api/*"};

    @Bean
    FilterRegistrationBean<EngineErrorBodies> engineErrorBodies() {
        var registration = new FilterRegistrationBean<>(new EngineErrorBodies());
        registration.addUrlPatterns(ROOTS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setName("gridcase-engine-error-bodies");
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRequestGuard> engineRequestGuard() {
        var registration = new FilterRegistrationBean<>(new EngineRequestGuard());
        registration.addUrlPatterns(ROOTS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setName("gridcase-engine-request-guard");
        return registration;
    }
}
