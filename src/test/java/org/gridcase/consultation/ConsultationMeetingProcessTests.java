package org.gridcase.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import db.migration.V64__consultation_meeting_is_handling;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.JavaMigrations;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.gridcase.casework.LadderStage;
import org.gridcase.casework.ProcessTestSupport;
import org.gridcase.notification.NotificationLog;
import org.gridcase.notification.NotificationView;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.StaffRole;
import org.gridcase.registry.StaffService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.Urgency;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ConsultationMeeting.bpmn, called from the street's whistle in GridReportProcess: every path and every timer, on
 * the real listeners, delegates and PostgreSQL. The clock stands on a Thursday at ten; deadlines are days.
 */
@AutoConfigureMockMvc
class ConsultationMeetingProcessTests extends ProcessTestSupport {

    @Autowired
    MockMvc mvc;

    static final String BUS = "cm-bus";
    static final String PROPERTY = "cm-wuye";
    static final String GAS = "cm-ranqi";
    static final String RETIRED = "cm-retired";
    static final String PASSWORD = "party-secret";

    @Autowired
    DepartmentService departments;

    @Autowired
    StaffService staff;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    @Autowired
    CaseQueries cases;

    @Autowired
    NotificationLog notifications;

    @Autowired
    Meetings meetings;

    ConsultationMeetingProcessTests() {
        super("996101", 33.2, 103.2, THURSDAY_TEN);
    }

    @BeforeAll
    void registerOutsideBodies(@Autowired DepartmentService departments) {
        TestDistrict.registerOutsideBody(departments, BUS, "测试公交公司");
        TestDistrict.registerOutsideBody(departments, PROPERTY, "测试物业公司");
    }

    @Test
    void convenesAMeetingInsteadOfCheckInsWhenTheStreetChoosesIt() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        // when
        complete(task("Task_BlowWhistle", instance), withVariables("consultationMeeting", true,
                "whistleNote", "召集各方协商"));

        // then
        assertThat(instance).isWaitingAt("CallActivity_ConsultationMeeting").hasNotPassed("SubProcess_CheckIn");
        ProcessInstance meeting = meetingOf(instance);
        assertThat(meeting).isWaitingAt("Task_ConveneMeeting");
        assertThat(meeting.getBusinessKey()).isEqualTo(instance.getBusinessKey());
        assertThat(task("Task_ConveneMeeting", meeting)).hasCandidateGroup("street-" + d.street());
    }

    @Test
    void aCaseInAMeetingIsNoLongerLateForItsWhistleAndWaitsOnItsCommitments() {
        // given: the whistle is due at 11:00 (one working hour), and the street convenes a meeting at 10:00
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        ProcessInstance meeting = convened(instance);

        // then: the meeting is the handling; at 11:01 the whistle, long blown, is not late
        assertThat(recordOf(instance).status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(listedAt(instance, Instant.parse("2025-10-16T03:01:00Z"), null)).as("已超时 at 11:01").isFalse();
        assertThat(kept(instance, "next_due")).as("no commitment yet").isNull();

        // when: two commitments, due on the 20th and the 21st
        record(meeting, row("jiaojing", "设置临时禁停标志", "2025-10-20"), row(BUS, "调整停车位置", "2025-10-21"));
        List<Instant> dues = tasks(meeting, "Task_FulfilCommitment").stream().map(t -> t.getDueDate().toInstant())
                .sorted().toList();
        assertThat(dues).hasSize(2);

        // then: the case waits on the earlier, and once that is fulfilled on the later
        assertThat(kept(instance, "next_due")).isEqualTo(dues.get(0));
        assertThat(listedAt(instance, dues.get(0).plusSeconds(60), null)).as("the first commitment late").isTrue();
        Task first = tasks(meeting, "Task_FulfilCommitment").stream()
                .filter(t -> t.getDueDate().toInstant().equals(dues.get(0))).findFirst().orElseThrow();
        complete(first, withVariables("fulfilmentNote", "已完成"));
        assertThat(kept(instance, "next_due")).isEqualTo(dues.get(1));
        assertThat(listedAt(instance, dues.get(0).plusSeconds(60), null)).isFalse();
        assertThat(listedAt(instance, dues.get(1).plusSeconds(60), null)).as("the second commitment late").isTrue();
    }

    @Test
    void v64MovesACaseAlreadyInAMeetingToHandling(@Autowired DataSource database) throws Exception {
        // given: a meeting convened at 10:00 with one commitment, recorded as before V64 (still WHISTLED)
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        ProcessInstance meeting = convened(instance);
        record(meeting, row("jiaojing", "设置临时禁停标志", "2025-10-20"));
        Instant due = tasks(meeting, "Task_FulfilCommitment").get(0).getDueDate().toInstant();
        String number = instance.getBusinessKey();
        caseColumns.update("UPDATE case_record SET status = 'WHISTLED', step_due = NULL, next_due = dispatch_due"
                + " WHERE case_number = ?", number);
        caseColumns.update("DELETE FROM case_stage WHERE status = 'HANDLING' AND case_id = (SELECT id FROM case_record"
                + " WHERE case_number = ?)", number);

        // when
        JavaMigrations.run(new V64__consultation_meeting_is_handling(), database);

        // then: handled since the meeting began, waiting on its commitment
        CaseDetails upgraded = recordOf(instance);
        assertThat(upgraded.status()).isEqualTo(CaseStatus.HANDLING);
        assertThat(upgraded.stages()).filteredOn(stage -> stage.status() == CaseStatus.HANDLING).singleElement()
                .satisfies(stage -> assertThat(stage.enteredAt()).isEqualTo(THURSDAY_TEN.toInstant()));
        assertThat(kept(instance, "step_due")).isEqualTo(due);
        assertThat(kept(instance, "next_due")).isEqualTo(due);
    }

    @Test
    void summonsDepartmentsAsBeforeWhenTheStreetDoesNotChooseAMeeting() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        // when
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");

        // then
        assertThat(instance).isWaitingAt("SubProcess_CheckIn").hasPassed("Gateway_ConsultationChosen")
                .hasNotPassed("CallActivity_ConsultationMeeting");
        assertThat(instance).variables().containsEntry("consultationMeeting", false);
    }

    @Test
    void goesOnToTheFeedbackWhenEveryCommitmentIsAccepted() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        ProcessInstance meeting = convened(instance);
        record(meeting, row("jiaojing", "设置临时禁停标志", "2025-10-20"), row(BUS, "调整停车位置", "2025-10-21"));
        assertThat(meeting).isWaitingAt("Task_FulfilCommitment");

        // when
        for (Task fulfil : tasks(meeting, "Task_FulfilCommitment")) {
            complete(fulfil, withVariables("fulfilmentNote", "已完成"));
        }
        for (Task check : tasks(meeting, "Task_CheckCommitment")) {
            complete(check, withVariables("commitmentAccepted", true, "checkNote", "现场核实"));
            execute(job("Task_CheckCommitment", meeting, check));
        }

        // then
        assertThat(meeting).hasPassed("EndEvent_MeetingConcluded").isEnded();
        assertThat(instance).hasPassed("CallActivity_ConsultationMeeting").isWaitingAt("Task_NotifyReporter");
        Meeting record = meetings.findByProcessInstanceId(meeting.getId()).orElseThrow();
        assertThat(record.concludedAt()).isNotNull();
        assertThat(record.commitments()).extracting(Commitment::state).containsOnly(Commitment.State.ACCEPTED);
    }

    @Test
    void sendsACommitmentBackUntilTheConvenerAcceptsIt() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        ProcessInstance meeting = convened(instance);
        record(meeting, row("jiaojing", "设置临时禁停标志", "2025-10-20"));
        complete(task("Task_FulfilCommitment", meeting), withVariables("fulfilmentNote", "已设置"));

        // when
        Task check = task("Task_CheckCommitment", meeting);
        complete(check, withVariables("commitmentAccepted", false, "checkNote", "标志位置不对"));
        execute(job("Task_CheckCommitment", meeting, check));

        // then
        assertThat(meeting).isWaitingAt("Task_FulfilCommitment");
        assertThat(meetings.findByProcessInstanceId(meeting.getId()).orElseThrow().commitments())
                .singleElement().satisfies(c -> {
                    assertThat(c.state()).isEqualTo(Commitment.State.SENT_BACK);
                    assertThat(c.checkNote()).isEqualTo("标志位置不对");
                });

        // when: done again, and accepted
        complete(task("Task_FulfilCommitment", meeting), withVariables("fulfilmentNote", "已移至路口"));
        check = task("Task_CheckCommitment", meeting);
        complete(check, withVariables("commitmentAccepted", true));
        execute(job("Task_CheckCommitment", meeting, check));

        // then
        assertThat(meeting).isEnded();
        assertThat(instance).isWaitingAt("Task_NotifyReporter");
    }

    @Test
    void refusesToSendBackWithoutAReason() {
        // given
        ProcessInstance meeting = convened(report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT));
        record(meeting, row("jiaojing", "设置临时禁停标志", "2025-10-20"));
        complete(task("Task_FulfilCommitment", meeting), withVariables("fulfilmentNote", "已设置"));

        // when / then
        assertThatThrownBy(() -> complete(task("Task_CheckCommitment", meeting),
                withVariables("commitmentAccepted", false)))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("checkNote");
    }

    @Test
    void warnsThePartyThenEscalatesALateCommitmentAndKeepsItOpen() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        ProcessInstance meeting = convened(instance);
        record(meeting, row("jiaojing", "设置临时禁停标志", "2025-10-20"));
        Job warning = job("BoundaryEvent_CommitmentWarning", meeting);
        Job overdue = job("BoundaryEvent_CommitmentOverdue", meeting);
        OffsetDateTime deadline = OffsetDateTime.parse("2025-10-20T18:00:00+08:00");
        assertThat(overdue.getDuedate().toInstant()).isEqualTo(deadline.toInstant());
        assertThat(warning.getDuedate()).as("at the ladder's share of the time to the deadline")
                .isAfter(Date.from(THURSDAY_TEN.toInstant())).isBefore(overdue.getDuedate());

        // when
        execute(warning);
        execute(job("Task_WarnCommitment", meeting));

        // then
        assertThat(sent(instance, "LADDER_WARNING")).extracting(NotificationView::recipient)
                .containsExactly("group:dept-jiaojing");

        // when
        execute(overdue);
        execute(job("Task_EscalateCommitment", meeting));

        // then
        assertThat(meeting).isWaitingAt("Task_FulfilCommitment").hasPassed("EndEvent_CommitmentEscalated");
        assertThat(sent(instance, "LADDER_ESCALATION")).extracting(NotificationView::recipient)
                .containsExactly("group:supervisors");
        assertThat(caseOf(instance).escalations()).filteredOn(e -> e.stage() == LadderStage.COMMITMENT)
                .extracting(e -> e.rung().name() + " " + e.departmentCode())
                .containsExactly("WARNING jiaojing", "ESCALATION jiaojing");
    }

    @Test
    void givesAnOutsideBodysCommitmentToItAndToTheConvener() {
        // given
        ProcessInstance meeting = convened(report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT));

        // when
        record(meeting, row(BUS, "调整停车位置", "2025-10-21"), row("jiaojing", "设置禁停标志", "2025-10-20"));

        // then
        List<Task> fulfil = tasks(meeting, "Task_FulfilCommitment");
        assertThat(fulfil).hasSize(2);
        assertThat(groupsOf(fulfil.stream().filter(t -> BUS.equals(runtime.getVariable(t.getExecutionId(),
                "commitmentDepartment"))).findFirst().orElseThrow()))
                .containsExactlyInAnyOrder("dept-" + BUS, "street-" + d.street());
        assertThat(groupsOf(fulfil.stream().filter(t -> "jiaojing".equals(runtime.getVariable(t.getExecutionId(),
                "commitmentDepartment"))).findFirst().orElseThrow()))
                .containsExactly("dept-jiaojing");
    }

    @Test
    void refusesAMeetingWithoutPartiesAndARecordWithAHalfRowAPastDeadlineOrNoCommitment() {
        // given
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        complete(task("Task_BlowWhistle", instance), withVariables("consultationMeeting", true));
        ProcessInstance meeting = meetingOf(instance);

        // when / then
        assertThatThrownBy(() -> complete(task("Task_ConveneMeeting", meeting), withVariables(
                "meetingSubject", "公交堵路", "meetingAt", "2025-10-17T09:00+08:00")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("invitedParties");
        complete(task("Task_ConveneMeeting", meeting), withVariables("meetingSubject", "公交堵路",
                "meetingAt", "2025-10-17T09:00+08:00", "invitedParties", List.of("jiaojing")));
        assertThatThrownBy(() -> record(meeting, row("jiaojing", "", "2025-10-20")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("commitmentRows[1]")
                .hasMessageContaining("第 1 项");
        assertThatThrownBy(() -> record(meeting, row("", "", ""), row("jiaojing", "设置标志", "2025-10-01")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("commitmentRows[2]")
                .hasMessageContaining("已过");
        assertThatThrownBy(() -> record(meeting, row("", "", "")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("至少议定一项");
        assertThatThrownBy(() -> record(meeting, row("nobody", "设置标志", "2025-10-20")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("不存在");
        assertThat(meeting).isWaitingAt("Task_RecordMeeting");
    }

    @Test
    void offersARetiredPartyForNoNewWhistleInvitationOrCommitment() {
        // given: an outside body retired since it was registered
        TestDistrict.registerOutsideBody(departments, RETIRED, "测试已停用物业公司");
        TestDistrict.retire(departments, RETIRED);
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);

        // when / then: neither summoned, nor invited, nor given a commitment
        assertThatThrownBy(() -> complete(task("Task_BlowWhistle", instance), withVariables("departments",
                List.of("jiaojing", RETIRED), "leadDepartment", "jiaojing")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("departments")
                .hasMessageContaining("已停用").hasMessageContaining(RETIRED);
        complete(task("Task_BlowWhistle", instance), withVariables("consultationMeeting", true));
        ProcessInstance meeting = meetingOf(instance);
        assertThatThrownBy(() -> complete(task("Task_ConveneMeeting", meeting), withVariables("meetingSubject",
                "公交堵路", "meetingAt", "2025-10-17T09:00+08:00", "invitedParties", List.of("jiaojing", RETIRED))))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("invitedParties")
                .hasMessageContaining("已停用");
        complete(task("Task_ConveneMeeting", meeting), withVariables("meetingSubject", "公交堵路",
                "meetingAt", "2025-10-17T09:00+08:00", "invitedParties", List.of("jiaojing")));
        assertThatThrownBy(() -> record(meeting, row(RETIRED, "清理占道杂物", "2025-10-21")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("commitmentRows[1]")
                .hasMessageContaining("已停用");
        // and it is still known by name, for the cases it was on
        assertThat(departments.get(RETIRED).name()).isEqualTo("测试已停用物业公司");
        assertThat(departments.get(RETIRED).active()).isFalse();
    }

    /**
     * The seeds' bus-blocking case: buses park across a road; the street's grid centre convenes the traffic
     * police, the bus company and the property company; three commitments, the property company's is late and
     * escalated; the case closes once all are done and the reporter is called back.
     */
    @Test
    void settlesTheBusBlockingCaseWithAConsultationMeeting() throws Exception {
        // given: the street convenes the four parties
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        ProcessInstance meeting = convened(instance);
        record(meeting, row("jiaojing", "路口设置临时禁停标志并巡查", "2025-10-20"),
                row(BUS, "调整 23 路停靠点，不再占用小区门前道路", "2025-10-21"),
                row(PROPERTY, "清理小区门口占道杂物，划定临时停车区", "2025-10-17"));
        assertThat(tasks(meeting, "Task_FulfilCommitment")).hasSize(3);

        // when: the traffic police and the bus company keep their word; the property company misses its day
        fulfilAndAccept(meeting, "jiaojing");
        fulfilAndAccept(meeting, BUS);
        Job overdue = job("BoundaryEvent_CommitmentOverdue", meeting);
        assertThat(overdue.getDuedate().toInstant())
                .isEqualTo(OffsetDateTime.parse("2025-10-17T18:00:00+08:00").toInstant());
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2025-10-17T18:05:00+08:00").toInstant()));
        execute(overdue);
        execute(job("Task_EscalateCommitment", meeting));

        // then: escalated, still open, the case waits for it
        assertThat(caseOf(instance).escalations()).filteredOn(e -> e.stage() == LadderStage.COMMITMENT)
                .extracting(e -> e.rung().name() + " " + e.departmentCode()).containsExactly("ESCALATION " + PROPERTY);
        assertThat(instance).isWaitingAt("CallActivity_ConsultationMeeting");

        // when: the street records the property company's work on its behalf and accepts it
        fulfilAndAccept(meeting, PROPERTY);
        execute(job("Task_NotifyReporter", instance));
        execute(job("Event_RatingTimeElapsed", instance));
        complete(task("Task_ReturnVisit", instance), withVariables("resolution", "RESOLVED",
                "satisfaction", "SATISFIED"));

        // then
        assertThat(meeting).isEnded();
        assertThat(instance).hasPassedInOrder("Task_BlowWhistle", "CallActivity_ConsultationMeeting",
                "Task_NotifyReporter", "Task_ReturnVisit").isEnded();
        assertThat(caseOf(instance).status().name()).isEqualTo("CLOSED");
        Meeting record = meetings.findByProcessInstanceId(meeting.getId()).orElseThrow();
        assertThat(record.commitments()).extracting(c -> c.partyCode() + " " + c.state() + " "
                + c.late(record.concludedAt())).containsExactly("jiaojing ACCEPTED false", BUS + " ACCEPTED false",
                        PROPERTY + " ACCEPTED true");

        // and the case's API shows the meeting, its parties by name and the late commitment
        mvc.perform(get("/api/cases/" + instance.getBusinessKey() + "/meetings").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].subject").value("公交车辆堵路"))
                .andExpect(jsonPath("$[0].invitedParties[1]").value("测试公交公司"))
                .andExpect(jsonPath("$[0].commitments.length()").value(3))
                .andExpect(jsonPath("$[0].commitments[2].partyName").value("测试物业公司"))
                .andExpect(jsonPath("$[0].commitments[2].stateLabel").value("已落实"))
                .andExpect(jsonPath("$[0].commitments[2].late").value(true));
        mvc.perform(get("/api/cases/XX-20250101-0001/meetings").with(httpBasic(ADMIN, ADMIN_PASSWORD)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/cases/" + instance.getBusinessKey() + "/meetings"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void letsAPartyWithACommitmentOpenTheCaseAndKeepItOnceDoneButNotAnUninvolvedBody() throws Exception {
        // given: logins for the bus company, for the property company, and for a gas company with no part in it
        TestDistrict.registerOutsideBody(departments, GAS, "测试燃气公司");
        login("cm.bus", BUS);
        login("cm.wuye", PROPERTY);
        login("cm.gas", GAS);
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        String page = "/api/workbench/cases/" + instance.getBusinessKey();
        ProcessInstance meeting = convened(instance);
        mvc.perform(get(page).with(httpBasic("cm.bus", PASSWORD))).andExpect(status().isNotFound()); // invited only

        // when: the meeting gives the bus company a commitment, and the property company none
        record(meeting, row(BUS, "调整停车位置", "2025-10-21"), row("jiaojing", "设置禁停标志", "2025-10-20"));

        // then: the bus company reads the case, the reporter's phone masked as for any department
        mvc.perform(get(page).with(httpBasic("cm.bus", PASSWORD))).andExpect(status().isOk())
                .andExpect(jsonPath("$.report.caseNumber").value(instance.getBusinessKey()))
                .andExpect(jsonPath("$.report.reporterPhone").value("139****1111"));
        mvc.perform(get(page).with(httpBasic("cm.wuye", PASSWORD))).andExpect(status().isNotFound());
        mvc.perform(get(page).with(httpBasic("cm.gas", PASSWORD))).andExpect(status().isNotFound());

        // and after its part is done and accepted it keeps reading it, as a summoned department does
        fulfilAndAccept(meeting, BUS);
        mvc.perform(get(page).with(httpBasic("cm.bus", PASSWORD))).andExpect(status().isOk());
    }

    private void login(String username, String party) {
        if (identity.createUserQuery().userId(username).count() == 0) {
            TestDistrict.addStaff(staff, username, StaffRole.DEPARTMENT_STAFF, null, party);
            var user = identity.createUserQuery().userId(username).singleResult();
            user.setPassword(PASSWORD);
            identity.saveUser(user);
        }
    }

    void fulfilAndAccept(ProcessInstance meeting, String party) {
        Task fulfil = tasks(meeting, "Task_FulfilCommitment").stream()
                .filter(t -> party.equals(runtime.getVariable(t.getExecutionId(), "commitmentDepartment")))
                .findFirst().orElseThrow();
        complete(fulfil, withVariables("fulfilmentNote", "已落实"));
        Task check = tasks(meeting, "Task_CheckCommitment").stream()
                .filter(t -> party.equals(runtime.getVariable(t.getExecutionId(), "commitmentDepartment")))
                .findFirst().orElseThrow();
        complete(check, withVariables("commitmentAccepted", true, "checkNote", "现场核实"));
        execute(job("Task_CheckCommitment", meeting, check));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The street chooses a meeting and convenes it with the traffic police and the outside bodies. */
    ProcessInstance convened(ProcessInstance instance) {
        complete(task("Task_BlowWhistle", instance), withVariables("consultationMeeting", true,
                "whistleNote", "召集各方协商"));
        ProcessInstance meeting = meetingOf(instance);
        complete(task("Task_ConveneMeeting", meeting), withVariables("meetingSubject", "公交车辆堵路",
                "meetingAt", "2025-10-17T09:00+08:00", "meetingPlace", "社区议事厅",
                "invitedParties", List.of("jiaojing", BUS, PROPERTY), "residentRepresentatives", "李阿姨"));
        return meeting;
    }

    void record(ProcessInstance meeting, Map<?, ?>... rows) {
        complete(task("Task_RecordMeeting", meeting), withVariables("attendees", "交警 王警官；公交 刘队长",
                "minutes", "议定分头落实", "commitmentRows", List.of(rows)));
    }

    static Map<String, String> row(String party, String task, String deadline) {
        return Map.of("party", party, "task", task, "deadline", deadline);
    }

    ProcessInstance meetingOf(ProcessInstance caller) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    Task task(String key, ProcessInstance instance) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    List<Task> tasks(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    }

    Job job(String activity, ProcessInstance instance) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).singleResult();
    }

    /** The job continuing after one commitment's check (Task_CheckCommitment is asynchronous after). */
    Job job(String activity, ProcessInstance instance, Task check) {
        return management.createJobQuery().processInstanceId(instance.getId()).activityId(activity).list().stream()
                .filter(j -> j.getExecutionId().equals(check.getExecutionId())).findFirst()
                .orElseGet(() -> job(activity, instance));
    }

    List<String> groupsOf(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream().map(l -> l.getGroupId())
                .filter(g -> g != null).toList();
    }

    List<NotificationView> sent(ProcessInstance instance, String template) {
        return notifications.about(instance.getBusinessKey()).stream()
                .filter(m -> m.template().equals(template)).toList();
    }

    CaseDetails caseOf(ProcessInstance instance) {
        return asAuditor(() -> cases.find(instance.getBusinessKey())).orElseThrow();
    }
}
