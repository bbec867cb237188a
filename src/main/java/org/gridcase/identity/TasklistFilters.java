package org.gridcase.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.gridcase.cluster.ClusterLocks;
import org.gridcase.registry.DepartmentChanged;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.UnitChanged;
import org.gridcase.registry.UnitService;
import org.gridcase.registry.UnitView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The Tasklist filters staff start with. Shared filters, one for everyone, use Camunda's expressions
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, and gridcase's {@code workingTime}); they are
 * created once, by name, so changes made in the Tasklist survive restarts. Unit filters (本网格, 本社区, 本街道, 本部门)
 * are one per grid, community, street and department, each readable by that unit's group only, and follow the
 * registry: a new unit gets its filter, a renamed one its new description. Every filter shows the case number,
 * category, address and urgency beside the task's own due date.
 *
 * <p>Filters have no unique key: two nodes that both find a filter missing would both make it. So every change here
 * runs in a transaction holding the cluster lock {@value #LOCK}, and the second node finds the first one's filter.
 */
@Component
class TasklistFilters {

    private static final Logger log = LoggerFactory.getLogger(TasklistFilters.class);

    static final String LOCK = "tasklist-filters";

    /** Filter property naming the group whose unit filter this is. */
    static final String UNIT_GROUP = "gridcaseUnitGroup";

    private static final List<Map<String, String>> CASE_COLUMNS = List.of(
            column("caseNumber", "工单编号"), column("categoryName", "类别"), column("address", "地址"),
            column("urgencyLabel", "紧急程度"));

    /** "About to run out": due within the next half working day. */
    private static final int SOON_WORKING_HOURS = 4;

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final UnitService units;
    private final DepartmentService departments;
    private final ClusterLocks locks;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations,
            UnitService units, DepartmentService departments, ClusterLocks locks) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.units = units;
        this.departments = departments;
        this.locks = locks;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    @Transactional
    public void createMissing() {
        locks.lockForTransaction(LOCK);
        shared("我的任务", "分配给我的任务", -10, tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        shared("我的待办", "我所在组的未认领任务", -5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        shared("即将超时", "我的和我所在组的任务中，" + SOON_WORKING_HOURS + " 个工作小时内到期的", 10,
                mineOrMyGroups().dueAfterExpression("${now()}")
                        .dueBeforeExpression("${workingTime.hoursAhead(" + SOON_WORKING_HOURS + ")}"));
        shared("已超时", "已过办理期限的我的任务和我所在组的任务", 11, mineOrMyGroups().dueBeforeExpression("${now()}"));
        shared("吹哨报到", "街道吹哨与部门报到任务（我的和我所在组的）", 12,
                mineOrMyGroups().taskDefinitionKeyIn("Task_BlowWhistle", "Task_CheckIn"));
        shared("督办", "超期督办、手动督办与督办结案任务（我的和我所在组的）", 13, mineOrMyGroups()
                .taskDefinitionKeyIn("Task_SuperviseOverdueCase", "Task_SuperviseCaseByHand", "Task_ReviewUnresolvedCase"));
        units.list(null, null).forEach(this::saveUnitFilter);
        departments.list().forEach(department -> saveUnitFilter(CamundaGroups.ofDepartment(department.code()),
                "本部门", department.name()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(UnitChanged event) {
        locks.lockForTransaction(LOCK);
        saveUnitFilter(units.get(event.code()));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(DepartmentChanged event) {
        locks.lockForTransaction(LOCK);
        var department = departments.get(event.code());
        saveUnitFilter(CamundaGroups.ofDepartment(department.code()), "本部门", department.name());
    }

    /** Tasks I hold or my groups may take, claimed by a colleague or not. */
    private TaskQuery mineOrMyGroups() {
        return tasks.createTaskQuery().or()
                .taskAssigneeExpression("${currentUser()}")
                .taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr();
    }

    private void shared(String name, String description, int priority, TaskQuery query) {
        Filter filter = filters.createFilterQuery().filterName(name).list().stream()
                .filter(found -> found.getProperties() == null || !found.getProperties().containsKey(UNIT_GROUP))
                .findFirst().orElse(null);
        if (filter == null) {
            filter = filters.newTaskFilter(name).setQuery(query).setProperties(properties(description, priority));
            filters.saveFilter(filter);
            log.info("Tasklist filter '{}' created", name);
        } else if (filter.getProperties() == null || !description.equals(filter.getProperties().get("description"))) {
            // the definition here changed (its description says so): the stored filter follows it
            filter.setQuery(query).setProperties(properties(description, priority));
            filters.saveFilter(filter);
            log.info("Tasklist filter '{}' updated", name);
        }
        allowRead(filter.getId(), null);
    }

    private void saveUnitFilter(UnitView unit) {
        String group = CamundaGroups.ofUnit(unit.level(), unit.code());
        if (group != null) {
            String name = switch (unit.level()) {
                case GRID -> "本网格";
                case COMMUNITY -> "本社区";
                default -> "本街道";
            };
            saveUnitFilter(group, name, unit.name());
        }
    }

    /** Everything waiting on the unit's group, whoever has claimed it. */
    private void saveUnitFilter(String group, String name, String unitName) {
        String description = unitName + "的全部任务（含已认领）";
        Filter filter = filters.createFilterQuery().list().stream()
                .filter(found -> found.getProperties() != null && group.equals(found.getProperties().get(UNIT_GROUP)))
                .findFirst().orElse(null);
        if (filter == null) {
            Map<String, Object> properties = properties(description, 0);
            properties.put(UNIT_GROUP, group);
            filter = filters.newTaskFilter(name).setProperties(properties)
                    .setQuery(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks());
            filters.saveFilter(filter);
            log.info("Tasklist filter '{}' created for {}", name, group);
        } else if (!Objects.equals(description, filter.getProperties().get("description"))) {
            filter.getProperties().put("description", description);
            filters.saveFilter(filter);
        }
        allowRead(filter.getId(), group);
    }

    /** Lets the group (everyone, when null) see the filter in the Tasklist. */
    private void allowRead(String filterId, String group) {
        var query = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId);
        boolean granted = (group == null ? query.authorizationType(Authorization.AUTH_TYPE_GLOBAL)
                : query.groupIdIn(group)).count() > 0;
        if (!granted) {
            Authorization authorization = authorizations.createNewAuthorization(
                    group == null ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            if (group == null) {
                authorization.setUserId(Authorization.ANY);
            } else {
                authorization.setGroupId(group);
            }
            authorization.addPermission(Permissions.READ);
            authorizations.saveAuthorization(authorization);
        }
    }

    private static Map<String, Object> properties(String description, int priority) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("refresh", true);
        properties.put("variables", CASE_COLUMNS);
        return properties;
    }

    private static Map<String, String> column(String name, String label) {
        return Map.of("name", name, "label", label);
    }
}
