package org.gridcase.casework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces every change of a case record as {@link CaseRecorded}, once per transaction and case, just before the
 * transaction commits. Every change the process makes goes through {@link CaseFile#of} (and registration through
 * {@link CaseRegistration}), which hand the record here; only a record that a step changed (every changing method
 * of {@link CaseRecord} marks it) is announced: a form that only reads the case announces nothing.
 *
 * <p>Why before commit and not after: the listeners write their own rows in the same transaction, so no change is
 * lost between a commit and a listener (as it could be after commit) and a rolled-back step leaves no figure
 * behind. The pending changes are flushed first, so the case record's row is locked before a listener's rows are:
 * of two transactions racing on one case, the loser waits on the record and fails on its version, never deadlocks.
 */
@Component
public class CaseChanges {

    private final EntityManager entities;
    private final ApplicationEventPublisher events;
    private final CaseRecordRepository records;
    private final TransactionTemplate transactions;

    CaseChanges(EntityManager entities, ApplicationEventPublisher events, CaseRecordRepository records,
            TransactionTemplate transactions) {
        this.entities = entities;
        this.events = events;
        this.records = records;
        this.transactions = transactions;
    }

    /** Keeps an eye on the record until the transaction commits; {@code created}: it did not exist before. */
    void watch(CaseRecord record, boolean created) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return; // outside a transaction JPA writes nothing, so there is no change to announce
        }
        Watched watched = (Watched) TransactionSynchronizationManager.getResource(this);
        if (watched == null) {
            watched = new Watched();
            TransactionSynchronizationManager.bindResource(this, watched);
            TransactionSynchronizationManager.registerSynchronization(watched);
        }
        watched.records.putIfAbsent(record.caseNumber(), new Seen(record, created));
    }

    /**
     * Announces every case there is, oldest first, a page per transaction: for a module that starts keeping
     * figures after cases already exist (the evaluation's one-off backfill). Its listeners must be idempotent.
     */
    public long announceAll(int pageSize) {
        long announced = 0;
        int page = 0;
        while (true) {
            int number = page++;
            Slice<CaseRecord> slice = transactions.execute(status -> {
                Slice<CaseRecord> found = records.findAll(PageRequest.of(number, pageSize,
                        Sort.by("receivedAt", "id")));
                found.forEach(record -> events.publishEvent(new CaseRecorded(record.details(), false)));
                entities.clear();
                return found;
            });
            announced += slice.getNumberOfElements();
            if (!slice.hasNext()) {
                return announced;
            }
        }
    }

    private record Seen(CaseRecord record, boolean created) {
    }

    private final class Watched implements TransactionSynchronization {

        private final Map<String, Seen> records = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            if (readOnly) {
                return;
            }
            List<Seen> changed = records.values().stream().filter(seen -> seen.record().touched()).toList();
            if (changed.isEmpty()) {
                return;
            }
            entities.flush();
            for (Seen seen : changed) {
                events.publishEvent(new CaseRecorded(seen.record().details(), seen.created()));
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(CaseChanges.this);
        }
    }
}
