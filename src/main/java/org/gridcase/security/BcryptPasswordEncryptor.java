package org.gridcase.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Camunda's password hash as BCrypt, stored as {@code {BCRYPT}$2a$10$...}: slow on purpose, so a stolen user
 * table takes years to guess instead of hours (Camunda's default is one round of SHA-512).
 *
 * <p>BCrypt reads at most 72 bytes, and Spring refuses more. Camunda hands over the password with its
 * 24-character salt appended, so 16 Chinese characters would already be too long; the input is therefore
 * first reduced to its SHA-256 digest (Base64, 44 characters). The digest is salted too, by Camunda's salt.
 */
class BcryptPasswordEncryptor implements PasswordEncryptor {

    static final String NAME = "BCRYPT";
    private static final String PREFIX = "{" + NAME + "}";

    private final BCryptPasswordEncoder bcrypt;

    BcryptPasswordEncryptor(int strength) {
        this.bcrypt = new BCryptPasswordEncoder(strength);
    }

    @Override
    public String encrypt(String password) {
        return bcrypt.encode(digest(password));
    }

    @Override
    public boolean check(String password, String encrypted) {
        return bcrypt.matches(digest(password), encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    /** Whether a stored hash (with Camunda's prefix) is BCrypt of at least the configured strength. */
    boolean isCurrent(String stored) {
        return stored != null && stored.startsWith(PREFIX)
                && !bcrypt.upgradeEncoding(stored.substring(PREFIX.length()));
    }

    private static String digest(String password) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
