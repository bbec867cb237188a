package org.gridcase.identity;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The filter chain of a module's API for signed-in staff: the Tasklist's login (the workbench's pages call it with
 * the session and the CSRF token, {@link WebappSessionLogin}) or HTTP Basic, the caller made the engine's current
 * user so the engine's authorizations apply. One place, so that the bell's, the meetings' and later APIs answer a
 * missing login alike.
 */
public final class StaffApiSecurity {

    private StaffApiSecurity() {
    }

    public static SecurityFilterChain forPaths(HttpSecurity http, IdentityService identity, String... paths)
            throws Exception {
        return WebappSessionLogin.apply(http, identity)
                .securityMatcher(paths)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized()))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized()))
                .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** 401 in Chinese; no Basic prompt for the pages' own calls (X-Requested-With), which show their sign-in. */
    private static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            if (request.getHeader("X-Requested-With") == null) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gridcase\"");
            }
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getOutputStream().write("""
                    {"type":"about:blank","title":"未登录","status":401,"detail":"请先登录（与 Tasklist 使用同一账号）"}"""
                    .getBytes(StandardCharsets.UTF_8));
        };
    }
}
