package org.gridcase.security;

import org.gridcase.security.FirstAdministratorCheck.WeakAdministratorPasswordException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing or short administrator password into Spring Boot's "APPLICATION FAILED TO START" report, which
 * says what to set, instead of a wall of stack trace. Registered in META-INF/spring.factories.
 */
class WeakAdministratorPasswordFailureAnalyzer extends AbstractFailureAnalyzer<WeakAdministratorPasswordException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, WeakAdministratorPasswordException cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Set GRIDCASE_ADMIN_PASSWORD to a password of at least " + FirstAdministratorCheck.MIN_LENGTH
                        + " characters (with docker compose: in the .env file beside docker-compose.yml).",
                cause);
    }
}
