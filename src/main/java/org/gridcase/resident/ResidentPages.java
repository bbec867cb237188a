package org.gridcase.resident;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The pages are static files under /m/; these are the addresses residents get (QR codes, tracking links). */
@Configuration(proxyBeanMethods = false)
class ResidentPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/m", "/m/report");
        registry.addRedirectViewController("/m/", "/m/report");
        registry.addViewController("/m/report").setViewName("forward:/m/report.html");
        registry.addViewController("/m/mine").setViewName("forward:/m/mine.html");
        registry.addViewController("/m/cases/{caseNumber}").setViewName("forward:/m/track.html");
    }
}
