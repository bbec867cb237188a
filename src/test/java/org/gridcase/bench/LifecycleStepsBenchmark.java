package org.gridcase.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.PostgresTest;
import org.gridcase.RecordedStatements;
import org.gridcase.StatementCounting;
import org.gridcase.StatementRecorder;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Where a benchmark lifecycle's time and SQL go, step by step: the case of {@link GridcaseCases} (a whistled
 * report, three departments' check-ins, handling, feedback, the rating window passing, the return visit) worked on
 * one thread, each user's completion and each job (run here with {@code executeJob}, as the job executor would)
 * measured apart: the statements it sent (the counter of IntakeStatementCountTests) and its wall time. Median and
 * most of {@code -Dbench.cases} cases (10) after 5 not counted; {@code -Dstatements.breakdown=true} prints what the
 * most costly of each step sent. Printed, never asserted; run with
 * {@code mvn test -Pbench -Dtest=LifecycleStepsBenchmark}.
 */
@PostgresTest
@Import(StatementCounting.class)
class LifecycleStepsBenchmark {

    private static final int WARM_UP = 5;

    @Autowired
    StatementRecorder recorder;

    @Autowired
    CaseRegistration registration;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    IdentityService identity;

    /** Each step's measurements, in the order the steps come. */
    private final Map<String, List<Measured>> steps = new LinkedHashMap<>();

    record Measured(RecordedStatements statements, long nanos) {
    }

    @Test
    void profilesEveryStep(@Autowired UnitService units, @Autowired DepartmentService departments) throws Exception {
        TestDistrict.registerTriageDepartments(departments);
        TestDistrict d = TestDistrict.create(units, departments, "996301", 63.0, 133.0, "PF");
        int cases = Integer.getInteger("bench.cases", 10);
        for (int i = 0; i < WARM_UP + cases; i++) {
            boolean counted = i >= WARM_UP;
            oneCase(d, i, counted);
        }
        print(cases);
    }

    private void oneCase(TestDistrict d, int report, boolean counted) throws Exception {
        String caseNumber = measure("intake (registration, the request's part)", counted,
                () -> registration.open(GridcaseCases.newCase(d, 900_000 + report)).caseNumber());
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
                .getId();
        runJobs("intake continuation (job: place, triage, whistle task)", instance, counted);
        String street = CamundaGroups.ofUnit(UnitLevel.STREET, d.street());
        complete("whistle", counted, instance, GridcaseCases.WHISTLE, "bench." + d.street(), street,
                Map.of("departments", GridcaseCases.DEPARTMENTS, "leadDepartment", GridcaseCases.LEAD,
                        "whistleNote", "请各部门到场"));
        int n = 0;
        for (String department : GridcaseCases.DEPARTMENTS) {
            n++;
            complete("check-in " + n + " (" + department + ")", counted, instance, "Task_CheckIn",
                    "bench." + department, CamundaGroups.ofDepartment(department),
                    Map.of("checkInNote", department + " 已到场"));
            runJobs("check-in " + n + " continuation (job" + (n == 3 ? ": handling task" : "") + ")", instance,
                    counted);
        }
        String lead = CamundaGroups.ofDepartment(GridcaseCases.LEAD);
        complete("handling", counted, instance, "Task_HandleOnSite", "bench." + GridcaseCases.LEAD, lead,
                Map.of("handlingOutcome", "RESOLVED", "handlingResult", "公交公司调整发车间隔，交警设置临时停靠区"));
        runJobs("feedback (job: the reporter told, rating window)", instance, counted);
        Job timer = management.createJobQuery().processInstanceId(instance).activityId("Event_RatingTimeElapsed")
                .singleResult();
        measure("rating window passes (timer job: return visit task)", counted, () -> {
            management.executeJob(timer.getId());
            return null;
        });
        complete("return visit (closes the case)", counted, instance, "Task_ReturnVisit", "bench." + d.community(),
                CamundaGroups.ofUnit(UnitLevel.COMMUNITY, d.community()), Map.of("resolution", "RESOLVED",
                        "satisfaction", "SATISFIED", "returnVisitNote", "居民表示满意"));
        if (runtime.createProcessInstanceQuery().processInstanceId(instance).count() != 0) {
            throw new IllegalStateException("Case " + caseNumber + " is still open after its return visit");
        }
    }

    private void complete(String step, boolean counted, String instance, String taskKey, String user, String group,
            Map<String, Object> values) throws Exception {
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey)
                .taskCandidateGroup(group).singleResult();
        if (task == null) {
            throw new IllegalStateException("No " + taskKey + " for " + group + " in " + instance);
        }
        measure(step, counted, () -> {
            identity.setAuthentication(user, List.of(group));
            try {
                tasks.complete(task.getId(), values);
            } finally {
                identity.clearAuthentication();
            }
            return null;
        });
    }

    /** The instance's jobs that are due, one after the other until none is, measured as one step. */
    private void runJobs(String step, String instance, boolean counted) throws Exception {
        RecordedStatements statements = new RecordedStatements();
        long nanos = 0;
        for (Job job = dueJob(instance); job != null; job = dueJob(instance)) {
            String id = job.getId();
            long start = System.nanoTime();
            recorder.record(statements, () -> {
                management.executeJob(id);
                return null;
            });
            nanos += System.nanoTime() - start;
        }
        if (counted) {
            steps.computeIfAbsent(step, s -> new ArrayList<>()).add(new Measured(statements, nanos));
        }
    }

    private Job dueJob(String instance) {
        return management.createJobQuery().processInstanceId(instance).executable().listPage(0, 1).stream()
                .findFirst().orElse(null);
    }

    private <T> T measure(String step, boolean counted, java.util.concurrent.Callable<T> work) throws Exception {
        RecordedStatements statements = new RecordedStatements();
        long start = System.nanoTime();
        T result = recorder.record(statements, work);
        long nanos = System.nanoTime() - start;
        if (counted) {
            steps.computeIfAbsent(step, s -> new ArrayList<>()).add(new Measured(statements, nanos));
        }
        return result;
    }

    private void print(int cases) {
        System.out.println();
        System.out.println("== lifecycle steps, %d cases on one thread (statements and ms: median / most) =="
                .formatted(cases));
        int statements = 0;
        double millis = 0;
        for (Map.Entry<String, List<Measured>> step : steps.entrySet()) {
            List<Integer> counts = step.getValue().stream().map(m -> m.statements().count()).sorted().toList();
            List<Double> ms = step.getValue().stream().map(m -> m.nanos() / 1e6).sorted().toList();
            int medianCount = counts.get(counts.size() / 2);
            double medianMs = ms.get(ms.size() / 2);
            statements += medianCount;
            millis += medianMs;
            System.out.println("  %-58s %4d / %4d statements  %7.1f / %7.1f ms".formatted(step.getKey(),
                    medianCount, counts.get(counts.size() - 1), medianMs, ms.get(ms.size() - 1)));
        }
        System.out.println("  %-58s %4d statements         %7.1f ms".formatted("whole case (sum of medians)",
                statements, millis));
        if (Boolean.getBoolean("statements.breakdown")) {
            steps.forEach((step, measured) -> System.out.println("\n-- " + step + ": "
                    + measured.stream().max((a, b) -> a.statements().count() - b.statements().count())
                            .orElseThrow().statements().breakdown()));
        }
    }
}
