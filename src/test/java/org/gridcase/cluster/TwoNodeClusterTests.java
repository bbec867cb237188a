package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.gridcase.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two gridcase nodes on one fresh PostgreSQL database, as a cluster behind a load balancer runs them: started at
 * the same moment, and sharing the timers of the cases.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTests {

    static final Map<String, Throwable> startFailures = new ConcurrentHashMap<>();
    static ClusterNode nodeA;
    static ClusterNode nodeB;

    @BeforeAll
    static void startTwoNodesTogether() throws Exception {
        String database = EmbeddedPostgresInitializer.freshDatabase("cluster");
        ExecutorService starters = Executors.newFixedThreadPool(2);
        EnginesBuiltTogether together = new EnginesBuiltTogether(2);
        try {
            Future<ClusterNode> a = starters.submit(() -> start("node-a", database, together));
            Future<ClusterNode> b = starters.submit(() -> start("node-b", database, together));
            nodeA = a.get(3, TimeUnit.MINUTES);
            nodeB = b.get(3, TimeUnit.MINUTES);
        } finally {
            starters.shutdown();
        }
    }

    private static ClusterNode start(String name, String database, EnginesBuiltTogether together) {
        try {
            return ClusterNode.start(name, database, together);
        } catch (RuntimeException e) {
            startFailures.put(name, e);
            return null;
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
        deployCountedTimerProcess();
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ClusterNode node = i % 2 == 0 ? nodeA : nodeB;
            instances.add(node.engine().getRuntimeService()
                    .startProcessInstanceByKey("ClusterTimer", Map.of("delay", "PT2S")).getId());
        }

        // when
        awaitEnded(instances, Duration.ofSeconds(60));

        // then
        HistoryService history = nodeB.engine().getHistoryService();
        for (String instance : instances) {
            assertThat(CountingDelegate.runs(instance)).as("runs of the job after the timer of %s", instance)
                    .isOne();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).successLog().count())
                    .as("successful timer jobs of %s", instance).isOne();
            assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).failureLog().count())
                    .as("failed job runs of %s", instance).isZero();
        }
    }

    private static void deployCountedTimerProcess() {
        var repository = nodeA.engine().getRepositoryService();
        if (repository.createProcessDefinitionQuery().processDefinitionKey("ClusterTimer").count() == 0) {
            repository.createDeployment().addModelInstance("ClusterTimer.bpmn",
                    Bpmn.createExecutableProcess("ClusterTimer").camundaHistoryTimeToLive(1)
                            .startEvent()
                            .intermediateCatchEvent("Timer").timerWithDuration("${delay}")
                            .serviceTask("Task_Count").camundaClass(CountingDelegate.class.getName())
                            .endEvent()
                            .done())
                    .deploy();
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

    /**
     * The work after the timer, counted outside the engine's transaction: a job that two nodes ran would count two
     * even though the engine rolls one of them back. It takes a second, longer than any job gridcase runs.
     */
    public static class CountingDelegate implements JavaDelegate {

        static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

        static int runs(String processInstanceId) {
            AtomicInteger runs = RUNS.get(processInstanceId);
            return runs == null ? 0 : runs.get();
        }

        @Override
        public void execute(DelegateExecution execution) throws InterruptedException {
            RUNS.computeIfAbsent(execution.getProcessInstanceId(), id -> new AtomicInteger()).incrementAndGet();
            Thread.sleep(1_000);
        }
    }
}
