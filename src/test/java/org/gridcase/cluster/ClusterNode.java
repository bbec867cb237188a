package org.gridcase.cluster;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.EmbeddedPostgresInitializer;
import org.gridcase.GridcaseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One gridcase node as an operator runs it in a cluster: the postgres profile on a database it shares with other
 * nodes, its own web server on a free port and its job executor on (Camunda's default).
 *
 * <p>Its engine has a name of its own: Camunda registers every engine JVM-wide by name, and a node named "default"
 * would replace, and on closing remove, the engine that the suite's cached test contexts registered under that name.
 * The Camunda webapps are off for the same reason (closing them clears JVM-wide webapp state); these nodes serve
 * gridcase's API and actuator, which find their engine through Spring. The engine's hostname, which Camunda writes
 * into the job log, names the node.
 */
final class ClusterNode implements AutoCloseable {

    final String name;
    final ConfigurableApplicationContext context;

    private ClusterNode(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
    }

    /**
     * Starts a node. The beans join the application's (an engine plugin joins the engine's plugins, in its order; a
     * controller serves its requests), and the settings ({@code --key=value}) come on top of a node's.
     */
    static ClusterNode start(String name, String jdbcUrl, List<?> beans, String... settings) {
        return start(name, jdbcUrl, beans, () -> { }, settings);
    }

    /** Also tells when the application is prepared: its logging set up, its beans about to be made. */
    static ClusterNode start(String name, String jdbcUrl, List<?> beans, Runnable prepared, String... settings) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(GridcaseApplication.class)
                .profiles("postgres")
                .listeners((ApplicationListener<ApplicationEvent>) event -> {
                    if (event instanceof ApplicationPreparedEvent) {
                        prepared.run();
                    }
                })
                .initializers(starting -> beans.forEach(bean -> starting.getBeanFactory()
                        .registerSingleton("test" + bean.getClass().getSimpleName(), bean)))
                .run(Stream.concat(Stream.of("--GRIDCASE_DB_URL=" + jdbcUrl,
                        "--GRIDCASE_DB_USER=postgres",
                        "--GRIDCASE_DB_PASSWORD=",
                        "--GRIDCASE_ADMIN_USER=" + EmbeddedPostgresInitializer.ADMIN,
                        "--GRIDCASE_ADMIN_PASSWORD=" + EmbeddedPostgresInitializer.ADMIN_PASSWORD,
                        "--gridcase.security.password-hash-strength=4",
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=" + name.replace("-", ""),
                        "--camunda.bpm.generic-properties.properties.hostname=" + name,
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.main.banner-mode=off"), Stream.of(settings)).toArray(String[]::new));
        return new ClusterNode(name, context);
    }

    ProcessEngine engine() {
        return context.getBean(ProcessEngine.class);
    }

    ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration();
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        context.close();
    }
}
