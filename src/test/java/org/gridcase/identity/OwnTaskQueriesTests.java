package org.gridcase.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

/** Which task queries confine themselves to the caller's tasks, and which must keep the engine's check. */
class OwnTaskQueriesTests {

    static final Authentication STREET_MEMBER = new Authentication("street.worker", List.of("street-1", "grid-1"));

    @Test
    void aQueryForOneOfMyGroupsOrForMeIsConfined() {
        assertThat(confined(query().taskCandidateGroup("street-1").includeAssignedTasks())).isTrue();
        assertThat(confined(query().taskCandidateGroupIn(List.of("street-1", "grid-1")).taskUnassigned())).isTrue();
        assertThat(confined(query().taskAssignee("street.worker"))).isTrue();
        // further criteria only narrow what the confining one allows
        assertThat(confined(query().taskCandidateGroup("grid-1").taskDefinitionKey("Task_BlowWhistle"))).isTrue();
    }

    @Test
    void aQueryReachingBeyondMyGroupsKeepsTheEnginesCheck() {
        assertThat(confined(query().taskCandidateGroup("street-2"))).isFalse();
        assertThat(confined(query().taskCandidateGroupIn(List.of("street-1", "street-2")))).isFalse();
        assertThat(confined(query().taskAssignee("someone.else"))).isFalse();
        assertThat(confined(query().taskDefinitionKey("Task_BlowWhistle"))).isFalse();
        assertThat(confined(query())).isFalse();
        // these widen a candidate criterion beyond the groups listed
        assertThat(confined(query().taskCandidateGroup("street-1").taskCandidateGroupLike("%"))).isFalse();
        assertThat(confined(query().taskCandidateGroup("street-1").taskInvolvedUser("someone.else"))).isFalse();
        assertThat(confined(query().taskCandidateUser("someone.else"))).isFalse();
    }

    @Test
    void anOrGroupConfinesOnlyIfEachOfItsCriteriaDoes() {
        // the shared filters' "mine or my groups"
        assertThat(confined(orQuery(or -> or.taskAssignee("street.worker").taskCandidateGroupIn(List.of("street-1")))))
                .isTrue();
        assertThat(confined(orQuery(or -> or.taskAssignee("street.worker").taskCandidateGroupIn(List.of("street-2")))))
                .isFalse();
        assertThat(confined(orQuery(or -> or.taskAssignee("street.worker").taskDefinitionKey("Task_CheckIn"))))
                .isFalse();
        assertThat(confined(orQuery(or -> or.taskCandidateGroup("street-1").taskName("电梯"))))
                .isFalse();
    }

    @Test
    void nobodyLoggedInIsNeverConfined() {
        assertThat(OwnTaskQueries.confinedToCaller(query().taskCandidateGroup("street-1"), null)).isFalse();
        assertThat(OwnTaskQueries.confinedToCaller(query().taskCandidateGroup("street-1"),
                new Authentication(null, List.of("street-1")))).isFalse();
    }

    private static TaskQueryImpl query() {
        return new TaskQueryImpl();
    }

    private static TaskQueryImpl orQuery(java.util.function.UnaryOperator<org.camunda.bpm.engine.task.TaskQuery> or) {
        TaskQueryImpl query = query();
        or.apply(query.or()).endOr();
        return query;
    }

    private static boolean confined(org.camunda.bpm.engine.task.TaskQuery query) {
        return OwnTaskQueries.confinedToCaller((TaskQueryImpl) query, STREET_MEMBER);
    }
}
