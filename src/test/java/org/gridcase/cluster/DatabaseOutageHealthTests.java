package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The health check during a database outage, on a node with a PostgreSQL server of its own that the test stops
 * and starts again. A load balancer or compose asks /actuator/health/readiness every few seconds with a short
 * timeout (3 s in docker-compose.yml): it must hear DOWN, promptly, rather than nothing.
 */
class DatabaseOutageHealthTests {

    /** The limit for an answer while the database is down. */
    static final Duration LIMIT = Duration.ofSeconds(2);

    @Test
    void answersDownWithinTwoSecondsWhileTheDatabaseIsDownAndUpWhenItIsBack() throws Exception {
        Path data = Files.createTempDirectory("gridcase-outage");
        EmbeddedPostgres database = server(data, 0);
        int port = database.getPort();
        try (ClusterNode node = ClusterNode.start("outage", database.getJdbcUrl("postgres", "postgres"), List.of(),
                "--camunda.bpm.job-execution.enabled=false")) {
            assertThat(node.get("/actuator/health/readiness").statusCode()).isEqualTo(200);

            // when
            database.close();

            // then: DOWN within the limit, the node itself alive (restarting it would not bring the database back)
            for (String path : List.of("/actuator/health", "/actuator/health/readiness")) {
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long started = System.nanoTime();
                    HttpResponse<String> answer = node.get(path);
                    millis.add((System.nanoTime() - started) / 1_000_000);
                    assertThat(answer.statusCode()).as("%s: %s", path, answer.body()).isEqualTo(503);
                    assertThat(answer.body()).contains("\"status\":\"DOWN\"");
                }
                System.out.printf("%s with the database down answered DOWN in %s ms%n", path, millis);
                // the median, so that one pause of a loaded machine does not decide; none may take much longer
                assertThat(millis.stream().sorted().toList().get(1)).as("%s median, ms", path)
                        .isLessThan(LIMIT.toMillis());
                assertThat(millis).as("%s, ms", path).allSatisfy(took -> assertThat(took).isLessThan(5_000));
            }
            assertThat(node.get("/actuator/health/liveness").statusCode()).isEqualTo(200);

            // and when the database is back: UP again once the pool has a connection (Hikari retries on its own)
            database = server(data, port);
            long back = System.nanoTime();
            int status = node.get("/actuator/health/readiness").statusCode();
            while (status != 200 && System.nanoTime() - back < Duration.ofSeconds(45).toNanos()) {
                Thread.sleep(500);
                status = node.get("/actuator/health/readiness").statusCode();
            }
            System.out.printf("Ready again %d ms after the database came back%n",
                    (System.nanoTime() - back) / 1_000_000);
            assertThat(status).isEqualTo(200);
        } finally {
            database.close();
            FileSystemUtils.deleteRecursively(data);
        }
    }

    /** A server on the data directory (made on the first start, kept when it stops), on a free port when 0. */
    private static EmbeddedPostgres server(Path data, int port) throws Exception {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(data)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false);
        if (port != 0) {
            builder.setPort(port);
        }
        return builder.start();
    }
}
