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
 * does gridcase's tasks. They carry the same data as gridcase's cases: started with the resident's report (its
 * eight fields as variables, where gridcase keeps them in its case record) and each task completed with the values
 * of gridcase's form for that step ({@link GridcaseCases#forms()}); so the ratio measures what gridcase does beyond
 * a bare process, not the report and forms both have.
 */
final class AnchorCases {

    static final String ONE_TASK = "BareOneTask";
    static final String SIX_TASKS = "BareSixTasks";
    static final String GROUP = "bench-anchor";
    static final String MEMBER = "bench.anchor";

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

    /**
     * Starts a BareOneTask over the engine REST API, as an integration would, with the administrator's login, its
     * variables the report's fields (a string or number each, typed by the engine from the JSON).
     */
    static void startOverRest(BenchHttp http, Map<String, Object> report) {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        report.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        http.postAs(EmbeddedPostgresInitializer.ADMIN, EmbeddedPostgresInitializer.ADMIN_PASSWORD,
                "/engine-rest/process-definition/key/" + ONE_TASK + "/start", Map.of("variables", variables));
    }

    /**
     * Starts a BareSixTasks with the report (nobody logged in, as gridcase's cases are opened) and completes its six
     * tasks with gridcase's forms' values.
     */
    void runSixTasks(Map<String, Object> report) {
        String instance = runtime.startProcessInstanceByKey(SIX_TASKS, report).getId();
        List<Map<String, Object>> forms = GridcaseCases.forms();
        for (int step = 0; step < forms.size(); step++) {
            // a bare process continues synchronously: the next task is there when the completion returns
            Task task = Waits.until("task " + step + " of " + instance, () -> tasks.createTaskQuery()
                    .processInstanceId(instance).taskCandidateGroup(GROUP).singleResult());
            identity.setAuthentication(MEMBER, List.of(GROUP));
            try {
                tasks.complete(task.getId(), forms.get(step));
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    long waitingAt(String processKey) {
        return tasks.createTaskQuery().processDefinitionKey(processKey).count();
    }
}
