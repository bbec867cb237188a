package org.gridcase.casework;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.gridcase.PostgresTest;

/**
 * A process test: the whole application on PostgreSQL with the job executor off (as in every {@link PostgresTest}),
 * so that the test decides when async continuations and timers run (camunda-bpm-assert's
 * {@code execute(job(...))}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PostgresTest
public @interface ProcessTest {
}
