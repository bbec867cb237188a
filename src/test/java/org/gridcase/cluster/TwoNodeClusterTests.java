package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.gridcase.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two gridcase nodes on one fresh PostgreSQL database, as a cluster behind a load balancer runs them: started at
 * the same moment, sharing the timers of the cases, and one of them dying with jobs it had locked.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTests {

    /** A node that dies must not hold up its cases longer than this (the limit). */
    static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    static final Map<String, Throwable> startFailures = new ConcurrentHashMap<>();
    static ClusterNode nodeA;
    static ClusterNode nodeB;

    /**
     * Starts both nodes from two threads. Spring Boot sets up logging JVM-wide as an application starts, and two
     * applications doing so at the same moment in one JVM trip over each other (real nodes are separate JVMs), so
     * node B starts once node A's logging is set up; their engines are then built together.
     */
    @BeforeAll
    static void startTwoNodesTogether() throws Exception {
        String database = EmbeddedPostgresInitializer.freshDatabase("cluster");
        ExecutorService starters = Executors.newFixedThreadPool(2);
        EnginesBuiltTogether together = new EnginesBuiltTogether(2);
        CountDownLatch aPrepared = new CountDownLatch(1);
        try {
            Future<ClusterNode> a = starters.submit(() -> start("node-a", database, together, aPrepared::countDown));
            Future<ClusterNode> b = starters.submit(() -> {
                aPrepared.await(2, TimeUnit.MINUTES);
                return start("node-b", database, together, () -> { });
            });
            nodeA = a.get(3, TimeUnit.MINUTES);
            nodeB = b.get(3, TimeUnit.MINUTES);
        } finally {
            starters.shutdown();
        }
    }

    private static ClusterNode start(String name, String database, EnginesBuiltTogether together,
            Runnable prepared) {
        try {
            return ClusterNode.start(name, database, List.of(together), prepared);
        } catch (RuntimeException e) {
            startFailures.put(name, e);
            return null;
        } finally {
            prepared.run();
        }
    }

    @AfterAll
    static void stopNodes() {
        for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
            if (node != null && node.context.isActive()) {
                node.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesStartTogetherOnAFreshDatabase() throws Exception {
        assertThat(startFailures).as("nodes that failed to start").isEmpty();
        for (ClusterNode node : List.of(nodeA, nodeB)) {
            var health = node.get("/actuator/health");
            assertThat(health.statusCode()).as("%s health: %s", node.name, health.body()).isEqualTo(200);
        }
        // the start-up work of both nodes made one of each thing, not two
        assertThat(nodeA.engine().getFilterService().createFilterQuery().filterName("我的任务").count()).isOne();
        assertThat(nodeB.engine().getIdentityService().createUserQuery().userId(EmbeddedPostgresInitializer.ADMIN)
                .count()).isOne();
    }

    @Test
    @Order(2)
    void timersOfSeveralCasesFireExactlyOnceAcrossTheNodes() throws Exception {
        // given
        CountedTimers.deploy(nodeA.engine());
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ClusterNode node = i % 2 == 0 ? nodeA : nodeB;
            // a second of work: longer than gridcase's jobs take once warm
            instances.add(node.engine().getRuntimeService().startProcessInstanceByKey(CountedTimers.PROCESS,
                    Map.of("delay", "PT2S", "workMillis", 1_000)).getId());
        }

        // when
        awaitEnded(instances, Duration.ofSeconds(60));

        // then
        HistoryService history = nodeB.engine().getHistoryService();
        for (String instance : instances) {
            assertThat(CountedTimers.runs(instance)).as("runs of the job after the timer of %s", instance)
                    .isOne();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).successLog().count())
                    .as("successful timer jobs of %s", instance).isOne();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).failureLog().count())
                    .as("failed job runs of %s", instance).isZero();
        }
    }

    @Test
    @Order(3)
    void theJobsADeadNodeHadLockedAreDoneByTheOtherWithinThirtySeconds() throws Exception {
        // given: three cases whose timers are not yet due
        CountedTimers.deploy(nodeA.engine());
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            instances.add(nodeB.engine().getRuntimeService().startProcessInstanceByKey(CountedTimers.PROCESS,
                    Map.of("delay", "PT1H", "workMillis", 0)).getId());
        }
        JdbcTemplate jdbc = new JdbcTemplate(nodeB.context.getBean(DataSource.class));

        // when: node A acquires them just as they fall due (its lock runs for the configured lock time) and dies
        long lockMillis = nodeA.configuration().getJobExecutor().getLockTimeInMillis();
        String owner = nodeA.configuration().getJobExecutor().getLockOwner();
        Instant died = Instant.now();
        for (String instance : instances) {
            assertThat(jdbc.update("UPDATE act_ru_job SET lock_owner_ = ?, lock_exp_time_ = ?, duedate_ = ? "
                            + "WHERE process_instance_id_ = ?", owner,
                    Timestamp.from(died.plusMillis(lockMillis)), Timestamp.from(died.minusSeconds(1)), instance))
                    .isOne();
        }
        nodeA.close();

        // then
        awaitEnded(instances, TAKEOVER_LIMIT.plusSeconds(15));
        Duration tookOver = Duration.between(died, Instant.now());
        System.out.printf("Jobs of a dead node (lock time %d ms) done by the other node after %d ms%n", lockMillis,
                tookOver.toMillis());
        assertThat(tookOver).isLessThan(TAKEOVER_LIMIT);
        for (String instance : instances) {
            List<HistoricJobLog> done = nodeB.engine().getHistoryService().createHistoricJobLogQuery()
                    .processInstanceId(instance).successLog().list();
            assertThat(done).extracting(HistoricJobLog::getHostname).containsExactly("node-b");
            assertThat(CountedTimers.runs(instance)).isOne();
        }
    }

    /** Waits for the instances to end, or for the time to run out, whichever comes first. */
    private static void awaitEnded(List<String> instances, Duration atMost) throws InterruptedException {
        var runtime = nodeB.engine().getRuntimeService();
        Instant deadline = Instant.now().plus(atMost);
        while (runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instances)).count() > 0
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(instances)).count())
                .as("instances still running after %s", atMost).isZero();
    }
}
