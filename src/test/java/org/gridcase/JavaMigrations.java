package org.gridcase;

import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Runs one of gridcase's Java migrations again on the test database, as an upgrade would run it. */
public final class JavaMigrations {

    private JavaMigrations() {
    }

    public static void run(JavaMigration migration, DataSource database) throws Exception {
        try (Connection connection = database.getConnection()) {
            migration.migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
    }
}
