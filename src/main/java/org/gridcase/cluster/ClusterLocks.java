package org.gridcase.cluster;

import java.sql.DatabaseMetaData;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that two nodes must not do at the same moment: creating a record whose absence each has just seen. Camunda's
 * Tasklist filters have no unique key (both nodes would make one), its users, groups, memberships and authorizations
 * do (the second node's insert fails). The lock is a PostgreSQL transaction-level advisory lock, taken inside the
 * caller's transaction and held until it ends, so the node that waited sees what the other committed. On H2, one
 * node by definition, nothing is locked.
 */
@Component
public class ClusterLocks {

    /** The first half of every key: "grid" in ASCII; the second is the name's hash. */
    private static final int NAMESPACE = 0x67726964;

    private final JdbcTemplate jdbc;
    private volatile Boolean postgres;

    ClusterLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Waits until no other node holds the named lock, then holds it until the current transaction ends. */
    public void lockForTransaction(String name) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("The cluster lock '" + name + "' is held by a transaction; there is none");
        }
        if (isPostgres()) {
            jdbc.query("SELECT pg_advisory_xact_lock(?, ?)", result -> null, NAMESPACE, name.hashCode());
        }
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) connection -> {
                DatabaseMetaData metaData = connection.getMetaData();
                return metaData.getDatabaseProductName();
            }));
        }
        return postgres;
    }
}
