package org.gridcase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application on the {@code postgres} profile against the tests' embedded PostgreSQL. No demo data is
 * loaded there: tests create the records they need, with codes of their own so that they do not meet.
 *
 * <p>The job executor is off: Spring keeps every test context alive, and contexts sharing this database would
 * otherwise run each other's jobs while a test runs them itself ({@code execute(job(...))}). Tests that need a
 * running job executor use a database of their own (the scenario tests) or switch it on deliberately.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
public @interface PostgresTest {
}
