package org.gridcase.cluster;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One node at a time starts on a database. Nodes started together would otherwise both create Camunda's tables
 * (one dies on a duplicate table) and both insert the records made at start (authorizations, Camunda's first
 * administrator, identity, Tasklist filters: one dies on a unique key, or a filter is made twice). The lock is a
 * PostgreSQL session-level advisory lock on a connection of its own, taken just before the engine looks for its
 * tables ({@link StartupLockEnginePlugin}) and released once gridcase's start-up work on {@link
 * ApplicationReadyEvent} is done, or when a failed start closes the context; a node that dies holding it loses
 * its session, and with it the lock. Flyway has its own lock and runs before. On H2 (the single-node demo) there
 * is nothing to do.
 */
@Component
class StartupLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);

    /** The advisory lock's key: "gridcase" in ASCII, to stay clear of Flyway's and anyone else's. */
    static final long KEY = 0x6772696463617365L;

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final Duration maxWait;
    private Connection held;
    private boolean done;

    StartupLock(DataSource dataSource, @Value("${gridcase.cluster.startup-lock-wait}") Duration maxWait) {
        this.dataSource = dataSource;
        this.maxWait = maxWait;
    }

    /** Waits until no other node is starting on this database (at most the configured wait), then holds it. */
    synchronized void acquire() {
        if (held != null || done) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                done = true;
                return;
            }
            held = connection;
            Instant started = Instant.now();
            Instant reported = null;
            while (!tryLock()) {
                Instant now = Instant.now();
                if (now.isAfter(started.plus(maxWait))) {
                    throw new IllegalStateException("Another node (" + holder() + ") has been starting on this "
                            + "database for more than " + maxWait + " (gridcase.cluster.startup-lock-wait)");
                }
                if (reported == null || now.isAfter(reported.plus(REPORT_EVERY))) {
                    log.info("Waiting for another node to finish starting on this database ({})", holder());
                    reported = now;
                }
                Thread.sleep(POLL.toMillis());
            }
            log.info("Start-up lock taken after {} ms", Duration.between(started, Instant.now()).toMillis());
        } catch (SQLException e) {
            release();
            throw new IllegalStateException("Cannot take the start-up lock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release();
            throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    /** After every other listener: gridcase's start-up work (identity, authorizations, filters) is done. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public synchronized void release() {
        done = true;
        if (held == null) {
            return;
        }
        try (Connection connection = held;
                PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            unlock.setLong(1, KEY);
            unlock.execute();
            log.info("Start-up lock released");
        } catch (SQLException e) {
            // the connection broke: its session, and the lock with it, is gone on the server
            log.warn("Start-up lock released with its connection: {}", e.getMessage());
        } finally {
            held = null;
        }
    }

    /** A start that failed before the application was ready. */
    @Override
    public void destroy() {
        release();
    }

    private boolean tryLock() throws SQLException {
        try (PreparedStatement lock = held.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            lock.setLong(1, KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, for the log: the server process and the client's address. */
    private String holder() {
        try (PreparedStatement query = held.prepareStatement("SELECT a.pid, a.client_addr, a.backend_start "
                + "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' "
                + "AND l.granted AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
            query.setLong(1, KEY);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? "server process " + result.getInt(1) + " from " + result.getString(2)
                        + ", connected at " + result.getTimestamp(3) : "holder unknown";
            }
        } catch (SQLException e) {
            return "holder unknown: " + e.getMessage();
        }
    }
}
