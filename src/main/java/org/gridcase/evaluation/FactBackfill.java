package org.gridcase.evaluation;

import java.time.Instant;

import org.gridcase.casework.CaseChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one-off backfill: cases opened before the evaluation existed get their facts from their records, oldest
 * first (so that a repeat finds the earlier case). Runs at start-up until it has finished once, recorded in
 * {@code evaluation_state}; running it again rewrites the same rows (FactWriter is idempotent), so two nodes
 * starting together or a start-up cut short do no harm.
 */
@Component
class FactBackfill {

    static final String NAME = "case-facts-backfilled";
    private static final Logger log = LoggerFactory.getLogger(FactBackfill.class);

    private final CaseChanges changes;
    private final JdbcTemplate jdbc;

    FactBackfill(CaseChanges changes, JdbcTemplate jdbc) {
        this.changes = changes;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM evaluation_state WHERE name = ?", Integer.class, NAME);
        if (done != null && done > 0) {
            return;
        }
        long cases = run();
        log.info("Evaluation facts backfilled from {} existing case records", cases);
    }

    /** Announces every case again; the facts follow. Returns how many. */
    long run() {
        long cases = changes.announceAll(500);
        jdbc.update("DELETE FROM evaluation_state WHERE name = ?", NAME);
        jdbc.update("INSERT INTO evaluation_state (name, done_at) VALUES (?, ?)", NAME, FactWriter.ts(Instant.now()));
        return cases;
    }
}
