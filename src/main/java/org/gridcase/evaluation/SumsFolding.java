package org.gridcase.evaluation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Adds the facts' pending contributions into the monthly sums (V61's {@code sums_fold}), every
 * {@code gridcase.evaluation.sums-fold-every} on every node; a node finding another's fold running leaves it to
 * that one. The figures never wait for it: they read each sums table with its pending rows, which sum to the same.
 * A fold that fails (the database away) leaves the rows pending for the next one.
 */
@Component
@EnableScheduling
class SumsFolding {

    private static final Logger log = LoggerFactory.getLogger(SumsFolding.class);

    private final JdbcTemplate jdbc;
    /** Whether this database keeps sums to fold (PostgreSQL's V61); known at the first fold. */
    private volatile Boolean pending;

    SumsFolding(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(initialDelayString = "${gridcase.evaluation.sums-fold-every:1s}",
            fixedDelayString = "${gridcase.evaluation.sums-fold-every:1s}")
    void foldInTheBackground() {
        try {
            fold(false);
        } catch (RuntimeException failed) {
            log.warn("Folding the monthly sums failed; they stay pending for the next fold: {}", failed.toString());
        }
    }

    /**
     * Folds what is pending; {@code wait}: after a fold already running elsewhere, else returns at once if there
     * is one. Whether this call folded.
     */
    boolean fold(boolean wait) {
        // the facts' triggers append whether or not the figures read the sums (gridcase.evaluation.monthly-sums)
        if (pending == null) {
            Integer functions = jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.routines"
                    + " WHERE LOWER(routine_name) = 'sums_fold'", Integer.class);
            pending = functions != null && functions > 0;
        }
        if (!pending) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT sums_fold(?)", Boolean.class, wait));
    }
}
