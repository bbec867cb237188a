package org.gridcase.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the engine who is calling gridcase's API, for the length of the request: process instances a member of
 * staff starts, comments, migrations and every other engine operation are then attributed to that person in
 * Camunda's history and user operation log (and checked against their authorizations). Anonymous callers (a
 * resident reporting) stay anonymous.
 */
public class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    public EngineAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = user.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(CamundaAuthenticationProvider.GROUP_PREFIX))
                .map(authority -> authority.substring(CamundaAuthenticationProvider.GROUP_PREFIX.length()))
                .toList();
        identity.setAuthentication(user.getName(), groups);
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
