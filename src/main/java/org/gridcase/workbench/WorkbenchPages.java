package org.gridcase.workbench;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The workbench's pages (static files under /workbench/) open at /workbench/, with the case list. */
@Configuration(proxyBeanMethods = false)
class WorkbenchPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/workbench", "/workbench/");
        registry.addViewController("/workbench/").setViewName("forward:/workbench/index.html");
    }
}
