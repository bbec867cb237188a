package org.gridcase.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Swagger UI and the OpenAPI description: open to read (they describe the API, whose calls need a login) when
 * springdoc serves them at all (springdoc.*.enabled, off on the postgres profile unless GRIDCASE_API_DOCS), and
 * answered with the page headers. Without a chain of their own they would get no security headers at all.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsSecurityConfiguration {

    private static final String[] PATHS = {"/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs*", "/v3/api-docs/**"};

    @Bean
    @Order(5)
    SecurityFilterChain apiDocsSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PageHeaders.matching(PATHS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(PageHeaders.on("/**"))
                // read-only and anonymous: no session, nothing for a CSRF token to protect
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(AbstractHttpConfigurer::disable)
                .build();
    }
}
