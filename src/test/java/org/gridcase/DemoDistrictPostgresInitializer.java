package org.gridcase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The postgres profile with the demo district, in a database of its own on the embedded server: scenario tests
 * play the demo users, and the demo data never reaches the database the other tests share.
 */
public class DemoDistrictPostgresInitializer extends EmbeddedPostgresInitializer {

    private static final String DATABASE = "demo";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        createDatabaseOnce();
        super.initialize(context);
        TestPropertyValues.of(
                "spring.flyway.locations=classpath:db/migration,classpath:db/demo",
                "gridcase.identity.initial-password=demo",
                // the demo's own admin keeps the password demo
                "GRIDCASE_ADMIN_USER=bootstrap.admin")
                .applyTo(context);
    }

    @Override
    protected String database() {
        return DATABASE;
    }

    private static synchronized void createDatabaseOnce() {
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement();
                ResultSet exists = statement.executeQuery(
                        "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the demo database", e);
        }
    }
}
