package org.gridcase.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.BenchmarkDatabaseInitializer;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * How the Tasklist's unit filter (本街道) scales with a street's open tasks, against the plain task query of the
 * same group, as a member of the street and as an administrator. Not part of the suite (the name does not end in
 * Tests): {@code mvn test -Dtest=TaskFilterScaleBenchmark -Dtasks=20000} (add {@code -Dbench.db.url=...} to run on a
 * PostgreSQL of your own and keep the data for EXPLAIN); it prints p50 and p95 of list and count at each size.
 */
@SpringBootTest
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = BenchmarkDatabaseInitializer.class)
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class TaskFilterScaleBenchmark {

    static final int ROUNDS = 15;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    @Autowired
    UnitService units;

    @Autowired
    DepartmentService departments;

    @Autowired
    ProcessEngineConfiguration configuration;

    @Test
    void measuresTheStreetFilterAsTheStreetsTasksGrow() {
        // a district of its own each run, so that runs on a kept database do not meet
        int run = (int) (System.currentTimeMillis() % 1000);
        TestDistrict d = TestDistrict.create(units, departments, "998%03d".formatted(run), 10.0, run * 0.05);
        String street = CamundaGroups.ofUnit(org.gridcase.registry.UnitLevel.STREET, d.street());
        String user = "bench." + d.street();
        User member = identity.newUser(user);
        member.setFirstName("基准");
        identity.saveUser(member);
        identity.createMembership(user, street);
        Filter filter = filters.createFilterQuery().list().stream()
                .filter(f -> f.getProperties() != null && street.equals(f.getProperties().get(TasklistFilters.UNIT_GROUP)))
                .findFirst().orElseThrow();

        int target = Integer.getInteger("tasks", 10_000);
        int created = 0;
        for (int size : sizes(target)) {
            created += createTasks(size - created, street);
            // as many again for other groups, so that the authorization table is not the street's alone
            createTasks(size - created + (size / 2), "bench-other-" + size);
            identity.setAuthentication(user, List.of(street));
            try {
                report(size, "filter count (member)", () -> filters.count(filter.getId()));
                report(size, "filter list 15 (member)", () -> filters.listPage(filter.getId(), 0, 15).size());
                report(size, "plain count (member)", () -> tasks.createTaskQuery().taskCandidateGroup(street)
                        .includeAssignedTasks().count());
            } finally {
                identity.clearAuthentication();
            }
            identity.setAuthentication("admin", List.of("camunda-admin"));
            try {
                report(size, "filter count (admin)", () -> filters.count(filter.getId()));
            } finally {
                identity.clearAuthentication();
            }
        }
    }

    private static int[] sizes(int target) {
        return Arrays.stream(new int[] {target / 10, target / 4, target / 2, target}).filter(s -> s > 0).toArray();
    }

    private int createTasks(int count, String group) {
        ProcessEngineConfigurationImpl engine = (ProcessEngineConfigurationImpl) configuration;
        for (int done = 0; done < count; done += 500) {
            int batch = Math.min(500, count - done);
            engine.getCommandExecutorTxRequired().execute(context -> {
                for (int i = 0; i < batch; i++) {
                    Task task = tasks.newTask();
                    task.setName("bench " + group);
                    tasks.saveTask(task);
                    tasks.addCandidateGroup(task.getId(), group);
                }
                return null;
            });
        }
        return Math.max(count, 0);
    }

    private static void report(int size, String what, LongSupplier query) {
        query.getAsLong();
        List<Long> millis = new ArrayList<>();
        long result = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            result = query.getAsLong();
            millis.add((System.nanoTime() - start) / 1_000_000);
        }
        millis.sort(null);
        System.out.printf("BENCH %6d street tasks  %-26s p50 %5d ms  p95 %5d ms  (result %d)%n", size, what,
                millis.get(ROUNDS / 2), millis.get((int) Math.ceil(ROUNDS * 0.95) - 1), result);
    }
}
