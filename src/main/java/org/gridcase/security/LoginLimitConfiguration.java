package org.gridcase.security;

import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.bucket4j.TimeMeter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The per-address limit in front of every path that checks a password: HTTP Basic on gridcase's API, the
 * auditors' pages and the engine's REST API, and the webapps' login form. Ordered before Spring Security and
 * before Camunda's own filters, so that a turned-away attempt reaches neither.
 */
@Configuration(proxyBeanMethods = false)
class LoginLimitConfiguration {

    private static final int ORDER = SecurityProperties.DEFAULT_FILTER_ORDER - 10;

    @Bean
    FailedLoginsByAddress failedLoginsByAddress(SecuritySettings settings) {
        SecuritySettings.Login login = settings.login();
        return new FailedLoginsByAddress(login.maxFailuresPerAddress(), login.addressWindow(),
                TimeMeter.SYSTEM_MILLISECONDS);
    }

    @Bean
    FilterRegistrationBean<FailedLoginFilter> basicLoginLimit(FailedLoginsByAddress failures, ObjectMapper json) {
        var registration = new FilterRegistrationBean<>(
                new FailedLoginFilter(failures, FailedLoginFilter::carriesBasicCredentials, json));
        registration.addUrlPatterns("/api/*", "/audit/*", "/engine-rest/*");
        registration.setName("gridcase-basic-login-limit");
        registration.setOrder(ORDER);
        return registration;
    }

    /** Camunda's UserAuthenticationResource: POST {webapp}/api/admin/auth/user/{engine}/login/{app}. */
    @Bean
    FilterRegistrationBean<FailedLoginFilter> webappLoginLimit(FailedLoginsByAddress failures, ObjectMapper json,
            @Value("${camunda.bpm.webapp.application-path:/camunda}") String webapp) {
        String authentication = webapp + "/api/admin/auth/user/";
        Pattern login = Pattern.compile(Pattern.quote(authentication) + "[^/]+/login/[^/]+");
        var registration = new FilterRegistrationBean<>(new FailedLoginFilter(failures,
                request -> "POST".equals(request.getMethod())
                        && login.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches(),
                json));
        registration.addUrlPatterns(authentication + "*");
        registration.setName("gridcase-webapp-login-limit");
        registration.setOrder(ORDER);
        return registration;
    }
}
