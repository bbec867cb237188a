package org.gridcase.casework;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Draws human-readable case numbers: the street's prefix, the day in the district's time zone, and a sequence
 * of at least four digits, e.g. {@code TM-20251009-0042}. The day's row is locked while a number is drawn, so
 * numbers are unique and gapless per street and day across nodes; a number drawn by a rolled-back request is
 * lost with it (the row's update rolls back too), so there are no gaps either.
 *
 * <p>The lock is held until the drawing transaction commits, which for intake is the whole registration (record
 * and process start): reports of one street queue behind each other for that long. Drawing in a transaction of
 * its own would shorten the wait but leave a gap for every registration that fails afterwards.
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final CaseNumberSequenceRepository sequences;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final ZoneId zone;

    CaseNumbers(CaseNumberSequenceRepository sequences, JdbcTemplate jdbc, PlatformTransactionManager transactions,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.sequences = sequences;
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.zone = zone;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String prefix, Instant at) {
        String day = prefix + "-" + DAY.format(at.atZone(zone));
        CaseNumberSequence sequence = sequences.lockForUpdate(day).orElseGet(() -> {
            createDay(day);
            return sequences.lockForUpdate(day).orElseThrow();
        });
        return "%s-%04d".formatted(day, sequence.next());
    }

    /**
     * The day's row, at zero, committed at once in a short transaction of its own: the caller's transaction holds a
     * connection and may hold other locks, and on PostgreSQL a failed statement would abort it. The first reports
     * of a day arrive together: each inserts, the database lets one row in and refuses the others with a duplicate
     * key, which Spring translates alike on PostgreSQL and H2 (no INSERT ... ON CONFLICT form works on both, and
     * Hibernate's own exception for it depends on where it is thrown). The losers then lock the winner's row.
     */
    private void createDay(String day) {
        try {
            newTransaction.executeWithoutResult(status -> jdbc.update(
                    "INSERT INTO case_number_sequence (sequence_key, last_value) VALUES (?, 0)", day));
        } catch (DuplicateKeyException createdMeanwhile) {
            // another report created it first: lock that one
        }
    }
}
