package org.gridcase.security;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands in front of a login path. A login attempt from an address that has failed too often is answered 429
 * with Retry-After before any password is checked, so it costs the server no hash and the account it aims at no
 * failed attempt; other attempts go on, and an answer of 401 counts against their address. The address is the
 * one Tomcat's RemoteIpValve resolved (X-Forwarded-For only from trusted proxies).
 *
 * <p>Attempts that arrive together while the address still has tries left are all checked: the limit can be
 * overshot by the requests in flight at that moment, once per window, and the account lock catches the rest.
 * Taking the try before the check would instead turn away an office's correct logins made at the same moment.
 */
class FailedLoginFilter extends OncePerRequestFilter {

    private final FailedLoginsByAddress failures;
    private final Predicate<HttpServletRequest> isLoginAttempt;
    private final ObjectMapper json;

    FailedLoginFilter(FailedLoginsByAddress failures, Predicate<HttpServletRequest> isLoginAttempt,
            ObjectMapper json) {
        this.failures = failures;
        this.isLoginAttempt = isLoginAttempt;
        this.json = json;
    }

    /** HTTP Basic: gridcase's API and the engine's REST API check these credentials on every request. */
    static boolean carriesBasicCredentials(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt.test(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Duration wait = failures.waitBeforeNextAttempt(address);
        if (!wait.isZero()) {
            turnAway(request, response, wait);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            failures.failed(address);
        }
    }

    private void turnAway(HttpServletRequest request, HttpServletResponse response, Duration wait)
            throws IOException {
        long seconds = Math.max(1, wait.plusNanos(999_999_999).toSeconds());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "此地址登录失败次数过多，请在 " + seconds + " 秒后再试。");
        problem.setTitle("登录尝试过多");
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
