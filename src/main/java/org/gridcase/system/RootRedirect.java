package org.gridcase.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The site's address opens the staff workbench: Camunda's own redirect (to its welcome page, which greets staff
 * with an untranslated "Welcome" and offers the engine's cockpit and admin) is switched off in application.yaml
 * ({@code camunda.bpm.webapp.index-redirect-enabled: false}).
 */
@Configuration(proxyBeanMethods = false)
class RootRedirect implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/", "/workbench/");
    }
}
