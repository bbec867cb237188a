package org.gridcase.resident;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The resident pages and their API are public: residents have no account (码上办). Nothing here reads a session
 * or a cookie, so there is no CSRF to guard against; every operation is throttled per address (and per phone
 * where one is sent) and answers nothing personal.
 */
@Configuration(proxyBeanMethods = false)
class ResidentSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain residentSecurity(HttpSecurity http, ResidentPageHeaders pageHeaders) throws Exception {
        return http
                .securityMatcher("/m", "/m/**", "/api/resident/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .headers(pageHeaders.customizer())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }
}
