package org.gridcase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The unit filters' count reads gridcase's two indexes and neither table; GridcaseBenchmark's load mode measures what
 * that is worth at 50,000 tasks.
 */
@PostgresTest
class TaskFilterIndexesTests {

    /** The engine's count of 本街道 in the Tasklist (Camunda 7.24, as its SQL log shows it), for a group of none. */
    private static final String FILTER_COUNT = "SELECT COUNT(*) FROM (SELECT DISTINCT RES.ID_ from ACT_RU_TASK RES "
            + "left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_ WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' "
            + "and ( I.GROUP_ID_ IN ( 'street-none' ) ) ) and RES.SUSPENSION_STATE_ = 1 ) "
            + "and (RES.TENANT_ID_ is null ) ) countDistinct";

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIndexesAreMadeAtStartWhereTheyAreMissing() {
        assertThat(indexes()).containsExactlyInAnyOrder(TaskFilterIndexes.CANDIDATE_LINKS,
                TaskFilterIndexes.TASK_STATE);

        jdbc.execute("drop index " + TaskFilterIndexes.TASK_STATE);
        new TaskFilterIndexes().postProcessEngineBuild(engine);
        new TaskFilterIndexes().postProcessEngineBuild(engine); // and a second node's start changes nothing

        assertThat(indexes()).containsExactlyInAnyOrder(TaskFilterIndexes.CANDIDATE_LINKS,
                TaskFilterIndexes.TASK_STATE);
    }

    @Test
    void theFiltersCountReadsBothIndexesAndNeitherTable() {
        // the test database holds a few dozen tasks, for which reading the tables is cheapest: the planner is told
        // to read indexes alone, as it chooses to by itself at thousands of tasks, which it can only if two indexes
        // hold every column the count reads of the links and of the tasks
        List<String> plan = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                sql.execute("SET LOCAL enable_seqscan = off");
                sql.execute("SET LOCAL enable_bitmapscan = off");
                sql.execute("SET LOCAL enable_indexscan = off");
                List<String> lines = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("EXPLAIN " + FILTER_COUNT)) {
                    while (rows.next()) {
                        lines.add(rows.getString(1));
                    }
                }
                return lines;
            } finally {
                connection.rollback();
                connection.setAutoCommit(autoCommit);
            }
        });

        assertThat(String.join("\n", plan))
                .contains("Index Only Scan using " + TaskFilterIndexes.CANDIDATE_LINKS)
                .contains("Index Only Scan using " + TaskFilterIndexes.TASK_STATE);
    }

    /** The unit filters' indexes there are (gridcase's other indexes on the task tables are not this test's). */
    private List<String> indexes() {
        return jdbc.queryForList("SELECT indexname FROM pg_indexes WHERE indexname IN (?, ?)", String.class,
                TaskFilterIndexes.CANDIDATE_LINKS, TaskFilterIndexes.TASK_STATE);
    }
}
