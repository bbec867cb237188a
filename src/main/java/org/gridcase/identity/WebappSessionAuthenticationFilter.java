package org.gridcase.identity;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One sign-in for the Tasklist and gridcase's own pages: takes the user logged in to the Camunda webapps in this
 * HTTP session (engine {@code default}) as the caller of the request, with the same authorities as an HTTP Basic
 * login ({@link CamundaAuthenticationProvider}), so {@link EngineAuthenticationFilter} and every access rule see the
 * same person. The session stays Camunda's: it is read, never created or written here, and logging out of the
 * Tasklist ends it for the pages too. A request that carries an Authorization header is left to HTTP Basic. Groups are read afresh on each request, as for Basic, so a
 * change of unit counts at once.
 */
public class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    /** The engine whose webapp login counts (the Tasklist's). */
    static final String ENGINE = "default";

    private final IdentityService identity;

    public WebappSessionAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    /** The user logged in to the Camunda webapps in this request's session, if any. */
    public static Optional<String> webappUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(AuthenticationUtil.getAuthsFromSession(session)
                    .getAuthenticationForProcessEngine(ENGINE))
                    .filter(UserAuthentication.class::isInstance)
                    .map(authentication -> ((UserAuthentication) authentication).getIdentityId());
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && !alreadyAuthenticated()) {
            webappUser(request).filter(this::exists).ifPresent(user -> {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                        CamundaAuthenticationProvider.authorities(identity, user)));
                SecurityContextHolder.setContext(context);
            });
        }
        chain.doFilter(request, response);
    }

    /** A user deleted since they logged in is nobody, as the webapps decide at their next check. */
    private boolean exists(String user) {
        return identity.createUserQuery().userId(user).count() == 1;
    }

    private static boolean alreadyAuthenticated() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken);
    }
}
