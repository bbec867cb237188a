package org.gridcase.casework;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.persistence.EntityManager;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
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
 */
@Component
class CaseNumbers {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    private final CaseNumberSequenceRepository sequences;
    private final TransactionTemplate newTransaction;
    private final ZoneId zone;
    private final EntityManager entityManager;

    CaseNumbers(CaseNumberSequenceRepository sequences, EntityManager entityManager,
            PlatformTransactionManager transactions,
            @Value("${gridcase.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.sequences = sequences;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.zone = zone;
        this.entityManager = entityManager;
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

    /** The first number of a day: another node may create the same row at the same moment, which is fine. */
    private void createDay(String day) {
        try {
            // persist, not save: a merge onto a row created meanwhile would reset its counter
            newTransaction.executeWithoutResult(status -> {
                entityManager.persist(new CaseNumberSequence(day));
                entityManager.flush();
            });
        } catch (DataIntegrityViolationException alreadyThere) {
            // created concurrently: lock the existing row instead
        }
    }
}
