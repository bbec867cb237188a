package org.gridcase.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.casework.Channel;
import org.gridcase.casework.NewCase;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitLevel;

/**
 * gridcase's cases as the benchmark makes and works them: a resident reports buses blocking the road (the
 * triage rules send it to the street's whistle and summon three departments, the traffic police leading), and
 * staff take it through every step to closed, each step completed as a member of the task's candidate group
 * with the values the process tests use (GridReportProcessTests, LianhuScenarioTests). That is six user tasks:
 * whistle, three check-ins, handling on site, return visit; and six jobs: the start's continuation, one after
 * each check-in, the reporter's feedback and the end of the reporter's rating window (fired at once: nobody rates).
 */
final class GridcaseCases {

    static final String PROCESS = "GridReportProcess";
    static final String CATEGORY = "TRAFFIC.BUS_BLOCKING";
    static final String WHISTLE = "Task_BlowWhistle";
    static final List<String> DEPARTMENTS = List.of("jiaojing", "gongjiao", "wuye");
    static final String LEAD = "jiaojing";
    /** The event-based gateway that opens the reporter's rating window: entering it makes the window's timer. */
    static final String RATING_WINDOW = "Gateway_RatingOrCall";

    private final CaseRegistration registration;
    private final ProcessEngine engine;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final NextStepSignals signals;

    /** Time clients spent finding or awaiting each step's task (or the rating window's timer). */
    final Map<String, LongAdder> waitedNanos = new ConcurrentHashMap<>();
    /**
     * Queries clients ran to find or await each step's task (or timer): one if it was there at the first look. Each
     * look past the first is a query the harness adds to gridcase's load on the same JVM and database.
     */
    final Map<String, LongAdder> probes = new ConcurrentHashMap<>();
    /** Completions retried after a lost race. */
    final LongAdder retries = new LongAdder();

    GridcaseCases(CaseRegistration registration, ProcessEngine engine, NextStepSignals signals) {
        this(registration, engine.getRuntimeService(), engine.getTaskService(), engine.getIdentityService(), engine,
                signals);
    }

    private GridcaseCases(CaseRegistration registration, RuntimeService runtime, TaskService tasks,
            IdentityService identity, ProcessEngine engine, NextStepSignals signals) {
        this.engine = engine;
        this.signals = signals;
        this.registration = registration;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
    }

    /** What each step's form sends (the values the process tests use); the anchor's tasks send the same. */
    static final Map<String, Object> WHISTLE_FORM = Map.of("departments", DEPARTMENTS, "leadDepartment", LEAD,
            "whistleNote", "请各部门到场");
    static final Map<String, Object> HANDLING_FORM = Map.of("handlingOutcome", "RESOLVED",
            "handlingResult", "公交公司调整发车间隔，交警设置临时停靠区");
    static final Map<String, Object> RETURN_VISIT_FORM = Map.of("resolution", "RESOLVED", "satisfaction", "SATISFIED",
            "returnVisitNote", "居民表示满意");

    static Map<String, Object> checkInForm(String department) {
        return Map.of("checkInNote", department + " 已到场");
    }

    /** The six user tasks' forms in the order a whistled case meets them. */
    static List<Map<String, Object>> forms() {
        List<Map<String, Object>> forms = new java.util.ArrayList<>();
        forms.add(WHISTLE_FORM);
        DEPARTMENTS.forEach(department -> forms.add(checkInForm(department)));
        forms.add(HANDLING_FORM);
        forms.add(RETURN_VISIT_FORM);
        return forms;
    }

    /** The JSON a resident's app posts to /api/cases; each report has a phone of its own. */
    static Map<String, Object> reportBody(TestDistrict d, int report) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", CATEGORY);
        body.put("description", "公交车排队进站，占满车道（基准测试 " + report + "）");
        body.put("address", "测试社区公交站");
        body.put("lat", d.lat0() + 0.005);
        body.put("lon", d.lon0() + 0.005);
        body.put("reporterName", "王女士");
        body.put("reporterPhone", phone(report));
        body.put("channel", "RESIDENT_APP");
        return body;
    }

    static NewCase newCase(TestDistrict d, int report) {
        return new NewCase(CATEGORY, null, "公交车排队进站，占满车道（基准测试 " + report + "）", "测试社区公交站",
                d.lat0() + 0.005, d.lon0() + 0.005, null, "王女士", phone(report), Channel.RESIDENT_APP, List.of());
    }

    /** A mobile number per report (139 and eight digits), so that the per-phone limit never refuses one. */
    static String phone(int report) {
        return "139%08d".formatted(report % 100_000_000);
    }

    /** Opens the case as the intake API does (a resident: nobody logged in); its process instance. */
    String open(NewCase report) {
        String caseNumber = register(report);
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    /** Opens the case, in the caller's transaction if there is one; its case number. */
    String register(NewCase report) {
        return registration.open(report).caseNumber();
    }

    /** The street summons the departments of an opened case, which then waits at their check-ins. */
    void whistle(TestDistrict d, String caseNumber) {
        String street = CamundaGroups.ofUnit(UnitLevel.STREET, d.street());
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(WHISTLE)
                .taskCandidateGroup(street).singleResult();
        completeAs("bench." + d.street(), street, task.getId(), WHISTLE_FORM);
    }

    /** Drives an opened case from the street's whistle to closed; returns when the process has ended. */
    void close(TestDistrict d, String instance) {
        String street = CamundaGroups.ofUnit(UnitLevel.STREET, d.street());
        complete(instance, WHISTLE, "bench." + d.street(), street, WHISTLE_FORM);
        for (String department : DEPARTMENTS) {
            complete(instance, "Task_CheckIn", "bench." + department, CamundaGroups.ofDepartment(department),
                    checkInForm(department));
        }
        String lead = CamundaGroups.ofDepartment(LEAD);
        complete(instance, "Task_HandleOnSite", "bench." + LEAD, lead, HANDLING_FORM);
        letTheRatingWindowPass(instance);
        complete(instance, "Task_ReturnVisit", "bench." + d.community(),
                CamundaGroups.ofUnit(UnitLevel.COMMUNITY, d.community()), RETURN_VISIT_FORM);
        if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            throw new IllegalStateException("Case " + instance + " is still open after its return visit");
        }
    }

    /**
     * Nobody rates in the benchmark: once the feedback (a job) has opened the reporter's rating window, its timer
     * is fired at once and the community calls. Awaited as every other step is ({@link NextStepSignals}: the
     * gateway that makes the timer wakes the client); RatingWindow, the process tests' helper, looks every 100 ms,
     * which alone was a fifth of a case's time here.
     */
    private void letTheRatingWindowPass(String instance) {
        Job timer = await(instance, "Event_RatingTimeElapsed", () -> engine.getManagementService().createJobQuery()
                .processInstanceId(instance).activityId("Event_RatingTimeElapsed").singleResult());
        engine.getManagementService().executeJob(timer.getId());
    }

    /** Open tasks of the process waiting at the step, in every street. */
    long waitingAt(String taskKey) {
        return tasks.createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey(taskKey).count();
    }

    private void complete(String instance, String taskKey, String user, String group, Map<String, Object> values) {
        completeAs(user, group, awaitTask(instance, taskKey, group).getId(), values);
    }

    /**
     * Completes the task as a member of its group, as the Tasklist does (authorization checks included). A check-in
     * completed while the job after the previous one runs may lose the race for the case's rows; the member would
     * see an error and submit again, and so does the benchmark (counted in {@link #retries}).
     */
    void completeAs(String user, String group, String taskId, Map<String, Object> values) {
        for (int attempt = 1; ; attempt++) {
            identity.setAuthentication(user, List.of(group));
            try {
                tasks.complete(taskId, values);
                return;
            } catch (OptimisticLockingException lostRace) {
                if (attempt == 5) {
                    throw lostRace;
                }
                retries.increment();
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    /**
     * The instance's task of the step for the group, found as the group's Tasklist finds it (by candidate group);
     * async continuations run on the job executor, so it may take a moment to appear: the client then looks again
     * when a task of the instance has been made ({@link NextStepSignals}).
     */
    Task awaitTask(String instance, String taskKey, String group) {
        return await(instance, taskKey + " for " + group, () -> tasks.createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(taskKey).taskCandidateGroup(group).singleResult());
    }

    private <T> T await(String instance, String what, Supplier<T> probe) {
        LongAdder looks = probes.computeIfAbsent(what, w -> new LongAdder());
        long start = System.nanoTime();
        try {
            return signals.until(instance, what + " of " + instance, Waits.TIMEOUT, () -> {
                looks.increment();
                return probe.get();
            });
        } finally {
            waitedNanos.computeIfAbsent(what, w -> new LongAdder()).add(System.nanoTime() - start);
        }
    }

    /** Steps found only by a look after a fallback pause, no signal ({@link NextStepSignals#FALLBACK}). */
    long foundWithoutSignal() {
        return signals.foundWithoutSignal.sum();
    }

    /** All the time clients spent finding or awaiting their next step. */
    long waitedNanos() {
        return waitedNanos.values().stream().mapToLong(LongAdder::sum).sum();
    }
}
