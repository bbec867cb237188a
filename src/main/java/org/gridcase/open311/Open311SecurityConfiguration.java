package org.gridcase.open311;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * GeoReport v2 is public: reading needs nothing, and an app proves itself with the api_key it sends with each
 * report, which the module checks itself (a 403 in the specification's error shape, not Spring Security's). No
 * session and no cookie, so no CSRF token; the API's headers (nosniff, no framing) like gridcase's other APIs.
 */
@Configuration(proxyBeanMethods = false)
class Open311SecurityConfiguration {

    @Bean
    @Order(4)
    SecurityFilterChain open311Security(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/open311/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentTypeOptions(Customizer.withDefaults())
                        .frameOptions(HeadersConfigurer.FrameOptionsConfig::deny))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
