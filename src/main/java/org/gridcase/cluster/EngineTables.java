package org.gridcase.cluster;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Changes gridcase makes to the engine's own tables at every start (indexes Camunda lacks, a column's missing
 * values): they cannot be Flyway migrations, which run before the engine creates its tables on an empty database.
 * Engine plugins call this once the engine is built, under the start-up lock; the change is committed on its own
 * connection, and a failure stops the start, naming what could not be done.
 */
public final class EngineTables {

    /** The change, given a statement on the engine's database and the database's product name. */
    @FunctionalInterface
    public interface Change<T> {
        T apply(Statement statement, String databaseProduct) throws SQLException;
    }

    private EngineTables() {
    }

    /** {@code what}: the change in words, for the failure's message ("create the index of ..."). */
    public static <T> T change(ProcessEngine engine, String what, Change<T> change) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement()) {
            T result = change.apply(statement, connection.getMetaData().getDatabaseProductName());
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return result;
        } catch (SQLException e) {
            throw new ProcessEngineException("Cannot " + what, e);
        }
    }
}
