package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gridcase.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A node stopped in a rolling restart (SIGTERM, the context closed): what it was answering is answered, new
 * connections are refused at once so that the load balancer sends them elsewhere, and it leaves no job locked behind
 * for the other nodes to wait out.
 */
class GracefulShutdownTests {

    @Test
    void aStoppingNodeAnswersWhatItWasAnsweringRefusesNewConnectionsAndLeavesNoJobLocked() throws Exception {
        String database = EmbeddedPostgresInitializer.freshDatabase("shutdown");
        SlowRequests slow = new SlowRequests();
        ClusterNode node = ClusterNode.start("stopping", database, List.of(slow));
        int port = node.port();
        String lockOwner = node.configuration().getJobExecutor().getLockOwner();
        // given: timers of twelve cases falling due while the node stops
        CountedTimers.deploy(node.engine());
        for (int i = 0; i < 12; i++) {
            node.engine().getRuntimeService().startProcessInstanceByKey(CountedTimers.PROCESS,
                    Map.of("delay", "PT3S", "workMillis", 300));
        }
        // and a request that takes a while
        CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cluster-test/slow?millis=8000"))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(slow.started.await(30, TimeUnit.SECONDS)).isTrue();

        // when
        Thread stopping = new Thread(node::close, "stopping-node");
        stopping.start();

        // then: new connections refused while the request is still being answered
        Instant refusedBy = Instant.now().plusSeconds(5);
        Throwable refused = null;
        while (refused == null && Instant.now().isBefore(refusedBy)) {
            Thread.sleep(100);
            refused = catchThrowable(() -> new Socket("localhost", port).close());
        }
        assertThat(refused).as("a new connection while stopping").isInstanceOf(ConnectException.class);
        assertThat(answer).as("answered while new connections were refused").isNotDone();
        HttpResponse<String> slowAnswer = answer.get(60, TimeUnit.SECONDS);
        assertThat(slowAnswer.statusCode()).isEqualTo(200);
        assertThat(slowAnswer.body()).isEqualTo("done");
        stopping.join(TimeUnit.SECONDS.toMillis(60));
        assertThat(stopping.isAlive()).as("still stopping").isFalse();

        // and no job is left locked by the stopped node: the others may run them at once
        JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(database));
        assertThat(jdbc.queryForList("SELECT id_ FROM act_ru_job WHERE lock_owner_ = ? AND lock_exp_time_ > ?",
                String.class, lockOwner, Timestamp.from(Instant.now()))).as("jobs still locked by the stopped node")
                .isEmpty();
    }

    /** A request that takes as long as it is told to. */
    @RestController
    static class SlowRequests {

        final CountDownLatch started = new CountDownLatch(1);

        @GetMapping("/cluster-test/slow")
        String slow(@RequestParam long millis) throws InterruptedException {
            started.countDown();
            Thread.sleep(millis);
            return "done";
        }
    }
}
