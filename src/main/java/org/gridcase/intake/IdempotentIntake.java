package org.gridcase.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.casework.NewCase;
import org.gridcase.casework.RegisteredCase;
import org.gridcase.system.ConflictException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens a case once per Idempotency-Key: a client that retries after a timeout gets the case its first request
 * opened, not a second one. The key is stored in the transaction that opens the case, so a key exists exactly
 * when its case does; two requests racing with one key meet at the key's primary key, and the loser replays.
 */
@Service
class IdempotentIntake {

    private final CaseRegistration registration;
    private final IdempotencyRecordRepository keys;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;

    IdempotentIntake(CaseRegistration registration, IdempotencyRecordRepository keys, ObjectMapper json,
            PlatformTransactionManager transactions) {
        this.registration = registration;
        this.keys = keys;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The case, and whether this request opened it (false: a replay of an earlier request with the key). */
    record Outcome(RegisteredCase registered, boolean opened) {
    }

    Outcome open(NewCase report, String key) {
        if (key == null) {
            return new Outcome(registration.open(report), true);
        }
        String hash = hash(report);
        try {
            return transaction.execute(status -> replay(key, hash)
                    .orElseGet(() -> {
                        RegisteredCase registered = registration.open(report);
                        keys.saveAndFlush(new IdempotencyRecord(key, hash, registered.caseNumber(), Instant.now()));
                        return new Outcome(registered, true);
                    }));
        } catch (DataIntegrityViolationException raced) {
            // another request with this key committed first: everything this one did was rolled back
            return transaction.execute(status -> replay(key, hash)).orElseThrow(() -> raced);
        }
    }

    /** Whether a request with this key has opened its case: a retry of it is not a new report. */
    boolean alreadyOpened(String key) {
        return key != null && keys.existsById(key);
    }

    private Optional<Outcome> replay(String key, String hash) {
        return keys.findById(key).map(earlier -> {
            if (!earlier.requestHash().equals(hash)) {
                throw new ConflictException("Idempotency-Key " + key + " 已用于另一份内容不同的诉求");
            }
            return new Outcome(registration.registered(earlier.caseNumber()).orElseThrow(), false);
        });
    }

    private String hash(NewCase report) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(report).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot hash the report", e);
        }
    }
}
