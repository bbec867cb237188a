package org.gridcase.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
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

    @Autowired
    RepositoryService repository;

    /** Each step's measurements, in the order the steps come. */
    private final Map<String, List<Measured>> steps = new LinkedHashMap<>();
    /** The same for the anchors' steps. */
    private final Map<String, List<Measured>> anchorSteps = new LinkedHashMap<>();

    record Measured(RecordedStatements statements, long nanos) {
    }

    @Test
    void profilesEveryStep(@Autowired UnitService units, @Autowired DepartmentService departments) throws Exception {
        TestDistrict.registerTriageDepartments(departments);
        TestDistrict d = TestDistrict.create(units, departments, "996301", 63.0, 133.0, "PF");
        AnchorCases.deploy(repository);
        int cases = Integer.getInteger("bench.cases", 10);
        for (int i = 0; i < WARM_UP + cases; i++) {
            boolean counted = i >= WARM_UP;
            oneCase(d, i, counted);
            anchorCase(d, i, counted);
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

    /** The anchors with the same report and form values, each start and completion a step. */
    private void anchorCase(TestDistrict d, int report, boolean counted) throws Exception {
        Map<String, Object> variables = GridcaseCases.reportBody(d, 900_000 + report);
        measure(anchorSteps, "intake: BareOneTask started with the report", counted, () -> runtime
                .startProcessInstanceByKey(AnchorCases.ONE_TASK, variables).getId());
        String instance = measure(anchorSteps, "lifecycle: BareSixTasks started with the report", counted,
                () -> runtime.startProcessInstanceByKey(AnchorCases.SIX_TASKS, variables).getId());
        List<Map<String, Object>> forms = GridcaseCases.forms();
        for (int step = 0; step < forms.size(); step++) {
            Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
            Map<String, Object> values = forms.get(step);
            measure(anchorSteps, "lifecycle: task " + (step + 1) + " completed", counted, () -> {
                identity.setAuthentication(AnchorCases.MEMBER, List.of(AnchorCases.GROUP));
                try {
                    tasks.complete(task.getId(), values);
                } finally {
                    identity.clearAuthentication();
                }
                return null;
            });
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
        return measure(steps, step, counted, work);
    }

    private <T> T measure(Map<String, List<Measured>> into, String step, boolean counted,
            java.util.concurrent.Callable<T> work) throws Exception {
        RecordedStatements statements = new RecordedStatements();
        long start = System.nanoTime();
        T result = recorder.record(statements, work);
        long nanos = System.nanoTime() - start;
        if (counted) {
            into.computeIfAbsent(step, s -> new ArrayList<>()).add(new Measured(statements, nanos));
        }
        return result;
    }

    private void print(int cases) {
        System.out.println();
        System.out.println("== lifecycle steps, %d cases on one thread (statements and ms: median / most) =="
                .formatted(cases));
        Totals gridcase = printSteps(steps, step -> true);
        System.out.println("== the anchors, the same cases' report and forms ==");
        Totals anchor = printSteps(anchorSteps, step -> step.startsWith("lifecycle"));
        Totals gridcaseIntake = totals(steps, step -> step.startsWith("intake"));
        Totals anchorIntake = totals(anchorSteps, step -> step.startsWith("intake"));
        System.out.println("== one thread's time per case, gridcase / anchor (the anchor's time over gridcase's) ==");
        System.out.println("  intake (to the first task)  %7.1f / %6.1f ms  %.2f×   %4d / %3d statements".formatted(
                gridcaseIntake.millis(), anchorIntake.millis(), anchorIntake.millis() / gridcaseIntake.millis(),
                gridcaseIntake.statements(), anchorIntake.statements()));
        System.out.println("  lifecycle (report to closed) %7.1f / %6.1f ms  %.2f×   %4d / %3d statements".formatted(
                gridcase.millis(), anchor.millis(), anchor.millis() / gridcase.millis(), gridcase.statements(),
                anchor.statements()));
        if (Boolean.getBoolean("statements.breakdown")) {
            steps.forEach((step, measured) -> System.out.println("\n-- " + step + ": "
                    + measured.stream().max((a, b) -> a.statements().count() - b.statements().count())
                            .orElseThrow().statements().breakdown()));
        }
    }

    record Totals(int statements, double millis) {
    }

    /** Prints each step's median and most, and the sums of the medians of the steps from report to closed. */
    private static Totals printSteps(Map<String, List<Measured>> measured, Predicate<String> summed) {
        for (Map.Entry<String, List<Measured>> step : measured.entrySet()) {
            List<Integer> counts = step.getValue().stream().map(m -> m.statements().count()).sorted().toList();
            List<Double> ms = step.getValue().stream().map(m -> m.nanos() / 1e6).sorted().toList();
            System.out.println("  %-58s %4d / %4d statements  %7.1f / %7.1f ms".formatted(step.getKey(),
                    counts.get(counts.size() / 2), counts.get(counts.size() - 1), ms.get(ms.size() / 2),
                    ms.get(ms.size() - 1)));
        }
        Totals lifecycle = totals(measured, summed);
        System.out.println("  %-58s %4d statements         %7.1f ms".formatted("report to closed (sum of medians)",
                lifecycle.statements(), lifecycle.millis()));
        return lifecycle;
    }

    private static Totals totals(Map<String, List<Measured>> measured, Predicate<String> summed) {
        int statements = 0;
        double millis = 0;
        for (Map.Entry<String, List<Measured>> step : measured.entrySet()) {
            if (!summed.test(step.getKey())) {
                continue;
            }
            List<Integer> counts = step.getValue().stream().map(m -> m.statements().count()).sorted().toList();
            List<Double> ms = step.getValue().stream().map(m -> m.nanos() / 1e6).sorted().toList();
            statements += counts.get(counts.size() / 2);
            millis += ms.get(ms.size() / 2);
        }
        return new Totals(statements, millis);
    }
}
