package org.gridcase.security;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Both REST roots of the engine, the one API clients call ({@code /engine-rest}) and the one the Tasklist, Cockpit
 * and Admin call ({@code /camunda/api}), get the same three guards, outermost first: error answers without
 * internals, no expression fields, and a task completed or a case opened with its form's fields only.
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

    @Bean
    FilterRegistrationBean<FormFields> formFields(TaskService tasks, RepositoryService repository,
            FormService forms) {
        var registration = new FilterRegistrationBean<>(new FormFields(tasks, repository, forms));
        registration.addUrlPatterns(ROOTS);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.setName("gridcase-form-fields");
        return registration;
    }
}
