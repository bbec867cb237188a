package org.gridcase.casework;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridcase.AsAuditor;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.Urgency;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What every process test class needs: a district of its own, the engine's clock set to a known moment for each
 * test (limits in working time end at known instants), camunda-bpm-assert bound to the engine, and a way to open
 * a case through the real registration.
 */
@ProcessTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProcessTestSupport {

    /** A Thursday morning in office hours. */
    public static final OffsetDateTime THURSDAY_TEN = OffsetDateTime.parse("2025-10-16T10:00:00+08:00");

    @Autowired
    protected ProcessEngine engine;

    @Autowired
    protected RuntimeService runtime;

    @Autowired
    protected TaskService tasks;

    @Autowired
    protected ManagementService management;

    @Autowired
    protected CaseRegistration registration;

    @Autowired
    protected CaseQueries caseQueries;

    @Autowired
    protected JdbcTemplate caseColumns;

    protected TestDistrict d;

    private final String county;
    private final double lat0;
    private final double lon0;
    private final OffsetDateTime clock;

    /** A district with this county code and south-west corner, tests running at {@code clock}. */
    protected ProcessTestSupport(String county, double lat0, double lon0, OffsetDateTime clock) {
        this.county = county;
        this.lat0 = lat0;
        this.lon0 = lon0;
        this.clock = clock;
    }

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, county, lat0, lon0);
        TestDistrict.registerTriageDepartments(departments);
    }

    @BeforeEach
    void setClock() {
        BpmnAwareTests.init(engine);
        ClockUtil.setCurrentTime(Date.from(clock.toInstant()));
    }

    @AfterEach
    void resetClock() {
        BpmnAwareTests.reset();
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /**
     * Acts as a member of staff until the test ends, as the Tasklist does: completions and notes name them. The
     * administrators' group lets the test read everything it checks.
     */
    protected void actAs(String user) {
        engine.getIdentityService().setAuthentication(user, List.of("camunda-admin"));
    }

    /** Reads the record as an auditor would, whoever the test acts as: tests check the record, not its scope. */
    protected <T> T asAuditor(Supplier<T> query) {
        return AsAuditor.read(engine.getIdentityService(), query);
    }

    /** Opens the case as the intake API does and runs the start event's async continuation. */
    protected ProcessInstance opened(NewCase report) {
        String caseNumber = registration.open(report).caseNumber();
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        assertThat(instance).isWaitingAt("StartEvent_ReportReceived");
        execute(job());
        return instance;
    }

    protected ProcessInstance report(String category, Urgency urgency) {
        return report(category, urgency, d.lat0() + 0.005, d.lon0() + 0.005);
    }

    /** A resident's report at a point, with a phone for the feedback. */
    protected ProcessInstance report(String category, Urgency urgency, double lat, double lon) {
        return opened(new NewCase(category, urgency, "测试诉求：" + category, "测试社区 1 号楼", lat, lon, null, "张先生",
                "13900001111", Channel.RESIDENT_APP, List.of("https://example.org/photo.jpg")));
    }

    /** The street summons the departments and names the lead. */
    protected void whistle(List<String> departments, String lead) {
        complete(task("Task_BlowWhistle"), withVariables("departments", departments, "leadDepartment", lead,
                "whistleNote", "请各部门到场"));
    }

    protected void checkIn(ProcessInstance instance, String... departments) {
        for (String department : departments) {
            Task checkIn = tasks.createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey("Task_CheckIn").taskCandidateGroup("dept-" + department).singleResult();
            complete(checkIn, withVariables("checkInNote", department + " 已到场"));
            continueAfterCheckIn(instance);
        }
    }

    /**
     * A whistled case run to its close a minute per step: 交警 and 公交 summoned (交警 leading, claimed and checked in
     * by dept.jiaojing with a note), handled, reopened by an unsatisfied return visit, handled again, closed.
     */
    protected ProcessInstance whistledReopenedAndClosed() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        aMinuteLater();
        whistle(List.of("jiaojing", "gongjiao"), "jiaojing");
        aMinuteLater();
        Task jiaojing = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_CheckIn").taskCandidateGroup("dept-jiaojing").singleResult();
        tasks.claim(jiaojing.getId(), "dept.jiaojing");
        aMinuteLater();
        complete(jiaojing, withVariables("checkInNote", "交警已到场"));
        continueAfterCheckIn(instance);
        aMinuteLater();
        checkIn(instance, "gongjiao");
        aMinuteLater();
        resolve();
        aMinuteLater();
        complete(task("Task_ReturnVisit"), withVariables("resolution", "PARTIALLY", "satisfaction", "UNSATISFIED",
                "returnVisitNote", "仍有车辆占道"));
        aMinuteLater();
        resolve();
        aMinuteLater();
        complete(task("Task_ReturnVisit"), withVariables("resolution", "RESOLVED",
                "satisfaction", "BASICALLY_SATISFIED"));
        assertThat(instance).isEnded();
        return instance;
    }

    protected static void aMinuteLater() {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 60_000));
    }

    /**
     * Runs what follows a completed check-in: Task_CheckIn is async after, so that departments checking in at the
     * same moment do not collide on the multi-instance's counters (the job executor runs it, and retries it).
     */
    protected void continueAfterCheckIn(ProcessInstance instance) {
        execute(management.createJobQuery().processInstanceId(instance.getId()).activityId("Task_CheckIn")
                .singleResult());
    }

    /** The lead resolves the case; the reporter is told, does not rate in time; the return visit is open. */
    protected void resolve() {
        feedBack();
        execute(job("Event_RatingTimeElapsed"));
    }

    /** The lead resolves the case and the reporter is told: the case waits for the reporter's rating. */
    protected void feedBack() {
        complete(task("Task_HandleOnSite"), withVariables("handlingOutcome", "RESOLVED",
                "handlingResult", "已协调公交车辆错峰进站"));
        execute(job("Task_NotifyReporter"));
    }

    /** The mediation a disputed case called (MediationProcess, its business key the case number). */
    protected ProcessInstance calledMediation(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
    }

    /** 纠纷初判: two neighbours, no risk. */
    protected void assessRoutineDispute(ProcessInstance mediation) {
        complete(task("Task_AssessDispute", mediation), withVariables("parties", "王某；张某", "riskLevel", "NORMAL",
                "mayTurnViolent", false, "mayTurnCollective", false));
    }

    /** 确定调解员: the community's team. */
    protected void assignCommunityMediator(ProcessInstance mediation) {
        complete(task("Task_AssignMediator", mediation), withVariables("mediationLevel", "COMMUNITY",
                "mediatorName", "邻里调解组"));
    }

    /** 调解记录: a session with this outcome, and whatever else the outcome asks ({@code more}). */
    protected void recordSession(ProcessInstance mediation, String outcome, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(withVariables("sessionDate", "2025-10-16T15:00:00+08:00",
                "sessionPlace", "社区调解室", "partiesPresent", "王某、张某", "sessionMethod", "现场勘查",
                "sessionStatements", "双方陈述", "sessionAgreed", "", "nextStep", "", "sessionOutcome", outcome));
        variables.putAll(more);
        complete(task("Task_RecordSession", mediation), variables);
    }

    /** The case's record as an auditor reads it. */
    protected CaseDetails recordOf(ProcessInstance instance) {
        return asAuditor(() -> caseQueries.find(instance.getBusinessKey())).orElseThrow();
    }

    /** A date column of the case's record (e.g. next_due, the deadline the workbench sorts by), or null. */
    protected Instant kept(ProcessInstance instance, String column) {
        java.sql.Timestamp at = caseColumns.queryForObject("SELECT " + column
                + " FROM case_record WHERE case_number = ?", java.sql.Timestamp.class, instance.getBusinessKey());
        return at == null ? null : at.toInstant();
    }

    /**
     * Whether the workbench's list finds the case at instant {@code at}: in 已超时 (CaseSearch.More.overdueNow), or
     * with {@code dueBefore} in 即将超时 up to then.
     */
    protected boolean listedAt(ProcessInstance instance, Instant at, Instant dueBefore) {
        Date before = ClockUtil.getCurrentTime();
        ClockUtil.setCurrentTime(Date.from(at));
        try {
            CaseSearch.More more = new CaseSearch.More(null, null, null, null, true, null, dueBefore,
                    dueBefore == null, false, false, false, null);
            return asAuditor(() -> caseQueries.search(new CaseSearch(null, null, null, null,
                    instance.getBusinessKey(), null, Set.of(), more), PageRequest.of(0, 10))).getTotalElements() == 1;
        } finally {
            ClockUtil.setCurrentTime(before);
        }
    }
}
