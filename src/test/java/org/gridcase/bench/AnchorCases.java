package org.gridcase.bench;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.EmbeddedPostgresInitializer;

/**
 * The anchors gridcase is measured against: bare processes on the same engine, database and settings (history
 * level full, authorization on), with nothing of gridcase's own: BareOneTask (start, one user task, end) for
 * intake, BareSixTasks (six user tasks in a row) for a whole lifecycle, as many user tasks as a whistled case
 * with three departments has. Every task has a candidate group, so the engine grants it to that group as it
 * does gridcase's tasks.
 */
final class AnchorCases {

    static final String ONE_TASK = "BareOneTask";
    static final String SIX_TASKS = "BareSixTasks";
    static final String GROUP = "bench-anchor";
    private static final String MEMBER = "bench.anchor";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;

    AnchorCases(RuntimeService runtime, TaskService tasks, IdentityService identity) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** Deploys both from the test resources; deploying them again on a kept database changes nothing. */
    static void deploy(RepositoryService repository) {
        repository.createDeployment().name("gridcase-benchmark-anchors").enableDuplicateFiltering(false)
                .addClasspathResource("bench/" + ONE_TASK + ".bpmn")
                .addClasspathResource("bench/" + SIX_TASKS + ".bpmn")
                .deploy();
    }

    /** Starts a BareOneTask over the engine REST API, as an integration would, with the administrator's login. */
    static void startOverRest(BenchHttp http) {
        http.postAs(EmbeddedPostgresInitializer.ADMIN, EmbeddedPostgresInitializer.ADMIN_PASSWORD,
                "/engine-rest/process-definition/key/" + ONE_TASK + "/start", Map.of());
    }

    /** Starts a BareSixTasks (nobody logged in, as gridcase's cases are opened) and completes its six tasks. */
    void runSixTasks() {
        String instance = runtime.startProcessInstanceByKey(SIX_TASKS).getId();
        for (int step = 0; step < 6; step++) {
            // a bare process continues synchronously: the next task is there when the completion returns
            Task task = Waits.until("task " + step + " of " + instance, () -> tasks.createTaskQuery()
                    .processInstanceId(instance).taskCandidateGroup(GROUP).singleResult());
            identity.setAuthentication(MEMBER, List.of(GROUP));
            try {
                tasks.complete(task.getId());
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    long waitingAt(String processKey) {
        return tasks.createTaskQuery().processDefinitionKey(processKey).count();
    }
}
