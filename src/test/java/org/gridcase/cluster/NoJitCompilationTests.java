package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every connection of gridcase's pool runs without PostgreSQL's JIT compilation (application-postgres.yaml): on a
 * server built with LLVM, the workbench's deadline-sorted lists otherwise paid more for compiling than for running.
 */
@PostgresTest
class NoJitCompilationTests {

    @Test
    void everyPooledConnectionHasJitOff(@Autowired DataSource dataSource) throws Exception {
        // hold several connections at once, so that more than the pool's first one is asked
        List<java.sql.Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                held.add(dataSource.getConnection());
            }
            for (java.sql.Connection connection : held) {
                try (var statement = connection.createStatement();
                        var setting = statement.executeQuery("select current_setting('jit')")) {
                    setting.next();
                    assertThat(setting.getString(1)).isEqualTo("off");
                }
            }
        } finally {
            for (java.sql.Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void plansAreStillMadeForEachQuerysOwnParameters(@Autowired JdbcTemplate jdbc) {
        assertThat(jdbc.queryForObject("select current_setting('plan_cache_mode')", String.class))
                .isEqualTo("force_custom_plan");
    }
}
