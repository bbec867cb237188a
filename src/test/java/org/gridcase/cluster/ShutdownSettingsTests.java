package org.gridcase.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

/**
 * How long a stopping node may take, as configured in the application and as docker compose allows it. Compose
 * kills a container that has not stopped 10 s after SIGTERM unless told otherwise: a request still running then is
 * cut with no answer, whatever graceful shutdown promised.
 */
class ShutdownSettingsTests {

    /** What a node does after its requests: stop the job executor and the engine, close the pool, exit. */
    static final Duration REST_OF_SHUTDOWN = Duration.ofSeconds(10);

    @Test
    void composeLetsANodeFinishItsRequestsBeforeKillingIt() throws Exception {
        Properties application = application();
        assertThat(application.getProperty("server.shutdown")).isEqualTo("graceful");
        Duration requests = DurationStyle.detectAndParse(
                application.getProperty("spring.lifecycle.timeout-per-shutdown-phase", "30s"));

        Map<String, Object> gridcase = service("gridcase");
        assertThat(gridcase).as("docker-compose.yml gridcase").containsKey("stop_grace_period");
        Duration grace = DurationStyle.SIMPLE.parse(gridcase.get("stop_grace_period").toString());

        assertThat(grace).as("compose's stop_grace_period").isGreaterThanOrEqualTo(requests.plus(REST_OF_SHUTDOWN));
    }

    private static Properties application() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        return yaml.getObject();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws Exception {
        try (Reader compose = Files.newBufferedReader(Path.of("docker-compose.yml"))) {
            Map<String, Object> file = new Yaml().load(compose);
            return (Map<String, Object>) ((Map<String, Object>) file.get("services")).get(name);
        }
    }
}
