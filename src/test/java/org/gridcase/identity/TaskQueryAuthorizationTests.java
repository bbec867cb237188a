package org.gridcase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Task queries confined to the caller's own groups run without the join to the per-task grants
 * ({@link UnitScopedAuthorizationManager}); every other query keeps the engine's check, so no query shape shows
 * another unit's tasks. A task whose grant was removed behind the engine's back tells which way a query ran.
 */
@PostgresTest
class TaskQueryAuthorizationTests {

    static final String MINE = "authz-street-a";
    static final String THEIRS = "authz-street-b";
    static final String MEMBER = "authz.worker";

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void clear() {
        identity.clearAuthentication();
        tasks.createTaskQuery().taskNameLike("authz-test%").list().forEach(t -> tasks.deleteTask(t.getId(), true));
    }

    @Test
    void aQueryConfinedToMyGroupSkipsTheGrantsAndAnyOtherKeepsThem() {
        Task ungranted = task("authz-test ungranted", MINE, null);
        jdbc.update("delete from act_ru_authorization where resource_id_ = ?", ungranted.getId());

        // confined by its criteria: found without its grant
        assertThat(as(() -> tasks.createTaskQuery().taskCandidateGroup(MINE).list())).contains(ungranted.getId());
        assertThat(asMember(() -> tasks.createTaskQuery().taskCandidateGroup(MINE).count())).isEqualTo(1L);
        // not confined: the engine checks the grants, and there is none
        assertThat(as(() -> tasks.createTaskQuery().taskNameLike("authz-test%").list())).doesNotContain(ungranted.getId());
    }

    @Test
    void theSharedFiltersMineOrMyGroupsAreConfinedToo() {
        Task overdue = task("authz-test overdue", MINE, new Date(System.currentTimeMillis() - 60_000));
        jdbc.update("delete from act_ru_authorization where resource_id_ = ?", overdue.getId());
        String overdueFilter = filters.createFilterQuery().filterName("已超时").singleResult().getId();

        assertThat(as(() -> filters.<Task>list(overdueFilter)))
                .contains(overdue.getId());
    }

    @Test
    void noQueryShapeShowsAnotherUnitsTasks() {
        Task mine = task("authz-test mine", MINE, null);
        Task theirs = task("authz-test theirs", THEIRS, null);
        Task theirsAssigned = task("authz-test theirs assigned", THEIRS, null);
        tasks.setAssignee(theirsAssigned.getId(), "someone.else");

        assertThat(as(() -> tasks.createTaskQuery().taskCandidateGroup(THEIRS).list())).isEmpty();
        assertThat(as(() -> tasks.createTaskQuery().taskCandidateGroupIn(List.of(MINE, THEIRS)).list()))
                .containsExactly(mine.getId());
        assertThat(as(() -> tasks.createTaskQuery().or().taskAssignee(MEMBER).taskCandidateGroup(THEIRS).endOr()
                .list())).isEmpty();
        assertThat(as(() -> tasks.createTaskQuery().or().taskCandidateGroup(MINE).taskNameLike("authz-test%").endOr()
                .list())).containsExactly(mine.getId());
        assertThat(as(() -> tasks.createTaskQuery().taskAssignee("someone.else").list())).isEmpty();
        assertThat(as(() -> tasks.createTaskQuery().taskNameLike("authz-test%").list())).containsExactly(mine.getId());
        assertThat(theirs.getId()).isNotNull();
    }

    /** The ids of the tasks a query finds run as a member of my street. */
    private List<String> as(Supplier<List<Task>> query) {
        return asMember(() -> query.get().stream().map(Task::getId).toList());
    }

    private <T> T asMember(Supplier<T> query) {
        identity.setAuthentication(MEMBER, List.of(MINE));
        try {
            return query.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private Task task(String name, String candidateGroup, Date due) {
        Task task = tasks.newTask();
        task.setName(name);
        task.setDueDate(due);
        tasks.saveTask(task);
        tasks.addCandidateGroup(task.getId(), candidateGroup);
        return task;
    }
}
