package org.gridcase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the {@code postgres} profile at a real PostgreSQL 15 that the tests start themselves (zonky's embedded
 * binaries), so the suite needs no database on the machine. One server serves the whole JVM; Spring caches the
 * contexts that use it.
 */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The administrator the postgres profile creates from GRIDCASE_ADMIN_*. */
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-secret";

    /** The loopback, trusted as a reverse proxy in tests (a regular expression, as Tomcat's RemoteIpValve takes it). */
    public static final String TRUSTED_PROXIES = "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1";

    private static EmbeddedPostgres postgres;

    private static final java.nio.file.Path PHOTOS = photoFolder();

    private static java.nio.file.Path photoFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("gridcase-photos-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new UncheckedIOException("Embedded PostgreSQL did not start", e);
            }
            // Spring's shutdown handlers run after the application contexts are closed: stopping the server any
            // earlier leaves the engines' job executors and connection pools talking to a dead database.
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return postgres;
    }

    /**
     * A new, empty database on the embedded server, dropped first if an earlier class of this run made it: for tests
     * that need a database nobody else has touched (a cluster starting on a fresh database). Its JDBC URL.
     */
    public static synchronized String freshDatabase(String name) {
        try (Connection connection = postgres().getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + name, e);
        }
        return postgres().getJdbcUrl("postgres", name);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                "GRIDCASE_DB_URL=" + postgres().getJdbcUrl("postgres", database()),
                "GRIDCASE_DB_USER=postgres",
                "GRIDCASE_DB_PASSWORD=",
                "GRIDCASE_ADMIN_USER=" + ADMIN,
                "GRIDCASE_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                // tests play clients at other addresses by sending X-Forwarded-For from the loopback
                "GRIDCASE_TRUSTED_PROXIES=" + TRUSTED_PROXIES,
                // every Basic request checks a password and the suite makes thousands: BCrypt's cheapest cost
                "gridcase.security.password-hash-strength=4",
                // uploaded photos go to a folder of this run, not the developer's ./data
                "gridcase.photos.directory=" + PHOTOS)
                .applyTo(context);
    }

    /** The database of the embedded server these contexts use. */
    protected String database() {
        return "postgres";
    }
}
