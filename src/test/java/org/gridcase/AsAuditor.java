package org.gridcase;

import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Reads as an auditor, who may read every case: for tests that check what the record holds, not who may read it
 * (that is the security tests' business). Case queries answer only the caller's cases, and a test thread is
 * nobody until it says who it is. Whoever the test was acting as before is restored afterwards.
 */
public final class AsAuditor {

    private AsAuditor() {
    }

    public static <T> T read(IdentityService identity, Supplier<T> query) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication("test.auditor", List.of("auditors"));
        try {
            return query.get();
        } finally {
            if (before == null) {
                identity.clearAuthentication();
            } else {
                identity.setAuthentication(before);
            }
        }
    }
}
