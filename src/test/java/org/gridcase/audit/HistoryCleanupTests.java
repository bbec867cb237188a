package org.gridcase.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Calendar;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The retention policy is enforced: the engine's history cleanup is scheduled every night. */
@PostgresTest
class HistoryCleanupTests {

    @Autowired
    HistoryService history;

    @Test
    void theHistoryCleanupIsScheduledForTheNightWindow() {
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty().allSatisfy(job -> {
            Calendar due = Calendar.getInstance();
            due.setTime(((Job) job).getDuedate());
            assertThat(due.get(Calendar.HOUR_OF_DAY)).isBetween(1, 4);
        });
    }
}
