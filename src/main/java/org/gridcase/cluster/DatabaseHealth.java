package org.gridcase.cluster;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.jdbc.DataSourceHealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The database's part ("db") of /actuator/health and of the readiness probe that load balancers and compose ask,
 * answered within {@code gridcase.cluster.database-health-timeout} whatever the database does. Spring Boot's own
 * check borrows a pooled connection, and while the database is down Hikari keeps trying to open one for its whole
 * connection timeout (30 s): the probe hung, and a caller with a timeout of a few seconds heard nothing instead of
 * DOWN. The same check runs here on a thread of its own, and counts as DOWN when it has not answered in time. One
 * check at a time: a probe that comes while the last check still hangs waits for that one, so an outage ties up
 * one thread, not one per probe. Hikari's timeout stays: requests may wait for a busy pool, the probe may not.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

    private final HealthIndicator check;
    private final Duration timeout;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "database-health");
        thread.setDaemon(true);
        return thread;
    });
    private Future<Health> running;

    DatabaseHealth(DataSource dataSource, @Value("${gridcase.cluster.database-health-timeout}") Duration timeout) {
        this.check = new DataSourceHealthIndicator(dataSource);
        this.timeout = timeout;
    }

    @Override
    public Health health() {
        Future<Health> current;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = checker.submit(check::health);
            }
            current = running;
        }
        try {
            return current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return Health.down().withDetail("error", "no answer from the database within " + timeout.toMillis()
                    + " ms").build();
        } catch (ExecutionException e) {
            return Health.down(e.getCause()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().build();
        }
    }

    @Override
    public void destroy() {
        checker.shutdownNow();
    }
}
