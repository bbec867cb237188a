package org.gridcase.intake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Residents report without an account (码上办: one-click submit, live tracking), so opening a case and
 * following it with its tracking token need no login; the case list and everything else about cases is for
 * staff (HTTP Basic, the Tasklist login). Ordered before the general API rules.
 */
@Configuration(proxyBeanMethods = false)
class IntakeSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain intakeSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/cases", "/api/cases/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/cases").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/cases/*").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
