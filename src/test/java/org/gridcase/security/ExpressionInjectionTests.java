package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.DemoDistrictTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda 7.24 CE evaluates the expressions of a task query's or-queries unchecked: any staff login could run a
 * command on the server through {@code orQueries[].assigneeExpression}. Every probe here tries exactly that (a
 * command that creates a marker file) as a grid worker, a department and the hotline, through both REST roots,
 * through a filter, and straight against the engine's services, and expects a 400 (or the engine's refusal) with
 * no marker left behind.
 */
@DemoDistrictTest
class ExpressionInjectionTests {

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    TaskService tasks;

    @Autowired
    FilterService filters;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    Path marker;
    String evil;
    EngineHttp http;

    @BeforeEach
    void armTheProbe() throws Exception {
        marker = Files.createTempDirectory("gridcase-probe").resolve("pwned-" + UUID.randomUUID());
        evil = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
                + ".exec('touch " + marker + "')}";
        http = new EngineHttp(port, engine);
    }

    @AfterEach
    void forgetTheUser() {
        identity.clearAuthentication();
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid.worker", "dept.chengguan", "hotline"})
    void engineRestRefusesExpressionsInOrQueriesOfTaskQueries(String user) throws Exception {
        expectRefused(http.basic(user, "POST", "/engine-rest/task", orQuery("assigneeExpression")),
                "orQueries[0].assigneeExpression");
        expectRefused(http.basic(user, "POST", "/engine-rest/task/count", orQuery("dueAfterExpression")),
                "orQueries[0].dueAfterExpression");
        expectRefused(http.basic(user, "GET", "/engine-rest/task?assigneeExpression=x", null), "assigneeExpression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid.worker", "dept.chengguan", "hotline"})
    void engineRestRefusesExpressionsInTheQueryThatExtendsAFilter(String user) throws Exception {
        String filter = sharedFilter("我的任务");
        expectRefused(http.basic(user, "POST", "/engine-rest/filter/" + filter + "/list",
                orQuery("candidateGroupExpression")), "orQueries[0].candidateGroupExpression");
        expectRefused(http.basic(user, "POST", "/engine-rest/filter/" + filter + "/count",
                orQuery("followUpBeforeExpression")), "orQueries[0].followUpBeforeExpression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grid.worker", "dept.chengguan", "hotline"})
    void tasklistApiRefusesExpressionsInOrQueries(String user) throws Exception {
        EngineHttp.Session tasklist = http.tasklist(user);
        String engine = "/camunda/api/engine/engine/default";
        // the session really works: the same calls without an expression are answered
        assertThat(tasklist.call("POST", engine + "/task/count", "{}").status()).isEqualTo(200);
        expectRefused(tasklist.call("POST", engine + "/task", orQuery("ownerExpression")),
                "orQueries[0].ownerExpression");
        expectRefused(tasklist.call("POST", engine + "/filter/" + sharedFilter("我的待办") + "/list",
                orQuery("involvedUserExpression")), "orQueries[0].involvedUserExpression");
    }

    @Test
    void theEngineItselfRefusesExpressionsInOrQueriesWhateverTheEntryPoint() {
        // given: a grid worker calling the engine's Java API, past every servlet filter
        identity.setAuthentication("grid.worker", List.of("grid-610104007001001"));

        // then: ad-hoc queries and the query that extends a filter are refused at any depth
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskAssigneeExpression(evil).endOr().list())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("orQueries[0].assigneeExpression");
        assertThatThrownBy(() -> tasks.createTaskQuery().or().taskCandidateGroup("x").endOr()
                .or().dueAfterExpression(evil).endOr().count())
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("orQueries[1].dueAfterExpression");
        assertThatThrownBy(() -> filters.list(sharedFilter("我的任务"),
                tasks.createTaskQuery().or().taskOwnerExpression(evil).endOr()))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("orQueries[0].ownerExpression");
        assertThat(marker).doesNotExist();
    }

    @Test
    void filtersKeepToTheExpressionsTheyNeedWhoeverSavesThem() {
        // given: the administrator
        identity.setAuthentication("admin", List.of("camunda-admin"));

        // when: a filter with an expression outside the list is saved, at the top or in an or-query
        Filter topLevel = filters.newTaskFilter("probe-top").setQuery(tasks.createTaskQuery().dueAfterExpression(evil));
        Filter nested = filters.newTaskFilter("probe-or")
                .setQuery(tasks.createTaskQuery().or().taskAssigneeExpression("${workingTime.toString()}").endOr());

        // then: both are refused; the expressions the filters need are accepted
        assertThatThrownBy(() -> filters.saveFilter(topLevel)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("dueAfterExpression");
        assertThatThrownBy(() -> filters.saveFilter(nested)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("orQueries[0].assigneeExpression");
        Filter allowed = filters.saveFilter(filters.newTaskFilter("probe-allowed").setQuery(tasks.createTaskQuery()
                .or().taskAssigneeExpression("${ currentUser() }").taskCandidateGroupInExpression("${currentUserGroups()}")
                .endOr().dueAfterExpression("${now()}").dueBeforeExpression("${dateTime().plusDays(2).toDate()}")
                .followUpBeforeExpression("${workingTime.hoursAhead(4)}")));
        try {
            assertThat(filters.count(allowed.getId())).isNotNull();
        } finally {
            filters.deleteFilter(allowed.getId());
        }
        assertThat(marker).doesNotExist();
    }

    @Test
    void aFilterStoredPastTheChecksDoesNotRun() {
        // given: a filter whose stored query was altered in the database to carry an expression
        identity.setAuthentication("admin", List.of("camunda-admin"));
        Filter filter = filters.saveFilter(filters.newTaskFilter("probe-stored")
                .setQuery(tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
        try {
            jdbc.update("UPDATE act_ru_filter SET query_ = replace(query_, '${currentUser()}', ?) WHERE id_ = ?",
                    evil, filter.getId());

            // then: running it is refused and nothing ran
            assertThatThrownBy(() -> filters.list(filter.getId())).isInstanceOf(BadUserRequestException.class)
                    .hasMessageContaining("probe-stored");
            assertThat(marker).doesNotExist();
        } finally {
            filters.deleteFilter(filter.getId());
        }
    }

    private void expectRefused(EngineHttp.Answer answer, String field) throws InterruptedException {
        // a command that ran would have created the file by now; give it a moment
        Thread.sleep(50);
        assertThat(marker).as("marker file after %s", answer).doesNotExist();
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(field).contains("表达式").doesNotContain("Exception");
    }

    private String orQuery(String field) {
        return "{\"orQueries\":[{\"" + field + "\":\"" + evil.replace("\"", "\\\"") + "\"}]}";
    }

    private String sharedFilter(String name) {
        return filters.createFilterQuery().filterName(name).list().stream()
                .filter(f -> f.getProperties() == null || !f.getProperties().containsKey("gridcaseUnitGroup"))
                .findFirst().orElseThrow().getId();
    }
}
