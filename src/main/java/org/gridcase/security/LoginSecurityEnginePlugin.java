package org.gridcase.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.stereotype.Component;

/**
 * Puts gridcase's password rules into the engine, so that they hold for every login it checks: gridcase's API,
 * the engine's REST API and the webapps. Failed logins lock an account for a while, never for good (see
 * {@link GridcaseIdentityProvider}). New passwords are hashed with BCrypt; Camunda's SHA-512 stays a built-in
 * checker of its PasswordManager, so older hashes keep working until their next login rehashes them.
 */
@Component
class LoginSecurityEnginePlugin extends AbstractProcessEnginePlugin {

    private final SecuritySettings settings;

    LoginSecurityEnginePlugin(SecuritySettings settings) {
        this.settings = settings;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        BcryptPasswordEncryptor encryptor = new BcryptPasswordEncryptor(settings.passwordHashStrength());
        SecuritySettings.Login login = settings.login();
        configuration.setPasswordEncryptor(encryptor);
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return GridcaseIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new GridcaseIdentityProvider(encryptor, login.maxFailuresPerAccount(),
                        login.accountLockDuration());
            }
        });
    }
}
