package org.gridcase.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The open tasks of cases, to say where a case stands and who holds it. The cases come from CaseQueries, so the
 * caller may see them; who holds one of their steps is part of the case, even when the step is another unit's
 * task that the engine's authorization would not list to the caller: so they are read without that check.
 * {@link #visibleToCaller} says which of them the caller may open in the Tasklist.
 */
@Component
class OpenTasks {

    /** The step's name, without the case number and category the task title adds (部门报到 · TM-… · 类别). */
    private static final String TITLE_SEPARATOR = " · ";

    /** Task ids per query for their candidate groups: well below what a database takes in one IN list. */
    private static final int GROUPS_PER_QUERY = 500;

    private final ProcessEngineConfigurationImpl engine;
    private final NamedParameterJdbcTemplate jdbc;

    OpenTasks(ProcessEngineConfigurationImpl engine, NamedParameterJdbcTemplate jdbc) {
        this.engine = engine;
        this.jdbc = jdbc;
    }

    record OpenTask(String id, String processInstanceId, String step, String taskKey, String assignee,
            List<String> candidateGroups, Instant due, Instant created) {
    }

    /**
     * The open tasks of these cases' process instances, by instance, oldest first. A case's steps include those of
     * the processes it called (a mediation, a consultation meeting), which carry the case number as their business
     * key: they are listed under the case's own instance.
     */
    Map<String, List<OpenTask>> of(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return new LinkedHashMap<>(); // callers look up cases without a process (demo history) by a null id
        }
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                Map<String, String> caseInstanceByKey = caseInstancesByKey(processInstanceIds);
                List<Task> tasks = tasksOf(caseInstanceByKey);
                Map<String, String> caseInstanceOf = caseInstanceOf(tasks, caseInstanceByKey);
                Map<String, List<String>> groups = candidateGroups(tasks.stream()
                        .filter(task -> task.getAssignee() == null).map(Task::getId).toList());
                Map<String, List<OpenTask>> byInstance = new LinkedHashMap<>();
                for (Task task : tasks) {
                    String caseInstance = caseInstanceOf.get(task.getProcessInstanceId());
                    byInstance.computeIfAbsent(caseInstance, id -> new ArrayList<>())
                            .add(view(task, caseInstance, groups.getOrDefault(task.getId(), List.of())));
                }
                return byInstance;
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }

    /** The ids of these tasks that the caller's own authorizations let them see (and so open in the Tasklist). */
    Set<String> visibleToCaller(String processInstanceId) {
        Map<String, String> caseInstanceByKey = engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                return caseInstancesByKey(List.of(processInstanceId));
            } finally {
                context.enableAuthorizationCheck();
            }
        });
        return tasksOf(caseInstanceByKey).stream().map(Task::getId).collect(Collectors.toSet());
    }

    /** Each case's business key (its number) and its own, root, process instance. */
    private Map<String, String> caseInstancesByKey(Collection<String> processInstanceIds) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceIds(Set.copyOf(processInstanceIds)).list()) {
            if (instance.getBusinessKey() != null) {
                byKey.put(instance.getBusinessKey(), instance.getId());
            }
        }
        return byKey;
    }

    private List<Task> tasksOf(Map<String, String> caseInstanceByKey) {
        if (caseInstanceByKey.isEmpty()) {
            return List.of();
        }
        return engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKeyIn(caseInstanceByKey.keySet().toArray(String[]::new))
                .orderByTaskCreateTime().asc().list();
    }

    /** For each task's process instance, the case's own instance: itself, or the case that called it. */
    private Map<String, String> caseInstanceOf(List<Task> tasks, Map<String, String> caseInstanceByKey) {
        Map<String, String> caseInstanceOf = new LinkedHashMap<>();
        caseInstanceByKey.values().forEach(id -> caseInstanceOf.put(id, id));
        Set<String> called = tasks.stream().map(Task::getProcessInstanceId)
                .filter(id -> !caseInstanceOf.containsKey(id)).collect(Collectors.toSet());
        if (!called.isEmpty()) {
            for (ProcessInstance instance : engine.getRuntimeService().createProcessInstanceQuery()
                    .processInstanceIds(called).list()) {
                caseInstanceOf.put(instance.getId(), caseInstanceByKey.get(instance.getBusinessKey()));
            }
        }
        return caseInstanceOf;
    }

    /**
     * The candidate groups of these tasks, sorted, in one query per few hundred tasks. The engine's API reads one
     * task's links at a time, two statements each: a board of 200 cases sent 500 statements.
     */
    private Map<String, List<String>> candidateGroups(List<String> taskIds) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (int from = 0; from < taskIds.size(); from += GROUPS_PER_QUERY) {
            jdbc.query("SELECT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IN (:tasks)"
                    + " AND TYPE_ = :candidate AND GROUP_ID_ IS NOT NULL",
                    Map.of("tasks", taskIds.subList(from, Math.min(taskIds.size(), from + GROUPS_PER_QUERY)),
                            "candidate", IdentityLinkType.CANDIDATE),
                    (RowCallbackHandler) row -> groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(row.getString(2)));
        }
        groups.values().forEach(list -> list.sort(null));
        return groups;
    }

    private OpenTask view(Task task, String caseInstance, List<String> groups) {
        String name = task.getName() == null ? task.getTaskDefinitionKey() : task.getName();
        int cut = name.indexOf(TITLE_SEPARATOR);
        return new OpenTask(task.getId(), caseInstance, cut < 0 ? name : name.substring(0, cut),
                task.getTaskDefinitionKey(), task.getAssignee(), groups,
                task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
    }
}
