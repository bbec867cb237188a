package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two steps of different cases, one changing a check-in fact and then a case fact, the other the same in the
 * opposite order, take the same sums rows (a check-in month row of the district, a case place row) in opposite
 * orders. Without the lock taken first (V59) PostgreSQL found a deadlock and one of them failed. Since V61 the steps
 * no longer write the sums, only append to their pending tables, so they share no row and take no lock at all.
 */
@PostgresTest
class SumsLockTests {

    static final String STREET = "996612001";
    static final String OTHER_STREET = "996612002";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void facts() {
        clean();
        FactRows rows = new FactRows(jdbc);
        rows.received("SLK-A", STREET, "2025-03-02T09:00:00+08:00").dispatchedTo("chengguan").insert();
        rows.received("SLK-D", STREET, "2025-03-03T09:00:00+08:00").dispatchedTo("chengguan").insert();
        rows.received("SLK-B", OTHER_STREET, "2025-03-02T09:00:00+08:00").dispatchedTo("zhujian").insert();
        rows.received("SLK-C", OTHER_STREET, "2025-03-03T09:00:00+08:00").dispatchedTo("zhujian").insert();
    }

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM checkin_fact WHERE case_number LIKE 'SLK-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'SLK-%'");
    }

    @Test
    void stepsTakingTheSumsInOppositeOrdersQueueAndDoNotDeadlock() throws Exception {
        CountDownLatch firstWrote = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(s -> {
            summons("SLK-A");
            firstWrote.countDown();
            await(secondStarted);
            pause(); // the second step has written its case fact by now, unless the lock holds it back
            warn("SLK-B");
        }));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            await(firstWrote);
            secondStarted.countDown();
            transactions.executeWithoutResult(s -> {
                warn("SLK-C");
                summons("SLK-D");
            });
        });

        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM checkin_fact WHERE case_number LIKE 'SLK-%'",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT SUM(warning_count) FROM case_fact WHERE case_number LIKE 'SLK-%'",
                Integer.class)).isEqualTo(2);
    }

    /** The same department, minute and month: the same check-in sums rows for both cases. */
    private void summons(String caseNumber) {
        new FactRows(jdbc).summons(caseNumber, "chengguan", true, "2025-03-04T10:00:00+08:00", true, false, 17);
    }

    /** Both cases of the other street share their place's sums row. */
    private void warn(String caseNumber) {
        jdbc.update("UPDATE case_fact SET warning_count = warning_count + 1 WHERE case_number = ?", caseNumber);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(20, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
