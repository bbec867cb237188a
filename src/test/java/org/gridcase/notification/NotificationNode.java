package org.gridcase.notification;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.gridcase.EmbeddedPostgresInitializer;
import org.gridcase.GridcaseApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * gridcase on a database of its own with every channel switched on and pointed at the tests' stand-in servers.
 * A context of its own because the channels' settings are the stand-ins' ports, chosen when they start; and so
 * that a test can close it (a crash between commit and delivery) and start another on the same database. Its
 * engine has a name of its own (see cluster/ClusterNode: engines are registered JVM-wide by name). Routes come
 * from {@link #routes}, standing in for the routing table.
 */
final class NotificationNode implements AutoCloseable {

    /** The routes every message gets, set by each test. */
    static final List<Route> routes = new CopyOnWriteArrayList<>();

    final ConfigurableApplicationContext context;

    private NotificationNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static NotificationNode start(String jdbcUrl, String... settings) {
        NotificationRouting routing = notification -> List.copyOf(routes);
        return start(new SpringApplicationBuilder(GridcaseApplication.class).initializers(starting ->
                ((GenericApplicationContext) starting).registerBean("testRouting", NotificationRouting.class,
                        () -> routing, definition -> definition.setPrimary(true))), jdbcUrl, settings);
    }

    /** A node whose routes come from the real routing table (NotificationRouting.dmn and the registry). */
    static NotificationNode startWithRoutingTable(String jdbcUrl, String... settings) {
        return start(new SpringApplicationBuilder(GridcaseApplication.class), jdbcUrl, settings);
    }

    private static NotificationNode start(SpringApplicationBuilder application, String jdbcUrl, String... settings) {
        ConfigurableApplicationContext context = application
                .profiles("postgres")
                .run(Stream.concat(Stream.of("--GRIDCASE_DB_URL=" + jdbcUrl,
                        "--GRIDCASE_DB_USER=postgres",
                        "--GRIDCASE_DB_PASSWORD=",
                        "--GRIDCASE_ADMIN_USER=" + EmbeddedPostgresInitializer.ADMIN,
                        "--GRIDCASE_ADMIN_PASSWORD=" + EmbeddedPostgresInitializer.ADMIN_PASSWORD,
                        "--gridcase.security.password-hash-strength=4",
                        "--server.port=0",
                        "--camunda.bpm.process-engine-name=notify",
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.main.banner-mode=off"), Stream.of(settings)).toArray(String[]::new));
        return new NotificationNode(context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** Sends a message as a delegate or a request does: in a transaction that commits. */
    void send(Recipient recipient, String caseNumber, NotificationTemplate template, Map<String, ?> parameters) {
        new TransactionTemplate(bean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(status -> bean(Notifications.class).send(recipient, caseNumber, template,
                        parameters));
    }

    /** The delivery jobs due by the engine's clock, as the job executor would pick them. */
    List<Job> dueDeliveryJobs() {
        return bean(ManagementService.class).createJobQuery().executable().list().stream()
                .filter(job -> DeliveryJobs.TYPE.equals(((JobEntity) job).getJobHandlerType())).toList();
    }

    /** Runs the due delivery jobs until none is due; how many ran. */
    int runDueDeliveries() {
        int ran = 0;
        for (List<Job> due = dueDeliveryJobs(); !due.isEmpty(); due = dueDeliveryJobs()) {
            for (Job job : due) {
                bean(ManagementService.class).executeJob(job.getId());
                ran++;
            }
        }
        return ran;
    }

    static void clockAt(Instant at) {
        ClockUtil.setCurrentTime(Date.from(at));
    }

    @Override
    public void close() {
        context.close();
    }
}
