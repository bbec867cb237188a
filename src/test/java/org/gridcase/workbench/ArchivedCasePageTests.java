package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridcase.audit.ArchiveForTests;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.ProcessTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The case page's 办理经过 and 回访 rounds of a closed case read the same once the nightly compaction has replaced
 * its engine history by its archive: staff lose nothing of a case when it is archived.
 */
class ArchivedCasePageTests extends ProcessTestSupport {

    @Autowired
    CaseHistorySteps history;

    @Autowired
    ReturnVisitRounds returnVisits;

    @Autowired
    Names names;

    @Autowired
    CaseQueries cases;

    @Autowired
    ApplicationContext context;

    ArchivedCasePageTests() {
        super("997101", 71.0, 141.0, THURSDAY_TEN); // a square of the globe no other test district uses
    }

    @BeforeEach
    void actAsStaff() {
        actAs("test.staff");
    }

    @Test
    void anArchivedCaseShowsTheSameStepsAndReturnVisitRoundsAsBefore() {
        // given a case whistled, checked in, handled, visited, reopened, handled again and visited again
        ProcessInstance instance = whistledReopenedAndClosed();
        CaseDetails c = asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
        List<CaseHistorySteps.Step> steps = history.of(c, names.lookup());
        List<ReturnVisitRounds.Round> rounds = returnVisits.of(c);
        assertThat(steps).extracting(CaseHistorySteps.Step::what).contains("完成：街道吹哨", "完成：部门报到", "完成：回访");
        assertThat(steps).extracting(CaseHistorySteps.Step::who).contains("dept.jiaojing");
        assertThat(rounds).extracting(ReturnVisitRounds.Round::resolution).containsExactly("部分解决", "已解决");
        assertThat(rounds).extracting(ReturnVisitRounds.Round::satisfaction).containsExactly("不满意", "基本满意");

        // when the nightly compaction archives it and deletes its engine history
        assertThat(ArchiveForTests.compact(context, instance.getId())).isTrue();
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .count()).isZero();

        // then the page reads the same from the archive
        CaseDetails archived = asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
        assertThat(history.of(archived, names.lookup())).isEqualTo(steps);
        assertThat(returnVisits.of(archived)).isEqualTo(rounds);
    }

}
