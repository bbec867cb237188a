package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import db.migration.V54__case_actors_from_history;
import org.gridcase.audit.ArchiveForTests;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 我经手的 (CaseSearch.More.actedByCaller) finds the cases in whose process the caller completed a task from
 * gridcase's own record of who acted (case_actor), not from the engine's history: a case archived by the nightly
 * compaction, its engine history gone, is still listed for those who worked on it, and only for them.
 */
class CaseActorTests extends ProcessTestSupport {

    private static final CaseSearch.More ACTED = new CaseSearch.More(null, null, null, null, false, null, null, false,
            true, false, false, null);

    @Autowired
    CaseQueries cases;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    CaseActorTests() {
        super("997201", 72.0, 142.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @BeforeEach
    void actAsStaff() {
        actAs("test.staff");
    }

    @Test
    void anArchivedCaseIsStillAmongTheCasesTheCallerWorkedOn() {
        // given a case handled by the traffic police's officer (a step that leaves no name on the record), closed
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing"), "jiaojing");
        checkIn(instance, "jiaojing");
        tasks.claim(task("Task_HandleOnSite").getId(), "officer.wang");
        resolve();
        complete(task("Task_ReturnVisit"), withVariables("resolution", "RESOLVED", "satisfaction", "SATISFIED"));
        assertThat(instance).isEnded();
        String number = instance.getBusinessKey();
        assertThat(workedOnBy("officer.wang", number)).isTrue();
        assertThat(workedOnBy("officer.li", number)).isFalse();
        // the migration that fills case_actor on an existing database finds the same in the engine's history
        assertThat(jdbc.queryForList("SELECT a.user_id FROM (" + V54__case_actors_from_history.ACTORS + ") a "
                + "JOIN case_record c ON c.id = a.case_id WHERE c.case_number = ?", String.class, number))
                .contains("officer.wang");

        // when the nightly compaction archives it and deletes its engine history
        assertThat(ArchiveForTests.compact(context, instance.getId())).isTrue();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .count()).isZero();

        // then it is still the officer's, and still not another's
        assertThat(workedOnBy("officer.wang", number)).isTrue();
        assertThat(workedOnBy("officer.li", number)).isFalse();
    }

    /** Whether the case is among 我经手的 of this user (reading as one who may see every case). */
    private boolean workedOnBy(String user, String number) {
        var identity = engine.getIdentityService();
        var before = identity.getCurrentAuthentication();
        identity.setAuthentication(user, List.of("auditors"));
        try {
            return cases.search(new CaseSearch(null, null, null, null, number, null, Set.of(), ACTED),
                    PageRequest.of(0, 10)).getTotalElements() == 1;
        } finally {
            identity.setAuthentication(before);
        }
    }
}
