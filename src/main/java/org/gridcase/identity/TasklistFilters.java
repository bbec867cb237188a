package org.gridcase.identity;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the Tasklist filters every member of staff starts with, once: a filter that already exists (by name)
 * is left as it is, so changes made in the Tasklist survive restarts. The queries use Camunda's expressions
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}), so one shared filter serves everyone.
 */
@Component
class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    public void createMissing() {
        create("我的任务", "分配给我的任务", -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create("我的待办", "我所在组的未认领任务", -5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        // Overdue among the tasks I hold or my groups may take: what I must act on now.
        create("已超时", "已过办理期限的我的任务和我所在组的任务", 0,
                tasks.createTaskQuery()
                        .or()
                        .taskAssigneeExpression("${currentUser()}")
                        .taskCandidateGroupInExpression("${currentUserGroups()}")
                        .endOr()
                        .dueBeforeExpression("${now()}"));
    }

    private void create(String name, String description, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        Filter filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties);
        filters.saveFilter(filter);
        log.info("Tasklist filter '{}' created", name);
    }
}
