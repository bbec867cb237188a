package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.Environment;

/**
 * The API description and Swagger UI follow GRIDCASE_API_DOCS: on by default in the demo, off on the postgres
 * profile (a deployment) unless the operator sets it. {@link SecurityHeadersTests} and
 * {@link DefaultProfileApiDocsTests} check the running applications of both profiles.
 */
class ApiDocsSwitchTests {

    @Test
    void onInTheDemo() {
        assertSwitchedOn(ConfiguredEnvironment.of(Map.of()), true);
    }

    @Test
    void offOnThePostgresProfile() {
        assertSwitchedOn(ConfiguredEnvironment.of(Map.of(), "postgres"), false);
    }

    @Test
    void onOnThePostgresProfileWhenTheOperatorAsks() {
        assertSwitchedOn(ConfiguredEnvironment.of(Map.of("GRIDCASE_API_DOCS", "true"), "postgres"), true);
    }

    @Test
    void offInTheDemoWhenTheOperatorSaysSo() {
        assertSwitchedOn(ConfiguredEnvironment.of(Map.of("GRIDCASE_API_DOCS", "false")), false);
    }

    private static void assertSwitchedOn(Environment environment, boolean on) {
        // springdoc's own defaults are true: an unset key would mean on
        assertThat(environment.getProperty("springdoc.api-docs.enabled", Boolean.class, true)).isEqualTo(on);
        assertThat(environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true)).isEqualTo(on);
    }
}
