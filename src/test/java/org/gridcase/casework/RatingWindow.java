package org.gridcase.casework;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * Tests that play the community's return visit let the reporter's rating window (Event_RatingTimeElapsed, three
 * working days) pass at once, as if nobody rated: waits until the case waits for a rating (the feedback runs on the
 * job executor in scenario tests) and fires the timer. Does nothing when the community's call is already due.
 */
public final class RatingWindow {

    private RatingWindow() {
    }

    public static void letPass(ProcessEngine engine, String caseNumber) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                    .taskDefinitionKey("Task_ReturnVisit").count() > 0) {
                return;
            }
            ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceBusinessKey(caseNumber).singleResult();
            Job timer = instance == null ? null : engine.getManagementService().createJobQuery()
                    .processInstanceId(instance.getId()).activityId("Event_RatingTimeElapsed").singleResult();
            if (timer != null) {
                engine.getManagementService().executeJob(timer.getId());
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Case " + caseNumber + " neither waits for a rating nor for the return visit");
    }
}
