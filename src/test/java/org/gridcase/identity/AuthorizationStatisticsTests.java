package org.gridcase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL knows the share of each permission among Camunda's authorizations; GridcaseBenchmark's load mode measures
 * the queries it is for.
 */
@PostgresTest
class AuthorizationStatisticsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuthorizationStatistics statistics;

    @Test
    void createsStatisticsOnThePermissionBitsOnceAndAgainWithoutError() {
        statistics.create();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_statistic_ext WHERE stxname = ?", Integer.class,
                "gridcase_authorization_perms")).isEqualTo(1);
        // ANALYZE has filled them: the planner reads the expressions' distributions
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_stats_ext_exprs WHERE statistics_name = ?",
                Integer.class, "gridcase_authorization_perms")).isEqualTo(4);
    }
}
