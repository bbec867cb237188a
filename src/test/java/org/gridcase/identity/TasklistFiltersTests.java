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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The shared Tasklist filters exist once and show each user their own work. */
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

    @AfterEach
    void clear() {
        identity.clearAuthentication();
        tasks.createTaskQuery().taskNameLike("filter-test%").list().forEach(t -> tasks.deleteTask(t.getId(), true));
    }

    @Test
    void createsEachFilterOnlyOnce() {
        // when: the application starts again
        tasklistFilters.createMissing();

        // then
        for (String name : List.of("我的任务", "我的待办", "已超时")) {
            assertThat(filters.createFilterQuery().filterName(name).count()).as(name).isEqualTo(1);
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
        Filter filter = filters.createFilterQuery().filterName(filterName).singleResult();
        return filters.<Task>list(filter.getId()).stream()
                .filter(t -> t.getName().startsWith("filter-test"))
                .map(Task::getId)
                .toList();
    }
}
