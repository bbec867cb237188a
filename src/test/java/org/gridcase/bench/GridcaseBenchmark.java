package org.gridcase.bench;

import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor;
import org.gridcase.BenchmarkDatabaseInitializer;
import org.gridcase.audit.ArchiveForBenchmark;
import org.gridcase.casework.CaseRegistration;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * gridcase's benchmark: the whole application on PostgreSQL (the tests' embedded server, or
 * {@code -Dbench.db.url=jdbc:postgresql://...} with {@code bench.db.user} and {@code bench.db.password}), with a
 * running job executor, as a node runs. Not part of {@code mvn verify} (the name does not end in Tests); run it
 * with {@code mvn test -Pbench -Dtest=GridcaseBenchmark} and {@code -Dbench.*} settings ({@link BenchSettings}):
 *
 * <ul>
 * <li>{@code -Dbench.mode=throughput} (default): intake and whole lifecycles against bare anchor processes, the
 * database's growth per closed case and the street's queries ({@link ThroughputRun});
 * <li>{@code -Dbench.mode=load}: many open cases, with the street's queries and the size per case at stops along
 * the way ({@link LoadRun}).
 * </ul>
 *
 * Figures are printed (and copied under target/bench-results/), never asserted: the test fails only when the
 * harness breaks, e.g. a case that never reaches its next task.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = BenchmarkDatabaseInitializer.class)
// the job executor runs, as on a node: gridcase's start event and check-ins continue asynchronously; the engine's
// task and execution events reach Spring (off in gridcase's own settings), which wakes the clients (NextStepSignals)
@TestPropertySource(properties = {"camunda.bpm.job-execution.enabled=true", "camunda.bpm.eventing.task=true",
        "camunda.bpm.eventing.execution=true"})
class GridcaseBenchmark {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseRegistration registration;

    @Autowired
    UnitService units;

    @Autowired
    DepartmentService departments;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationContext context;

    @Autowired
    DataSource dataSource;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    NextStepSignals signals;

    /** Beans of this benchmark's context alone (a nested test configuration is not scanned into others). */
    @TestConfiguration(proxyBeanMethods = false)
    static class Signals {

        @Bean
        NextStepSignals nextStepSignals() {
            return new NextStepSignals(Set.of(GridcaseCases.RATING_WINDOW));
        }
    }

    @Test
    void measures() {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        BenchOutput out = new BenchOutput(settings.mode().name().toLowerCase());
        // the engine REST API and the webapps find their engine by name in a JVM-wide registry
        ProcessEngines.registerProcessEngine(engine);
        describe(settings, out);
        BenchDistrict district = BenchDistrict.create(settings.streets(), units, departments,
                engine.getIdentityService(), engine.getFilterService());
        BenchHttp http = new BenchHttp(port);
        GridcaseCases gridcase = new GridcaseCases(registration, engine, signals);
        StreetQueries queries = new StreetQueries(engine.getFilterService(), engine.getTaskService(),
                engine.getIdentityService(), http, district, settings.repeats());
        long start = System.nanoTime();
        if (settings.mode() == BenchSettings.Mode.THROUGHPUT) {
            AnchorCases.deploy(engine.getRepositoryService());
            AnchorCases anchors = new AnchorCases(engine.getRuntimeService(), engine.getTaskService(),
                    engine.getIdentityService());
            new ThroughputRun(settings, out, district, gridcase, anchors, http, jdbc, queries,
                    () -> ArchiveForBenchmark.compactEveryEndedCase(context)).run();
        } else if (settings.generator() == BenchSettings.Generator.REAL) {
            new LoadRun(settings, out, realPath(settings, out, district, gridcase), queries, jdbc).run();
        } else {
            try (CaseCloner cloner = new CaseCloner(dataSource, settings.spread())) {
                ClonedCases copies = new ClonedCases(realPath(settings, out, district, gridcase), cloner, jdbc,
                        district, settings, out);
                new LoadRun(settings, out, copies, queries, jdbc).run();
                copies.closeOneCopy(gridcase);
            }
        }
        out.line("");
        out.line("benchmark took %.0f s; figures copied to %s", (System.nanoTime() - start) / 1e9,
                out.copy().toAbsolutePath());
    }

    private CaseGenerator realPath(BenchSettings settings, BenchOutput out, BenchDistrict district,
            GridcaseCases gridcase) {
        return new CaseGenerator(transactions, gridcase, engine.getManagementService(), district, settings, out);
    }

    /** What the figures depend on, printed with them. */
    private void describe(BenchSettings settings, BenchOutput out) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        out.heading("gridcase benchmark: " + settings);
        out.line("database        %s, %s", jdbc.queryForObject("SELECT current_database()", String.class),
                jdbc.queryForObject("SELECT version()", String.class));
        out.line("connection pool %s connections at most",
                dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : "?");
        JobExecutor jobs = configuration.getJobExecutor();
        String pool = jobs instanceof SpringJobExecutor spring
                && spring.getTaskExecutor() instanceof ThreadPoolTaskExecutor threads
                ? "threads %d-%d, queue %d".formatted(threads.getCorePoolSize(), threads.getMaxPoolSize(),
                        threads.getQueueCapacity())
                : jobs.getClass().getSimpleName();
        out.line("job executor    %s; %d jobs per acquisition, wait %d ms, max wait %d ms, lock %d ms", pool,
                jobs.getMaxJobsPerAcquisition(), jobs.getWaitTimeInMillis(), jobs.getMaxWait(),
                jobs.getLockTimeInMillis());
        out.line("engine          history %s, authorization %s", configuration.getHistory(),
                configuration.isAuthorizationEnabled() ? "on" : "off");
        out.line("machine         %d processors, JVM heap up to %d MB", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
