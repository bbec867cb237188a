package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.gridcase.PostgresTest;
import org.gridcase.casework.CaseScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A step that changes a fact no longer writes the monthly sums (V61): the fact's contribution waits in the sums'
 * pending table until a fold adds it, and the figures count it either way. While a fold elsewhere holds the
 * folders' lock (as another node's would), nothing is folded here, yet the figures already count the new fact.
 */
@PostgresTest
class SumsFoldingTests {

    static final String DISTRICT = "996613";
    static final String STREET = "996613001";
    static final CaseScope ALL = new CaseScope(true, Set.of(), Set.of(), Set.of(), Set.of(), null);

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Figures figures;

    @Autowired
    SumsFolding folding;

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM checkin_fact WHERE case_number LIKE 'SFT-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'SFT-%'");
        folding.fold(true);
    }

    @Test
    void aFactWaitsPendingUntilFoldedAndTheFiguresCountItBeforeAndAfter() throws Exception {
        try (Connection otherFold = dataSource.getConnection()) {
            holdTheFoldersLock(otherFold);
            new FactRows(jdbc).received("SFT-1", STREET, "2025-03-02T09:00:00+08:00").insert();
            new FactRows(jdbc).summons("SFT-1", "chengguan", true, "2025-03-02T10:00:00+08:00", true, false, 12);

            assertThat(folding.fold(false)).as("a fold while another runs").isFalse();
            assertThat(summed("case_fact_month")).as("cases in the sums, not yet folded").isZero();
            assertThat(summed("case_fact_month_pending")).as("cases pending").isEqualTo(1);
            assertThat(received()).as("the figures count the pending fact").isEqualTo(1);
            assertThat(responded()).as("and its check-in").isEqualTo(1);
            otherFold.rollback();
        }

        assertThat(folding.fold(false)).isTrue();
        assertThat(summed("case_fact_month")).isPositive();
        assertThat(summed("case_fact_month_pending")).isZero();
        assertThat(received()).isEqualTo(1);
        assertThat(responded()).isEqualTo(1);
    }

    @Test
    void aFactRolledBackLeavesNothingPending() {
        transactions.executeWithoutResult(status -> {
            new FactRows(jdbc).received("SFT-2", STREET, "2025-03-02T09:00:00+08:00").insert();
            status.setRollbackOnly();
        });

        assertThat(pendingFor(STREET)).isZero();
        assertThat(received()).isZero();
    }

    @Test
    void aRebuildTakesWhatIsPendingAsSummedAlready() throws Exception {
        try (Connection otherFold = dataSource.getConnection()) {
            holdTheFoldersLock(otherFold);
            new FactRows(jdbc).received("SFT-3", STREET, "2025-03-02T09:00:00+08:00").insert();
            assertThat(pendingFor(STREET)).isPositive();
            otherFold.rollback();
        }

        jdbc.queryForList("SELECT case_fact_month_rebuild()");

        assertThat(pendingFor(STREET)).isZero();
        assertThat(received()).as("counted once, not once summed and once pending").isEqualTo(1);
    }

    private static void holdTheFoldersLock(Connection connection) throws Exception {
        connection.setAutoCommit(false);
        try (Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_advisory_xact_lock(" + db.migration.V55__case_fact_month_sums_at_commit.SUMS_LOCK
                    + ")");
        }
    }

    private long summed(String table) {
        Long cases = jdbc.queryForObject("SELECT COALESCE(SUM(cases), 0) FROM " + table
                + " WHERE anchor = 'RECEIVED' AND street_code = ?", Long.class, STREET);
        return cases == null ? 0 : cases;
    }

    private long pendingFor(String street) {
        Long rows = jdbc.queryForObject("SELECT COUNT(*) FROM case_fact_month_pending WHERE street_code = ?",
                Long.class, street);
        return rows == null ? 0 : rows;
    }

    private long received() {
        return figures.total(List.of(Measure.CLOSURE_RATE), year(), new Filters(DISTRICT, null, null, null), ALL)
                .get(Measure.CLOSURE_RATE).denominator();
    }

    private long responded() {
        return figures.total(List.of(Measure.RESPONSE_RATE), year(), new Filters(DISTRICT, null, null, null), ALL)
                .get(Measure.RESPONSE_RATE).denominator();
    }

    private static Period year() {
        return Period.of("YEAR", "2025-01-01", null, null, ZoneId.of("Asia/Shanghai"), java.time.LocalDate.now());
    }
}
