package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.digest.Sha512HashDigest;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Passwords are kept as BCrypt hashes; Camunda's older SHA-512 hashes still log in and are replaced on the way. */
@DemoDistrictTest
class PasswordStorageTests extends LoginTestSupport {

    static final String USER = "hash.tester";
    static final String PASSWORD = "哈希测试-passwort-2025";
    static final String ADDRESS = "198.51.100.201";

    @BeforeEach
    void createUser() {
        Logins.saveUser(identity, USER, "哈希测试", PASSWORD);
    }

    @AfterEach
    void deleteUser() {
        identity.deleteUser(USER);
    }

    @Test
    void storesANewPasswordAsABcryptHashOfTheConfiguredStrength() {
        // the tests' strength is 4 (EmbeddedPostgresInitializer); BCrypt writes it into the hash
        assertThat(storedHash()).startsWith("{BCRYPT}$2a$04$");
        assertThat(identity.checkPassword(USER, PASSWORD)).isTrue();
    }

    @Test
    void rehashesAnOldSha512PasswordWithBcryptAtTheNextLogin() {
        // given: the hash Camunda 7.7 to 7.24 wrote by default, SHA-512 of the password and the user's salt
        String salt = jdbc.queryForObject("SELECT SALT_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, USER);
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = ?",
                "{SHA-512}" + new Sha512HashDigest().encrypt(PASSWORD + salt), USER);
        assertThat(logins.api(USER, "wrong", ADDRESS).statusCode()).isEqualTo(401);
        assertThat(storedHash()).as("a failed login changes nothing").startsWith("{SHA-512}");

        // when
        assertThat(logins.api(USER, PASSWORD, ADDRESS).statusCode()).isEqualTo(200);

        // then
        assertThat(storedHash()).startsWith("{BCRYPT}$2a$04$");
        assertThat(logins.api(USER, PASSWORD, ADDRESS).statusCode()).isEqualTo(200);
        assertThat(logins.api(USER, "wrong", ADDRESS).statusCode()).isEqualTo(401);
    }

    private String storedHash() {
        return jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, USER);
    }
}
