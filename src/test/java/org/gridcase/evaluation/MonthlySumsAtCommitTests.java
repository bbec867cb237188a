package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly sums follow a fact when its transaction commits (V55), not while the transaction still runs: every
 * case of a grid and month adds to the same sums rows, and a step that held their locks for its whole transaction
 * made the steps of every other case of the grid wait (and two such steps could deadlock, issue 11).
 */
@PostgresTest
class MonthlySumsAtCommitTests {

    static final String STREET = "996611001";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'MSC-%'");
    }

    @Test
    void aFactIsSummedWhenItsTransactionCommitsAndNotBefore() {
        Long during = transactions.execute(status -> {
            new FactRows(jdbc).received("MSC-1", STREET, "2025-03-02T09:00:00+08:00").insert();
            return received();
        });

        assertThat(during).as("cases summed while the fact's transaction runs").isZero();
        assertThat(received()).as("cases summed once it committed").isEqualTo(1);
    }

    @Test
    void aFactRolledBackIsNeverSummed() {
        transactions.executeWithoutResult(status -> {
            new FactRows(jdbc).received("MSC-2", STREET, "2025-03-02T09:00:00+08:00").insert();
            status.setRollbackOnly();
        });

        assertThat(received()).isZero();
    }

    private long received() {
        Long cases = jdbc.queryForObject("SELECT COALESCE(SUM(cases), 0) FROM case_fact_month WHERE anchor = 'RECEIVED'"
                + " AND street_code = ?", Long.class, STREET);
        return cases == null ? 0 : cases;
    }
}
