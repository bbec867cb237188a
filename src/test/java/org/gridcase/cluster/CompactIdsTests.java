package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The engine's rows get ULIDs: 26 characters, in the order they were made. */
@PostgresTest
class CompactIdsTests {

    static final String ULID = "[0-9A-HJKMNP-TV-Z]{26}";

    @Autowired
    ProcessEngine engine;

    @Test
    void theEngineNamesItsRowsWithUlidsInTimeOrder() {
        Task first = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(first);
        Task second = engine.getTaskService().newTask();
        engine.getTaskService().saveTask(second);
        try {
            assertThat(first.getId()).matches(ULID);
            assertThat(second.getId()).matches(ULID).isGreaterThan(first.getId());
        } finally {
            engine.getTaskService().deleteTask(first.getId(), true);
            engine.getTaskService().deleteTask(second.getId(), true);
        }
    }
}
