package org.gridcase.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Lets a filter chain of gridcase's own API take the Tasklist's login (the Camunda webapp session,
 * {@link WebappSessionAuthenticationFilter}) besides HTTP Basic, with the CSRF protection that a session needs: a
 * browser sends the session cookie by itself, so an unsafe request authenticated by the session must carry the
 * token of the cookie {@value #CSRF_COOKIE} in the header {@value #CSRF_HEADER} (double submit: only gridcase's
 * own pages can read the cookie). Not {@code XSRF-TOKEN}: that cookie is the Camunda webapps', and a second one of
 * the name would break the Tasklist. A client sending its own Basic credentials needs no token; but browsers send
 * remembered Basic credentials cross-site too, so a cross-site unsafe request with them needs the token as well.
 * Requests with neither (a resident reporting) need none.
 */
public final class WebappSessionLogin {

    public static final String CSRF_COOKIE = "GRIDCASE-XSRF";
    public static final String CSRF_HEADER = "X-GRIDCASE-XSRF";

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private WebappSessionLogin() {
    }

    public static HttpSecurity apply(HttpSecurity http, IdentityService identity) throws Exception {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieName(CSRF_COOKIE);
        tokens.setHeaderName(CSRF_HEADER);
        tokens.setCookiePath("/");
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict"));
        // the token is compared as sent (no BREACH masking): the pages read it as it is, from the answer that
        // makes it (GET /api/workbench/session), which also sets the cookie; other answers set none
        CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
        return http
                .addFilterBefore(new WebappSessionAuthenticationFilter(identity), BasicAuthenticationFilter.class)
                .exceptionHandling(errors -> errors.accessDeniedHandler(WebappSessionLogin::denied))
                // the session is Camunda's, which changed its id at login: never again here (see the filter)
                .sessionManagement(session -> session.sessionAuthenticationStrategy(
                        new NullAuthenticatedSessionStrategy()))
                .csrf(csrf -> csrf.csrfTokenRepository(tokens).csrfTokenRequestHandler(plain)
                        .requireCsrfProtectionMatcher(needsToken())
                        // one token for the page's life: the login it would be renewed at is Camunda's
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()));
    }

    /** Unsafe requests that a browser could send on its own: by the session cookie, or cross-site with Basic. */
    static RequestMatcher needsToken() {
        return request -> !SAFE_METHODS.contains(request.getMethod())
                && (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                        ? WebappSessionAuthenticationFilter.webappUser(request).isPresent()
                        : "cross-site".equals(request.getHeader("Sec-Fetch-Site")));
    }

    /** A 403 in Chinese, as the API's problem details are. */
    public static void denied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "请求缺少有效的防伪令牌（" + CSRF_HEADER + "），请刷新页面后重试" : "没有权限执行此操作";
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"无权操作\",\"status\":403,\"detail\":\""
                + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
