package org.gridcase.intake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The table of Idempotency-Keys: a key's row is its claim, inserted before its case is opened, and gets the case's
 * number in the transaction that opens the case. Plain SQL rather than JPA on purpose: the claim must be an INSERT
 * that fails on a key that exists (saving an entity with an id of its own makes Spring Data merge, which let a
 * second request overwrite the first's key and open a second case), and a request waiting for another's case must
 * read the row as committed now, not as a persistence context remembers it.
 */
@Component
class IdempotencyClaims {

    /** A claim held by this request; the token tells it from a claim that took the key over afterwards. */
    record Claim(String key, String token) {
    }

    /** A key as stored: no case number while the request holding it is still opening its case. */
    record Stored(String requestHash, String caseNumber, Instant claimedAt) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    IdempotencyClaims(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // claims, take-overs and releases must be visible to other requests at once, whatever the caller runs in
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Claims the key for this request and commits the claim; empty if another request holds it. The primary key
     * decides between requests that claim at once: the database lets one INSERT in and refuses the others.
     */
    Optional<Claim> claim(String key, String requestHash) {
        Claim claim = new Claim(key, UUID.randomUUID().toString());
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.update("""
                    INSERT INTO intake_idempotency (idempotency_key, request_hash, claim_token, created_at)
                    VALUES (?, ?, ?, ?)""", key, requestHash, claim.token(), now()));
            return Optional.of(claim);
        } catch (DuplicateKeyException taken) {
            return Optional.empty();
        }
    }

    /**
     * Takes over a claim that has had no case since before {@code claimedBefore} (its request died) and commits;
     * empty if the claim has a case or is newer by now. One UPDATE both checks and takes, so of two requests taking
     * over at once only one gets it.
     */
    Optional<Claim> takeOver(String key, Instant claimedBefore) {
        Claim claim = new Claim(key, UUID.randomUUID().toString());
        Integer taken = ownTransaction.execute(status -> jdbc.update("""
                UPDATE intake_idempotency SET claim_token = ?, created_at = ?
                WHERE idempotency_key = ? AND case_number IS NULL AND created_at < ?""",
                claim.token(), now(), key, at(claimedBefore)));
        return taken != null && taken == 1 ? Optional.of(claim) : Optional.empty();
    }

    Optional<Stored> find(String key) {
        return jdbc.query("""
                SELECT request_hash, case_number, created_at FROM intake_idempotency WHERE idempotency_key = ?""",
                (row, n) -> new Stored(row.getString("request_hash"), row.getString("case_number"),
                        row.getObject("created_at", OffsetDateTime.class).toInstant()),
                key).stream().findFirst();
    }

    /** Whether the key has opened its case. */
    boolean hasCase(String key) {
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM intake_idempotency WHERE idempotency_key = ? AND case_number IS NOT NULL""",
                Long.class, key);
        return count != null && count > 0;
    }

    /**
     * Gives the claim its case. Call it in the transaction that opens the case, so that the key has a case number
     * exactly when the case exists. False if the claim is no longer this request's: another took it over.
     */
    boolean attach(Claim claim, String caseNumber) {
        return jdbc.update("""
                UPDATE intake_idempotency SET case_number = ?
                WHERE idempotency_key = ? AND claim_token = ? AND case_number IS NULL""",
                caseNumber, claim.key(), claim.token()) == 1;
    }

    /** Frees the key after its request failed, so that a retry may claim it; a claim taken over stays. */
    void release(Claim claim) {
        ownTransaction.executeWithoutResult(status -> jdbc.update("""
                DELETE FROM intake_idempotency WHERE idempotency_key = ? AND claim_token = ? AND case_number IS NULL""",
                claim.key(), claim.token()));
    }

    private static OffsetDateTime now() {
        return at(Instant.now());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
