package org.gridcase.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.gridcase.PostgresTest;
import org.gridcase.registry.DepartmentService;
import org.gridcase.registry.TestDistrict;
import org.gridcase.registry.UnitService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two administrators create the same thing at the same moment: both find its code free, and the database's unique
 * key lets one insert through. The loser gets a 409 that says someone else was first, not a 500, and nothing of its
 * request stays; where the request asked only for what the winner did (a message marked read), it is done. Found by
 * sending pairs of requests together to the running application: 3 of 15 pairs of the same
 * new unit, 2 of 15 of a mediation team, 2 of 15 of a category, 1 of 15 of a department and 1 of 22 of a year's
 * holidays ended in a 500.
 *
 * <p>Made certain here rather than left to timing: the winner is a transaction of the test's own that has inserted
 * the row and not yet committed. The request, which cannot see that row, finds the code free, and its insert waits on
 * the key; the winner commits once PostgreSQL shows the request waiting.
 */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SameRecordRaceTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "997804", 79.5, 149.5); // a square no other test district uses
    }

    @Test
    void aUnitCreatedTwiceAtOnce() throws Exception {
        String code = d.street() + "009";
        MockHttpServletResponse loser = lostTo(
                () -> jdbc.update("INSERT INTO registry_unit (code, level, name, parent_code) VALUES (?, 'COMMUNITY', "
                        + "'先到的社区', ?)", code, d.street()),
                json(post("/api/registry/units"), """
                        {"code":"%s","level":"COMMUNITY","name":"后到的社区","parentCode":"%s"}"""
                        .formatted(code, d.street())));
        assertToldOfTheRace(loser);
        assertThat(jdbc.queryForList("SELECT name FROM registry_unit WHERE code = ?", String.class, code))
                .containsExactly("先到的社区");
    }

    @Test
    void aCategoryCreatedTwiceAtOnce() throws Exception {
        MockHttpServletResponse loser = lostTo(
                () -> jdbc.update("INSERT INTO registry_category (code, name) VALUES ('RACE997804', '先到的类别')"),
                json(post("/api/registry/categories"), """
                        {"code":"RACE997804","name":"后到的类别"}"""));
        assertToldOfTheRace(loser);
        assertThat(jdbc.queryForList("SELECT name FROM registry_category WHERE code = 'RACE997804'", String.class))
                .containsExactly("先到的类别");
    }

    @Test
    void aDepartmentCreatedTwiceAtOnce() throws Exception {
        MockHttpServletResponse loser = lostTo(
                () -> jdbc.update("INSERT INTO registry_department (code, name, kind) VALUES ('race997804', '先到的部门', "
                        + "'DEPARTMENT')"),
                json(post("/api/registry/departments"), """
                        {"code":"race997804","name":"后到的部门","kind":"DEPARTMENT",
                         "categories":["MUNICIPAL.MANHOLE_COVER_MISSING"]}"""));
        assertToldOfTheRace(loser);
        assertThat(jdbc.queryForList("SELECT name FROM registry_department WHERE code = 'race997804'", String.class))
                .containsExactly("先到的部门");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_department_category WHERE department_code = "
                + "'race997804'", Integer.class)).as("the loser's categories").isZero();
    }

    @Test
    void aMediationTeamCreatedTwiceAtOnce() throws Exception {
        MockHttpServletResponse loser = lostTo(
                () -> jdbc.update("INSERT INTO registry_mediation_team (code, name, unit_code, speciality) VALUES "
                        + "('race-997804', '先到的小组', ?, 'COUNSELLING')", d.community()),
                json(post("/api/registry/mediation-teams"), """
                        {"code":"race-997804","name":"后到的小组","unitCode":"%s","speciality":"COUNSELLING",
                         "mediators":[{"name":"李调解"}]}""".formatted(d.community())));
        assertToldOfTheRace(loser);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM registry_mediator WHERE team_code = 'race-997804'",
                Integer.class)).as("the loser's mediators").isZero();
    }

    @Test
    void aMemberOfStaffCreatedTwiceAtOnce() throws Exception {
        MockHttpServletResponse loser = lostTo(
                () -> jdbc.update("INSERT INTO registry_staff (username, full_name, role, unit_code) VALUES "
                        + "('race.997804', '先到的网格员', 'GRID_WORKER', ?)", d.westGrid()),
                json(post("/api/registry/staff"), """
                        {"username":"race.997804","fullName":"后到的网格员","role":"GRID_WORKER","unitCode":"%s"}"""
                        .formatted(d.westGrid())));
        assertToldOfTheRace(loser);
        assertThat(jdbc.queryForList("SELECT full_name FROM registry_staff WHERE username = 'race.997804'",
                String.class)).containsExactly("先到的网格员");
    }

    @Test
    void aYearsHolidaysReplacedTwiceAtOnce() throws Exception {
        MockHttpServletResponse loser = lostTo(
                () -> jdbc.update("INSERT INTO calendar_day (calendar_date, kind, name) VALUES ('2097-05-01', 'HOLIDAY', "
                        + "'先到的劳动节')"),
                json(put("/api/calendar/years/2097"), """
                        {"days":[{"date":"2097-05-01","kind":"HOLIDAY","name":"后到的劳动节"},
                                 {"date":"2097-05-02","kind":"HOLIDAY","name":"劳动节"}]}"""));
        assertToldOfTheRace(loser);
        assertThat(jdbc.queryForList("SELECT name FROM calendar_day WHERE calendar_date BETWEEN '2097-01-01' AND "
                + "'2097-12-31'", String.class)).containsExactly("先到的劳动节");
    }

    @Test
    void aMessageMarkedReadTwiceAtOnce() throws Exception {
        Long message = jdbc.queryForObject("INSERT INTO notification_message (recipient, template, text, sent_at) "
                + "VALUES (?, 'TEST', '两个标签页同时标记已读', now()) RETURNING id", Long.class, "user:" + ADMIN);
        MockHttpServletResponse second = lostTo(
                () -> jdbc.update("INSERT INTO notification_read (message_id, user_id, read_at) VALUES (?, ?, now())",
                        message, ADMIN),
                post("/api/notifications/" + message + "/read"));
        assertThat(second.getStatus()).as(second.getContentAsString()).isEqualTo(204);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM notification_read WHERE message_id = ?", Integer.class,
                message)).isEqualTo(1);
    }

    private static void assertToldOfTheRace(MockHttpServletResponse loser) throws Exception {
        String body = loser.getContentAsString();
        assertThat(loser.getStatus()).as(body).isEqualTo(409);
        assertThat(body).contains("他人同时提交").doesNotContain("Exception", "SQL", "org.", "23505");
    }

    /**
     * The request sent while the winner's insert is uncommitted, the winner committed once the request waits on it;
     * the request's answer.
     */
    private MockHttpServletResponse lostTo(Runnable winnersInsert, MockHttpServletRequestBuilder request)
            throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        TransactionTemplate own = new TransactionTemplate(transactions);
        own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        CompletableFuture<Void> winner = CompletableFuture.runAsync(() -> own.executeWithoutResult(status -> {
            winnersInsert.run();
            inserted.countDown();
            await(commit);
        }));
        assertThat(inserted.await(30, TimeUnit.SECONDS)).as("the winner's insert").isTrue();
        CompletableFuture<MockHttpServletResponse> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(request.with(httpBasic(ADMIN, ADMIN_PASSWORD))).andReturn().getResponse();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            awaitABackendWaitingOnALock(answer);
        } finally {
            commit.countDown();
        }
        winner.get(30, TimeUnit.SECONDS);
        return answer.get(30, TimeUnit.SECONDS);
    }

    private void awaitABackendWaitingOnALock(CompletableFuture<MockHttpServletResponse> request)
            throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until) && !request.isDone()) {
            Integer waiting = jdbc.queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the request never waited on the winner's row" + (request.isDone()
                ? ": it ended first, with " + request.get().getStatus() + " " + request.get().getContentAsString()
                : ""));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never told to commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
