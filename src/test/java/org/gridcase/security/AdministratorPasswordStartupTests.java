package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.gridcase.EmbeddedPostgresInitializer;
import org.gridcase.GridcaseApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;

/**
 * The postgres profile as an operator starts it, on the tests' embedded PostgreSQL, but with the first
 * administrator's password missing or too short: it must not start, and must say what to set.
 */
@ExtendWith(OutputCaptureExtension.class)
class AdministratorPasswordStartupTests {

    @ParameterizedTest
    @ValueSource(strings = {"", "elevenchars"})
    void postgresProfileRefusesToStartWithoutAnAdministratorPasswordOfTwelveCharacters(String password,
            CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(GridcaseApplication.class)
                .profiles("postgres")
                // no web server: the webapps' servlet listeners would clear Camunda's JVM-wide webapp state (the
                // Cockpit runtime delegate) when this context closes, under the contexts other tests have cached
                .web(WebApplicationType.NONE)
                .initializers(new EmbeddedPostgresInitializer(), context -> TestPropertyValues.of(
                        "GRIDCASE_ADMIN_PASSWORD=" + password,
                        "camunda.bpm.job-execution.enabled=false").applyTo(context));

        // a start that succeeds is closed at once, and the test fails below
        Throwable failure = catchThrowable(() -> application.run().close());

        assertThat(failure).as("start with a password of %d characters", password.length()).isNotNull();
        assertThat(output.getOut())
                .contains("Set GRIDCASE_ADMIN_PASSWORD to a password of at least 12 characters")
                // Spring Boot prints the stack trace under this line when no failure analyzer explains the failure
                .doesNotContain("Application run failed");
    }
}
