package org.gridcase.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.stereotype.Component;

/**
 * Where the first administrator is created from configuration ({@code camunda.bpm.admin-user}: the postgres
 * profile, from GRIDCASE_ADMIN_USER / GRIDCASE_ADMIN_PASSWORD), its password must be at least 12 characters.
 * Checked before the engine starts: Camunda creates the administrator once and never updates it, so an empty
 * password accepted once would stay after the operator fixed the setting.
 */
@Component
class FirstAdministratorCheck extends AbstractProcessEnginePlugin {

    static final int MIN_LENGTH = 12;

    private final CamundaBpmProperties camunda;

    FirstAdministratorCheck(CamundaBpmProperties camunda) {
        this.camunda = camunda;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        AdminUserProperty administrator = camunda.getAdminUser();
        if (administrator != null && administrator.getId() != null) {
            requireStrong(administrator.getPassword());
        }
    }

    static void requireStrong(String password) {
        if (password == null || password.isBlank() || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakAdministratorPasswordException();
        }
    }

    /** Never carries the password: the message ends up in logs. */
    static class WeakAdministratorPasswordException extends RuntimeException {

        WeakAdministratorPasswordException() {
            super("The first administrator's password (GRIDCASE_ADMIN_PASSWORD) is empty or shorter than "
                    + MIN_LENGTH + " characters");
        }
    }
}
