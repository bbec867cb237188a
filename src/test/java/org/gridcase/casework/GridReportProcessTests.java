package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.NotificationLog;
import org.gridcase.notification.NotificationView;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

/** GridReportProcess.bpmn: every path and every timer, on the real delegates and PostgreSQL. */
class GridReportProcessTests extends ProcessTestSupport {

    @Autowired
    CaseQueries cases;

    @Autowired
    NotificationLog notificationsApi;

    GridReportProcessTests() {
        super("990601", 33.0, 103.0, THURSDAY_TEN);
    }

    // --- handling on receipt ---------------------------------------------------------------------------------

    @Test
    void closesACaseHandledOnTheSpot() {
        // given
        ProcessInstance instance = report("PROPERTY.STAIRWELL_LIGHT", Urgency.ROUTINE);
        assertThat(instance).isWaitingAt("Task_HandleOnTheSpot");
        assertThat(task()).hasCandidateGroup("grid-" + d.westGrid());
        assertThat(formIdOf(task())).isEqualTo("HandleOnTheSpotForm");

        // when
        complete(task(), withVariables("handledOnTheSpot", true, "onTheSpotNote", "已更换灯泡。"));
        execute(job("Task_NotifyReporter"));
        assertThat(instance).isWaitingAt("Gateway_RatingOrCall"); // for the rating or the end of its window
        execute(job("Event_RatingTimeElapsed"));
        assertThat(instance).isWaitingAt("Task_ReturnVisit");
        assertThat(task()).hasCandidateGroup("community-" + d.community());
        assertThat(formIdOf(task())).isEqualTo("ReturnVisitForm");
        complete(task(), withVariables("resolution", "RESOLVED", "satisfaction", "SATISFIED"));

        // then
        assertThat(instance).hasPassedInOrder("Task_LocateGrid", "Task_TriageReport", "Task_HandleOnTheSpot",
                "Task_NotifyReporter", "Event_RatingTimeElapsed", "Task_ReturnVisit").isEnded();
        assertThat(instance).hasNotPassed("Event_ReporterRated");
        assertThat(instance).hasPassed("EndEvent_CaseClosed");
        CaseDetails record = record(instance);
        assertThat(record.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(record.stages()).extracting(CaseDetails.Stage::status).containsExactly(CaseStatus.RECEIVED,
                CaseStatus.ON_THE_SPOT, CaseStatus.FEEDBACK, CaseStatus.RETURN_VISIT, CaseStatus.CLOSED);
        assertThat(record.gridCode()).isEqualTo(d.westGrid());
        assertThat(record.track()).isEqualTo("ON_THE_SPOT");
        assertThat(record.satisfaction()).isEqualTo("SATISFIED");
        assertThat(record.ratedBy()).isEqualTo("COMMUNITY");
        assertThat(record.closedAt()).isNotNull();
        assertThat(notificationsApi.about(record.caseNumber())).extracting(NotificationView::template)
                .containsExactly("REPORTER_RECEIVED", "REPORTER_FEEDBACK");
        assertThat(sent(record, NotificationTemplate.REPORTER_FEEDBACK))
                .singleElement().satisfies(message -> {
                    assertThat(message.recipient()).isEqualTo("reporter:13900001111");
                    assertThat(message.text()).contains(record.caseNumber()).contains("已更换灯泡。社区")
                            .doesNotContain("。。");
                });
    }

    @Test
    void sendsACaseToTheStreetWhenTheGridAsksForAWhistle() {
        ProcessInstance instance = report("PROPERTY.STAIRWELL_LIGHT", Urgency.ROUTINE);

        complete(task(), withVariables("handledOnTheSpot", false, "onTheSpotNote", "需物业更换线路"));

        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        assertThat(task()).hasCandidateGroup("street-" + d.street());
        assertThat(formIdOf(task())).isEqualTo("BlowWhistleForm");
        assertThat(record(instance).status()).isEqualTo(CaseStatus.WHISTLED);
    }

    @Test
    void sendsACaseToTheStreetWhenTheOnTheSpotLimitPasses() {
        // given
        ProcessInstance instance = report("PROPERTY.STAIRWELL_CLUTTER", Urgency.ROUTINE);
        Job limit = job("BoundaryEvent_OnTheSpotLimitPassed");
        assertThat(limit.getDuedate().toInstant()).as("two working hours").isEqualTo(THURSDAY_TEN.plusHours(2).toInstant());

        // when
        execute(limit);

        // then
        assertThat(instance).isWaitingAt("Task_BlowWhistle").hasNotPassed("Gateway_HandledOnTheSpot");
    }

    // --- whistle and check-in -------------------------------------------------------------------------------

    @Test
    void summonsEveryDepartmentAndHandsTheCaseToTheLeadWhenAllHaveCheckedIn() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        assertThat(instance).variables().containsEntry("departments", List.of("jiaojing", "gongjiao", "wuye"));

        // when
        whistle(List.of("jiaojing", "gongjiao", "wuye"), "jiaojing");

        // then
        List<Task> checkIns = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CheckIn").list();
        assertThat(checkIns).hasSize(3);
        assertThat(checkIns).allSatisfy(t -> assertThat(t.getDueDate()).isNotNull());
        assertThat(checkIns).allSatisfy(t -> assertThat(formIdOf(t)).isEqualTo("CheckInForm"));
        assertThat(candidateGroupsOf(checkIns)).containsExactlyInAnyOrder("dept-jiaojing", "dept-gongjiao", "dept-wuye");
        assertThat(record(instance).status()).isEqualTo(CaseStatus.CHECKING_IN);

        // when
        checkIn(instance, "jiaojing", "gongjiao", "wuye");

        // then
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        assertThat(task()).hasCandidateGroup("dept-jiaojing");
        assertThat(formIdOf(task())).isEqualTo("HandleOnSiteForm");
        CaseDetails record = record(instance);
        assertThat(record.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(record.departments()).hasSize(3).allSatisfy(dep -> {
            assertThat(dep.checkedInAt()).isNotNull();
            assertThat(dep.late()).isFalse();
        });
        assertThat(record.departments()).filteredOn(CaseDetails.Department::lead)
                .extracting(CaseDetails.Department::departmentCode).containsExactly("jiaojing");
        assertThat(record.handlingDue()).isEqualTo(task().getDueDate().toInstant());
        assertThat(record.handlingDue()).as("three working days: Friday, Monday, Tuesday")
                .isEqualTo(OffsetDateTime.parse("2025-10-21T10:00:00+08:00").toInstant());
    }

    @Test
    void keepsEachDepartmentsCheckInNoteOnItsOwnCheckIn() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");

        // when: the traffic police check in first
        checkIn(instance, "jiaojing");

        // then: the note is the police's check-in's, not the case's, so the bus company's form opens empty
        Task gongjiao = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("Task_CheckIn")
                .singleResult();
        assertThat(engine.getFormService().getTaskFormVariables(gongjiao.getId()).getValue("checkInNote", String.class))
                .isNull();
        assertThat(runtime.getVariable(instance.getId(), "checkInNote")).isNull();
        assertThat(record(instance).departments()).filteredOn(dep -> dep.departmentCode().equals("jiaojing"))
                .extracting(CaseDetails.Department::checkInNote).containsExactly("jiaojing 已到场");
        assertThat(tasks.getProcessInstanceComments(instance.getId())).extracting(c -> c.getFullMessage())
                .contains("【部门报到】jiaojing 已到场");

        // when: the bus company submits its form as the Tasklist does (submit-form, not complete)
        engine.getFormService().submitTaskForm(gongjiao.getId(), Map.of("checkInNote", "公交已到场"));
        continueAfterCheckIn(instance);

        // then: its note is its own as well, and the case goes on to handling
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        assertThat(runtime.getVariable(instance.getId(), "checkInNote")).isNull();
        assertThat(record(instance).departments()).extracting(dep -> dep.departmentCode() + " " + dep.checkInNote())
                .containsExactlyInAnyOrder("jiaojing jiaojing 已到场", "gongjiao 公交已到场");
    }

    @Test
    void takesTheDepartmentsAsTheTasklistsChecklistSendsThem() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        // when: Camunda Forms submits a checklist as a JSON value
        complete(task(), withVariables("departments", SpinValues.jsonValue("[\"jiaojing\",\"wuye\"]").create(),
                "leadDepartment", "jiaojing"));

        // then
        assertThat(instance).variables().containsEntry("departments", List.of("jiaojing", "wuye"));
        assertThat(candidateGroupsOf(tasks.createTaskQuery().processInstanceId(instance.getId()).list()))
                .containsExactlyInAnyOrder("dept-jiaojing", "dept-wuye");
    }

    @Test
    void refusesAWhistleWhoseLeadIsNotSummoned() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        assertThatThrownBy(() -> complete(task(), withVariables("departments", List.of("gongjiao", "wuye"),
                "leadDepartment", "jiaojing"))).hasMessageContaining("leadDepartment");
        assertThatThrownBy(() -> complete(task(), withVariables("departments", List.of(),
                "leadDepartment", "jiaojing"))).hasMessageContaining("departments");
        // a department the registry does not know would get a check-in task nobody can see
        assertThatThrownBy(() -> complete(task(), withVariables("departments", List.of("jiaojing", "nosuchdept"),
                "leadDepartment", "jiaojing"))).hasMessageContaining("departments").hasMessageContaining("nosuchdept");

        assertThat(instance).isWaitingAt("Task_BlowWhistle");
    }

    @Test
    void recordsALateCheckInNotifiesAndLeavesTheTaskOpen() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao", "wuye"), "jiaojing");
        checkIn(instance, "jiaojing", "wuye");

        // when: the bus company's check-in limit passes
        Job overdue = management.createJobQuery().processInstanceId(instance.getId())
                .activityId("BoundaryEvent_CheckInOverdue").singleResult();
        execute(overdue);
        execute(job("Task_RecordLateCheckIn"));

        // then
        CaseDetails record = record(instance);
        assertThat(record.departments()).filteredOn(CaseDetails.Department::late)
                .extracting(CaseDetails.Department::departmentCode).containsExactly("gongjiao");
        List<NotificationView> late = notificationsApi.about(record.caseNumber()).stream()
                .filter(m -> m.template().startsWith("LATE_CHECK_IN")).toList();
        assertThat(late).extracting(m -> m.recipient() + " " + m.template())
                .containsExactly("group:dept-gongjiao LATE_CHECK_IN_DEPARTMENT",
                        "group:street-" + d.street() + " LATE_CHECK_IN_STREET");
        assertThat(late).allSatisfy(message -> assertThat(message.text())
                .contains("时限 2 个工作小时").doesNotContain("PT2H"));
        Task stillOpen = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CheckIn").singleResult();
        assertThat(stillOpen).isNotNull();
        assertThat(tasks.getIdentityLinksForTask(stillOpen.getId())).extracting(l -> l.getGroupId())
                .contains("dept-gongjiao");

        // when: it checks in late after all
        checkIn(instance, "gongjiao");

        // then
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        assertThat(record(instance).departments()).filteredOn(dep -> dep.departmentCode().equals("gongjiao"))
                .singleElement().satisfies(dep -> {
                    assertThat(dep.late()).isTrue();
                    assertThat(dep.checkedInAt()).isNotNull();
                });
    }

    @Test
    void sendsAReturnedCaseBackToTheStreetForANewWhistle() {
        ProcessInstance instance = handlingBusBlocking();

        complete(task(), withVariables("handlingOutcome", "RETURNED", "returnReason", "非本部门职责"));

        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        CaseDetails record = record(instance);
        assertThat(record.returnCount()).isEqualTo(1);
        assertThat(record.status()).isEqualTo(CaseStatus.WHISTLED);
        assertThat(flagged(instance, CaseFlag.RETURNED)).isTrue();
        assertThat(flagged(instance, CaseFlag.REOPENED)).isFalse();

        // re-dispatched to the property company alone, which leads
        whistle(List.of("wuye"), "wuye");
        checkIn(instance, "wuye");
        assertThat(task()).hasCandidateGroup("dept-wuye");
        assertThat(record(instance).departments()).extracting(CaseDetails.Department::departmentCode)
                .containsExactly("jiaojing", "gongjiao", "wuye");
    }

    @Test
    void movesTheDeadlineWhenAnExtensionIsApproved() {
        // given
        ProcessInstance instance = handlingBusBlocking();
        OffsetDateTime proposed = THURSDAY_TEN.plusDays(10);

        // when
        complete(task(), withVariables("handlingOutcome", "EXTENSION_REQUESTED",
                "proposedDeadline", proposed.toString(), "extensionReason", "需协调公交线路调整"));
        assertThat(instance).isWaitingAt("Task_ApproveExtension");
        assertThat(task()).hasCandidateGroup("street-" + d.street());
        assertThat(formIdOf(task())).isEqualTo("ApproveExtensionForm");
        complete(task(), withVariables("extensionApproved", true, "extensionDecisionNote", "同意"));

        // then
        assertThat(instance).isWaitingAt("Task_HandleOnSite").hasPassed("Task_ExtendHandlingDeadline");
        assertThat(task().getDueDate().toInstant()).isEqualTo(proposed.toInstant());
        assertThat(job("BoundaryEvent_HandlingOverdue").getDuedate().toInstant()).isEqualTo(proposed.toInstant());
        CaseDetails record = record(instance);
        assertThat(record.handlingDue()).isEqualTo(proposed.toInstant());
        assertThat(record.extensionCount()).isEqualTo(1);
    }

    @Test
    void keepsTheDeadlineWhenAnExtensionIsRefused() {
        ProcessInstance instance = handlingBusBlocking();
        Date due = task().getDueDate();

        complete(task(), withVariables("handlingOutcome", "EXTENSION_REQUESTED",
                "proposedDeadline", OffsetDateTime.now().plusDays(10).toString(), "extensionReason", "人手不足"));
        complete(task(), withVariables("extensionApproved", false, "extensionDecisionNote", "请按期办结"));

        assertThat(instance).isWaitingAt("Task_HandleOnSite").hasNotPassed("Task_ExtendHandlingDeadline");
        assertThat(task().getDueDate()).isEqualTo(due);
        assertThat(record(instance).extensionCount()).isZero();
    }

    @Test
    void opensSupervisionWhenHandlingIsOverdueWhileHandlingContinues() {
        // given
        ProcessInstance instance = handlingBusBlocking();
        Job overdue = job("BoundaryEvent_HandlingOverdue");
        assertThat(overdue.getDuedate()).isEqualTo(task().getDueDate());

        // when
        execute(overdue);

        // then
        assertThat(instance).isWaitingAt("Task_HandleOnSite", "Task_SuperviseOverdueCase");
        assertThat(task("Task_SuperviseOverdueCase")).hasCandidateGroup("supervisors");
        assertThat(formIdOf(task("Task_SuperviseOverdueCase"))).isEqualTo("SuperviseOverdueCaseForm");
        complete(task("Task_SuperviseOverdueCase"), withVariables("supervisionNote", "请于今日内办结"));
        assertThat(instance).isWaitingAt("Task_HandleOnSite").hasPassed("EndEvent_CaseSupervised");
    }

    // --- feedback, return visit, reopening ------------------------------------------------------------------

    @Test
    void reopensAnUnsatisfactoryCaseAndClosesItWhenTheReporterIsSatisfied() {
        // given
        ProcessInstance instance = handlingBusBlocking();
        resolve();

        // when
        complete(task(), withVariables("resolution", "PARTIALLY", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "站点仍被占用"));

        // then
        assertThat(instance).hasPassed("Task_ReopenCase").isWaitingAt("Task_HandleOnSite");
        assertThat(instance).variables().containsEntry("reopenCount", 1);
        assertThat(record(instance).status()).isEqualTo(CaseStatus.HANDLING);

        // when
        resolve();
        complete(task(), withVariables("resolution", "RESOLVED", "satisfaction", "BASICALLY_SATISFIED"));

        // then
        assertThat(instance).isEnded().hasPassed("EndEvent_CaseClosed");
        CaseDetails record = record(instance);
        assertThat(record.reopenCount()).isEqualTo(1);
        assertThat(flagged(instance, CaseFlag.REOPENED)).isTrue();
        assertThat(flagged(instance, CaseFlag.OVERDUE)).as("closed within its deadline").isFalse();
        assertThat(record.stages()).extracting(CaseDetails.Stage::status)
                .containsSubsequence(CaseStatus.RETURN_VISIT, CaseStatus.REOPENED, CaseStatus.HANDLING,
                        CaseStatus.FEEDBACK, CaseStatus.RETURN_VISIT, CaseStatus.CLOSED);
    }

    @Test
    void opensEachRoundsFormsEmptyWhileTheCaseKeepsTheLatestAnswers() {
        // given: a first round that the reporter found unsatisfactory
        ProcessInstance instance = handlingBusBlocking();
        resolve();
        complete(task(), withVariables("resolution", "UNRESOLVED", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "车辆仍堵在门口"));

        // then: the second handling's own fields are empty; the case still knows the first round's answers
        Task second = task();
        assertThat(runtime.getVariablesLocal(second.getExecutionId())).containsEntry("handlingOutcome", null)
                .containsEntry("handlingResult", null);
        assertThat(tasks.getVariable(second.getId(), "handlingResult")).isNull();
        assertThat(runtime.getVariable(instance.getId(), "handlingResult")).isEqualTo("已协调公交车辆错峰进站");
        assertThat(record(instance).satisfaction()).isEqualTo("UNSATISFIED");

        // when: the second round resolves it and the return visit opens
        complete(second, withVariables("handlingOutcome", "RESOLVED", "handlingResult", "公交站点已迁移"));
        execute(job("Task_NotifyReporter"));
        execute(job("Event_RatingTimeElapsed"));

        // then: the visit's fields are empty, the case holds the second round's result
        assertThat(tasks.getVariable(task().getId(), "satisfaction")).isNull();
        assertThat(runtime.getVariable(instance.getId(), "satisfaction")).isEqualTo("UNSATISFIED");
        assertThat(record(instance).handlingResult()).isEqualTo("公交站点已迁移");
    }

    @Test
    void refusesAnOutcomeWithoutItsTextAndAnUnsatisfiedVisitWithoutANote() {
        ProcessInstance instance = handlingBusBlocking();
        assertThatThrownBy(() -> complete(task(), withVariables("handlingOutcome", "RETURNED")))
                .hasMessageContaining("退单理由");
        assertThatThrownBy(() -> complete(task(), withVariables("handlingOutcome", "EXTENSION_REQUESTED",
                "extensionReason", "人手不足"))).hasMessageContaining("申请延期至");
        assertThatThrownBy(() -> complete(task(), withVariables("handlingOutcome", "RESOLVED", "handlingResult", " ")))
                .hasMessageContaining("办理结果");
        resolve();
        assertThatThrownBy(() -> complete(task(), withVariables("resolution", "RESOLVED",
                "satisfaction", "UNSATISFIED"))).hasMessageContaining("回访记录");
        assertThatThrownBy(() -> complete(task(), withVariables("resolution", "UNRESOLVED",
                "satisfaction", "SATISFIED", "returnVisitNote", ""))).hasMessageContaining("回访记录");
        assertThat(instance).isWaitingAt("Task_ReturnVisit");
    }

    @Test
    void closesWithASupervisorsNoteAfterTheThirdDissatisfaction() {
        ProcessInstance instance = handlingBusBlocking();
        for (int visit = 1; visit <= 3; visit++) {
            resolve();
            complete(task(), withVariables("resolution", "UNRESOLVED", "satisfaction", "UNSATISFIED",
                    "returnVisitNote", "公交仍然堵在小区门口"));
        }

        assertThat(instance).isWaitingAt("Task_ReviewUnresolvedCase");
        assertThat(task()).hasCandidateGroup("supervisors");
        assertThat(formIdOf(task())).isEqualTo("ReviewUnresolvedCaseForm");
        complete(task(), withVariables("supervisorClosingNote", "已协调公交公司调整站点，督办结案"));

        assertThat(instance).isEnded().hasPassed("EndEvent_CaseClosedWithSupervisorNote");
        CaseDetails record = record(instance);
        assertThat(record.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(record.reopenCount()).isEqualTo(2);
    }

    // --- emergency and unplaceable reports ------------------------------------------------------------------

    @Test
    void summonsTheEmergencyDepartmentsAtOnceAndTellsTheStreet() {
        // when
        ProcessInstance instance = report("SAFETY.ROAD_SUBSIDENCE", Urgency.EMERGENCY);
        execute(job("Task_NotifyStreetOfEmergency"));

        // then
        assertThat(instance).hasNotPassed("Task_BlowWhistle").isWaitingAt("Task_CheckIn");
        List<Task> checkIns = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(candidateGroupsOf(checkIns))
                .containsExactlyInAnyOrder("dept-zhujian", "dept-chengguan", "dept-xiaofang", "dept-shuiwu");
        assertThat(checkIns).allSatisfy(t -> assertThat(t.getDueDate().toInstant()).as("on the clock, not office hours")
                .isEqualTo(THURSDAY_TEN.plusMinutes(30).toInstant()));
        CaseDetails record = record(instance);
        assertThat(record.track()).isEqualTo("EMERGENCY");
        assertThat(sent(record, NotificationTemplate.EMERGENCY_STREET)).singleElement().satisfies(message -> {
            assertThat(message.recipient()).isEqualTo("group:street-" + d.street());
            assertThat(message.text()).contains("应急").contains("zhujian");
        });
    }

    @Test
    void asksADispatcherToPlaceAReportOutsideEveryGrid() {
        // given: a point in no grid
        ProcessInstance instance = report("MUNICIPAL.MANHOLE_COVER_MISSING", Urgency.URGENT, -10.0, -10.0);

        // then
        assertThat(instance).hasPassed("BoundaryEvent_LocationUnplaceable").isWaitingAt("Task_PlaceReportByHand");
        assertThat(task()).hasCandidateGroup("dispatchers");
        assertThat(formIdOf(task())).isEqualTo("PlaceReportByHandForm");
        assertThat(record(instance).caseNumber()).matches("GC-\\d{8}-\\d{4}");

        // when
        complete(task(), withVariables("gridCode", d.eastGrid(), "placementNote", "居民补充了位置"));

        // then
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
        assertThat(record(instance).gridCode()).isEqualTo(d.eastGrid());
        assertThat(record(instance).streetCode()).isEqualTo(d.street());
    }

    @Test
    void placesAReportWhenItIsRegisteredAndTheProcessKeepsThatPlacement() {
        // when: a resident reports from a point in the west grid
        String caseNumber = registration.open(new NewCase("PROPERTY.STAIRWELL_LIGHT", Urgency.ROUTINE, "楼道灯不亮",
                "测试社区 2 号楼", d.lat0() + 0.005, d.lon0() + 0.005, null, "张先生", "13900001111",
                Channel.RESIDENT_APP, List.of())).caseNumber();

        // then: the case is in its grid, community and street before the process takes its first step
        CaseDetails registered = asAuditor(() -> cases.find(caseNumber)).orElseThrow();
        assertThat(registered.gridCode()).isEqualTo(d.westGrid());
        assertThat(registered.communityCode()).isEqualTo(d.community());
        assertThat(registered.streetCode()).isEqualTo(d.street());

        // and the process's placement step keeps it, for its routing too
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(instance).isWaitingAt("StartEvent_ReportReceived");
        execute(job());
        assertThat(instance).hasPassed("Task_LocateGrid").isWaitingAt("Task_HandleOnTheSpot");
        assertThat(task()).hasCandidateGroup("grid-" + d.westGrid());
        assertThat(runtime.getVariables(instance.getId())).containsEntry("gridCode", d.westGrid())
                .containsEntry("communityCode", d.community()).containsEntry("streetCode", d.street());
        assertThat(record(instance).gridCode()).isEqualTo(d.westGrid());
    }

    @Test
    void offersTheHotlineDeskAStartForm() throws IOException {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("GridReportProcess").latestVersion().singleResult().getId();
        try (InputStream form = engine.getFormService().getDeployedStartForm(definition)) {
            assertThat(new ObjectMapper().readTree(form).get("id").asText()).isEqualTo("ReportForm");
        }
    }

    @Test
    void opensACaseFromTheTasklistStartForm() {
        // when: a member of the hotline desk, logged in to the Tasklist, starts the process with the start form
        Map<String, Object> form = new HashMap<>();
        form.put("category", "SANITATION.GARBAGE_PILE");
        form.put("description", "小区门口垃圾堆放三天无人清运");
        form.put("address", "测试社区东门");
        form.put("lat", d.lat0() + 0.004);
        form.put("lon", d.lon0() + 0.004);
        form.put("channel", "HOTLINE_12345");
        form.put("reporterPhone", "029-88881234");
        form.put("photoLinks", "https://example.org/a.jpg\nhttps://example.org/b.jpg");
        engine.getIdentityService().setAuthentication("hotline.desk", List.of("hotline"));
        ProcessInstance instance = runtime.startProcessInstanceByKey("GridReportProcess", form);

        // then: the case is recorded as the desk member's, who reads it with the phone they took down
        assertThat(instance.getBusinessKey()).matches("CS-\\d{8}-\\d{4}");
        CaseDetails taken = cases.find(instance.getBusinessKey()).orElseThrow();
        assertThat(taken.openedBy()).isEqualTo("hotline.desk");
        assertThat(taken.reporterPhone()).isEqualTo("029-88881234");
        engine.getIdentityService().clearAuthentication();
        CaseDetails record = record(instance);
        assertThat(record.reporterPhone()).as("an auditor does not call back").isEqualTo("029****1234");
        assertThat(record.processInstanceId()).isEqualTo(instance.getId());
        assertThat(record.urgency()).isEqualTo(Urgency.ROUTINE);
        assertThat(record.photoLinks()).hasSize(2);
        assertThat(instance).isWaitingAt("StartEvent_ReportReceived");
        execute(job());
        assertThat(instance).isWaitingAt("Task_BlowWhistle");
    }

    @Test
    void refusesAStartFormWithoutADescriptionAndKeepsNothing() {
        long before = runtime.createProcessInstanceQuery().count();
        Map<String, Object> form = Map.of("category", "SANITATION.GARBAGE_PILE", "address", "东门",
                "gridCode", d.westGrid(), "channel", "HOTLINE_12345");

        assertThatThrownBy(() -> runtime.startProcessInstanceByKey("GridReportProcess", form))
                .hasMessageContaining("description");
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private ProcessInstance handlingBusBlocking() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        checkIn(instance, "jiaojing", "gongjiao");
        assertThat(instance).isWaitingAt("Task_HandleOnSite");
        return instance;
    }

    /** The Camunda Form the Tasklist would render for the task: its id must be the one the BPMN names. */
    private String formIdOf(Task task) {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new ObjectMapper().readTree(form).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> candidateGroupsOf(List<Task> found) {
        return found.stream().flatMap(t -> tasks.getIdentityLinksForTask(t.getId()).stream())
                .map(link -> link.getGroupId()).filter(group -> group != null).toList();
    }

    /** Whether the auditors' search finds the case by its number with the flag. */
    private boolean flagged(ProcessInstance instance, CaseFlag flag) {
        return asAuditor(() -> cases.search(new CaseSearch(null, null, null, null, instance.getBusinessKey(), null,
                Set.of(flag)), PageRequest.of(0, 10))).getTotalElements() == 1;
    }

    private List<NotificationView> sent(CaseDetails record, NotificationTemplate template) {
        return notificationsApi.about(record.caseNumber()).stream()
                .filter(message -> message.template().equals(template.name())).toList();
    }

    private CaseDetails record(ProcessInstance instance) {
        return asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
    }
}
