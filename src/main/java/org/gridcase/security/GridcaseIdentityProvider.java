package org.gridcase.security;

import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's database identity, with gridcase's rules for checking a password. A password still stored with an
 * older hash (Camunda's SHA-512) is hashed again with BCrypt the moment it is proven right, since that is the
 * only time the plain password is at hand.
 */
class GridcaseIdentityProvider extends DbIdentityServiceProvider {

    private final BcryptPasswordEncryptor encryptor;

    GridcaseIdentityProvider(BcryptPasswordEncryptor encryptor) {
        this.encryptor = encryptor;
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        boolean valid = super.checkPassword(userId, password);
        if (valid) {
            rehashIfOutdated(findUserById(userId), password);
        }
        return valid;
    }

    private void rehashIfOutdated(UserEntity user, String password) {
        if (encryptor.isCurrent(user.getPassword())) {
            return;
        }
        // a new salt and the engine's default encryptor (BCrypt); the user was read in this command, so the
        // engine writes the changed hash when the command ends (before the lock columns, which it writes last)
        user.setPassword(password);
        user.encryptPassword();
    }
}
