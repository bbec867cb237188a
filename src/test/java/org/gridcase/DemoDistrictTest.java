package org.gridcase;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a real port, on the {@code postgres} profile with the demo district in a database of
 * its own ({@link DemoDistrictPostgresInitializer}), its job executor running: tests that play the demo users over
 * real HTTP. Every class so annotated shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = DemoDistrictPostgresInitializer.class)
public @interface DemoDistrictTest {
}
