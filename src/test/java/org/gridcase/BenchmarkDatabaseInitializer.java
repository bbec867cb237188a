package org.gridcase;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database a benchmark runs on: a PostgreSQL of the operator's choice when {@code -Dbench.db.url=jdbc:...}
 * (with {@code bench.db.user} and {@code bench.db.password}) is given, so that its data can be inspected and
 * EXPLAINed afterwards, and the tests' embedded server otherwise.
 */
public class BenchmarkDatabaseInitializer extends EmbeddedPostgresInitializer {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        String url = System.getProperty("bench.db.url");
        if (url != null) {
            TestPropertyValues.of(
                    "GRIDCASE_DB_URL=" + url,
                    "GRIDCASE_DB_USER=" + System.getProperty("bench.db.user", "gridcase"),
                    "GRIDCASE_DB_PASSWORD=" + System.getProperty("bench.db.password", "gridcase"))
                    .applyTo(context);
        }
    }
}
