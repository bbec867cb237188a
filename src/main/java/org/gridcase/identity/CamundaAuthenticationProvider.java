package org.gridcase.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs API callers in with their Camunda user and password, the same login as the Tasklist. Each Camunda group
 * becomes an authority {@code GROUP_<id>}, so rules read like {@code hasAuthority("GROUP_camunda-admin")}.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

    static final String GROUP_PREFIX = "GROUP_";

    private final IdentityService identity;

    CamundaAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (credentials == null || !identity.checkPassword(username, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return UsernamePasswordAuthenticationToken.authenticated(username, null, authorities(identity, username));
    }

    /** The user's Camunda groups as authorities, read afresh (a session keeps only who logged in). */
    static List<SimpleGrantedAuthority> authorities(IdentityService identity, String username) {
        return identity.createGroupQuery().groupMember(username).list().stream()
                .map(group -> new SimpleGrantedAuthority(GROUP_PREFIX + group.getId()))
                .toList();
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
