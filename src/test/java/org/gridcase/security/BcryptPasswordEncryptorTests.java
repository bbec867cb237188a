package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BcryptPasswordEncryptorTests {

    private final BcryptPasswordEncryptor encryptor = new BcryptPasswordEncryptor(4);

    @Test
    void checksThePasswordItHashedAndNoOther() {
        String hash = encryptor.encrypt("correct horse battery staple");

        assertThat(hash).startsWith("$2a$04$");
        assertThat(encryptor.check("correct horse battery staple", hash)).isTrue();
        assertThat(encryptor.check("correct horse battery stapler", hash)).isFalse();
        assertThat(encryptor.encrypt("correct horse battery staple")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void tellsLongPasswordsApartBeyondBcryptsSeventyTwoBytes() {
        // Camunda appends its 24-character salt; 17 Chinese characters are already 51 bytes
        String salt = "c2FsdHNhbHRzYWx0c2FsdA==";
        String longPassword = "莲湖区土门街道牡丹庄园社区第一网格";
        String hash = encryptor.encrypt(longPassword + "甲" + salt);

        assertThat(encryptor.check(longPassword + "甲" + salt, hash)).isTrue();
        assertThat(encryptor.check(longPassword + "乙" + salt, hash)).isFalse();
    }

    @Test
    void asksForARehashOfOtherAlgorithmsAndOfWeakerBcrypt() {
        assertThat(encryptor.isCurrent("{BCRYPT}" + encryptor.encrypt("x"))).isTrue();
        assertThat(encryptor.isCurrent("{SHA-512}abc")).isFalse();
        assertThat(new BcryptPasswordEncryptor(5).isCurrent("{BCRYPT}" + encryptor.encrypt("x"))).isFalse();
    }
}
