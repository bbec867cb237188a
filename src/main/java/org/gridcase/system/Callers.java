package org.gridcase.system;

import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The current caller, taken from the engine's authentication, the one source every access rule reads. It is
 * set for each call of gridcase's API (identity's EngineAuthenticationFilter copies the logged-in user and their
 * groups) and by the Camunda webapps for each Tasklist request, so a case opened from the Tasklist's start form
 * knows its caller as well as one opened through the API; Spring Security's authentication exists only on the
 * API's own requests. It is cleared after each request, so code outside one (the job executor) is nobody.
 */
@Component
public class Callers {

    private final IdentityService identity;

    Callers(IdentityService identity) {
        this.identity = identity;
    }

    public Caller current() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null ? Caller.NOBODY
                : new Caller(authentication.getUserId(), authentication.getGroupIds() == null ? null
                        : Set.copyOf(authentication.getGroupIds()));
    }
}
