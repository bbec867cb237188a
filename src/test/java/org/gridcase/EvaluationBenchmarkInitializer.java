package org.gridcase;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The evaluation benchmark's database ({@link BenchmarkDatabaseInitializer}: the operator's PostgreSQL or the
 * embedded one) with the demo district in it, so that its leaders and streets call the API as in the demo.
 */
public class EvaluationBenchmarkInitializer extends BenchmarkDatabaseInitializer {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        super.initialize(context);
        TestPropertyValues.of(
                "spring.flyway.locations=classpath:db/migration,classpath:db/demo",
                "gridcase.identity.initial-password=demo",
                "GRIDCASE_ADMIN_USER=bootstrap.admin")
                .applyTo(context);
    }
}
