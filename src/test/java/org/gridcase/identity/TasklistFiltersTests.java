package org.gridcase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.PostgresTest;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The Tasklist filters: shared ones exist once and show each user their own work; unit ones follow the registry. */
@PostgresTest
class TasklistFiltersTests {

    @Autowired
    FilterService filters;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    TasklistFilters tasklistFilters;

    @Autowired
    UnitService units;

    @Autowired
    DepartmentService departments;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
        jdbc.update("update act_ru_task set task_def_key_ = null where name_ like 'filter-test%'");
        tasks.createTaskQuery().taskNameLike("filter-test%").list().forEach(t -> tasks.deleteTask(t.getId(), true));
    }

    @Test
    void createsEachFilterOnlyOnce() {
        // when: the application starts again
        tasklistFilters.createMissing();

        // then
        for (String name : List.of("我的任务", "我的待办", "即将超时", "已超时", "吹哨报到", "督办")) {
            assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
        }
    }

    @Test
    void twoNodesStartingTogetherMakeEachFilterOnce() throws Exception {
        // given: a district whose unit filters are missing, and a shared filter that is missing too, as on a
        // database that two nodes meet first
        TestDistrict d = TestDistrict.create(units, departments, "991801", 48.0, 118.0);
        List<String> groups = List.of("grid-" + d.westGrid(), "grid-" + d.eastGrid(), "community-" + d.community(),
                "street-" + d.street(), "dept-" + d.department());
        filters.createFilterQuery().list().stream()
                .filter(f -> f.getName().equals("督办") || groups.contains(String.valueOf(unitGroup(f))))
                .forEach(f -> filters.deleteFilter(f.getId()));

        // when: two nodes do their start-up work at the same moment
        Concurrently.twice(tasklistFilters::createMissing);

        // then
        assertThat(filters.createFilterQuery().filterName("督办").count()).isEqualTo(1);
        for (String group : groups) {
            assertThat(filters.createFilterQuery().list().stream().filter(f -> group.equals(unitGroup(f))))
                    .as(group).hasSize(1);
        }
    }

    @Test
    void showsMyGroupsUnassignedTasksUnderMyTodo() {
        // given
        Task forMyGrid = task("filter-test grid", "grid-990401001001001", null, null);
        Task claimed = task("filter-test claimed", "grid-990401001001001", "someone.else", null);
        task("filter-test other grid", "grid-990401001001002", null, null);

        // when
        List<String> seen = listAs("todo.worker", List.of("grid-990401001001001"), "我的待办");

        // then
        assertThat(seen).containsExactly(forMyGrid.getId()).doesNotContain(claimed.getId());
    }

    @Test
    void showsTasksAssignedToMeUnderMyTasks() {
        Task mine = task("filter-test mine", null, "mine.worker", null);
        task("filter-test theirs", null, "other.worker", null);

        assertThat(listAs("mine.worker", List.of(), "我的任务")).containsExactly(mine.getId());
    }

    @Test
    void showsOnlyMyOverdueTasksUnderOverdue() {
        Date past = new Date(System.currentTimeMillis() - 3_600_000);
        Date future = new Date(System.currentTimeMillis() + 3_600_000);
        Task overdueForMyGroup = task("filter-test overdue group", "dept-overdue990401", null, past);
        Task overdueMine = task("filter-test overdue mine", null, "late.worker", past);
        task("filter-test not yet due", "dept-overdue990401", null, future);
        task("filter-test overdue elsewhere", "dept-elsewhere990401", null, past);

        assertThat(listAs("late.worker", List.of("dept-overdue990401"), "已超时"))
                .containsExactlyInAnyOrder(overdueForMyGroup.getId(), overdueMine.getId());
    }

    @Test
    void showsWhatIsDueWithinTheNextWorkingHoursUnderAboutToRunOut() {
        long now = System.currentTimeMillis();
        Task soon = task("filter-test soon", "dept-soon990401", null, new Date(now + 60_000));
        task("filter-test next month", "dept-soon990401", null, new Date(now + 30L * 24 * 3_600_000));
        task("filter-test already overdue", "dept-soon990401", null, new Date(now - 60_000));

        assertThat(listAs("soon.worker", List.of("dept-soon990401"), "即将超时")).containsExactly(soon.getId());
    }

    @Test
    void showsWhistlesAndCheckInsUnderWhistleAndSupervisionTasksUnderSupervision() {
        Task checkIn = task("filter-test check-in", "dept-whistle990401", null, null);
        Task other = task("filter-test other step", "dept-whistle990401", null, null);
        Task supervision = task("filter-test supervision", "dept-whistle990401", "whistle.worker", null);
        // a standalone task has no definition key; give these the keys the process's tasks have
        setKey(checkIn, "Task_CheckIn");
        setKey(other, "Task_HandleOnSite");
        setKey(supervision, "Task_SuperviseOverdueCase");

        // (counted: listing would look up the form of a task whose definition the test made up)
        assertThat(countAs("whistle.worker", List.of("dept-whistle990401"), "吹哨报到")).isEqualTo(1);
        assertThat(countAs("whistle.worker", List.of("dept-whistle990401"), "督办")).isEqualTo(1);
        assertThat(countAs("whistle.worker", List.of("dept-whistle990401"), "我的待办")).as("all three are there")
                .isEqualTo(2);
    }

    @Test
    void followsTheRegistryWithAFilterPerUnitThatOnlyItsGroupSees() {
        // when: the registry gains a district (its units and a department are created through the services)
        TestDistrict d = TestDistrict.create(units, departments, "991301", 42.0, 112.0);

        // then: each unit's group sees its own filter, with everything of the unit, claimed or not
        assertThat(visibleUnitFilters(List.of("grid-" + d.westGrid()))).containsExactly("本网格 grid-" + d.westGrid());
        assertThat(visibleUnitFilters(List.of("street-" + d.street()))).containsExactly("本街道 street-" + d.street());
        assertThat(visibleUnitFilters(List.of("dept-" + d.department())))
                .containsExactly("本部门 dept-" + d.department());
        Task claimed = task("filter-test claimed in west grid", "grid-" + d.westGrid(), "colleague", null);
        assertThat(listAs("west.worker", List.of("grid-" + d.westGrid()), "本网格")).containsExactly(claimed.getId());
        // the shared filters show the case columns
        Filter todo = filters.createFilterQuery().filterName("我的待办").singleResult();
        assertThat(todo.getProperties().get("variables").toString()).contains("caseNumber", "工单编号", "categoryName");
    }

    private static Object unitGroup(Filter filter) {
        return filter.getProperties() == null ? null : filter.getProperties().get(TasklistFilters.UNIT_GROUP);
    }

    private List<String> visibleUnitFilters(List<String> groups) {
        identity.setAuthentication("unit.worker", groups);
        try {
            return filters.createFilterQuery().list().stream()
                    .filter(f -> f.getProperties() != null && f.getProperties().containsKey(TasklistFilters.UNIT_GROUP))
                    .map(f -> f.getName() + " " + f.getProperties().get(TasklistFilters.UNIT_GROUP)).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private long countAs(String user, List<String> groups, String filterName) {
        identity.setAuthentication(user, groups);
        try {
            return filters.count(filters.createFilterQuery().filterName(filterName).singleResult().getId());
        } finally {
            identity.clearAuthentication();
        }
    }

    private void setKey(Task task, String key) {
        jdbc.update("update act_ru_task set task_def_key_ = ? where id_ = ?", key, task.getId());
    }

    private Task task(String name, String candidateGroup, String assignee, Date due) {
        Task task = tasks.newTask();
        task.setName(name);
        task.setAssignee(assignee);
        task.setDueDate(due);
        tasks.saveTask(task);
        if (candidateGroup != null) {
            tasks.addCandidateGroup(task.getId(), candidateGroup);
        }
        return task;
    }

    private List<String> listAs(String user, List<String> groups, String filterName) {
        identity.setAuthentication(user, groups);
        Filter filter = filters.createFilterQuery().filterName(filterName).list().stream()
                .filter(f -> !f.getProperties().containsKey(TasklistFilters.UNIT_GROUP)
                        || groups.contains(f.getProperties().get(TasklistFilters.UNIT_GROUP)))
                .findFirst().orElseThrow();
        return filters.<Task>list(filter.getId()).stream()
                .filter(t -> t.getName().startsWith("filter-test"))
                .map(Task::getId)
                .toList();
    }
}
