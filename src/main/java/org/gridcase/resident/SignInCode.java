package org.gridcase.resident;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The one-time code last sent to a phone: its hash, until when it holds, how many tries are left. */
@Entity
@Table(name = "resident_sign_in_code")
class SignInCode {

    @Id
    private String phone;
    private String codeHash;
    private Instant expiresAt;
    private int triesLeft;
    @Version
    private long version;

    protected SignInCode() {
    }

    SignInCode(String phone) {
        this.phone = phone;
    }

    void renew(String codeHash, Instant expiresAt, int tries) {
        this.codeHash = codeHash;
        this.expiresAt = expiresAt;
        this.triesLeft = tries;
    }

    String codeHash() {
        return codeHash;
    }

    boolean usable(Instant now) {
        return triesLeft > 0 && now.isBefore(expiresAt);
    }

    void spendTry() {
        triesLeft--;
    }

    /** Used up: a code opens the list once. */
    void consume() {
        triesLeft = 0;
    }
}
