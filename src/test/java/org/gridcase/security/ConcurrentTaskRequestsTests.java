package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.gridcase.AsAuditor;
import org.gridcase.DemoDistrictTest;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two people acting on the engine's REST API at the same moment, as the demo users over real HTTP (the job
 * executor running): two departments checking in to one case must both succeed; of two staff claiming one task,
 * one gets it and the other is told in Chinese that it is taken (409), never a 500.
 */
@DemoDistrictTest
class ConcurrentTaskRequestsTests {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough rounds that a race lost even now and then shows. */
    private static final int ROUNDS = 20;

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    CaseQueries cases;

    @Autowired
    IdentityService identity;

    EngineHttp http;
    ExecutorService callers;

    @BeforeEach
    void client() {
        http = new EngineHttp(port, engine);
        callers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void twoDepartmentsCheckingInAtTheSameMomentBothGet204() throws Exception {
        List<String> failures = new ArrayList<>();
        List<String> caseNumbers = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // given: a bus-blocking case in 大兴东路社区, whistled by 红庙坡街道 to the police and the bus company
            String caseNumber = open("TRAFFIC.BUS_BLOCKING", "\"lat\": 34.2799, \"lon\": 108.9081");
            caseNumbers.add(caseNumber);
            String whistle = awaitTask("hongmiao.dispatcher", caseNumber, "Task_BlowWhistle");
            EngineHttp.Answer whistled = http.basic("hongmiao.dispatcher", "POST", "/engine-rest/task/" + whistle
                    + "/complete", """
                    {"variables": {"departments": {"value": "[\\"jiaojing\\",\\"gongjiao\\"]", "type": "Json"},
                                   "leadDepartment": {"value": "jiaojing"}}}""");
            assertThat(whistled.status()).as(whistled.body()).isEqualTo(204);
            String jiaojing = awaitTask("dept.jiaojing", caseNumber, "Task_CheckIn");
            String gongjiao = awaitTask("dept.gongjiao", caseNumber, "Task_CheckIn");

            // when: both complete their check-in at the same moment, as the Tasklist does
            List<EngineHttp.Answer> answers = together(
                    () -> http.basic("dept.jiaojing", "POST", "/engine-rest/task/" + jiaojing + "/complete",
                            checkInNote("jiaojing")),
                    () -> http.basic("dept.gongjiao", "POST", "/engine-rest/task/" + gongjiao + "/complete",
                            checkInNote("gongjiao")));

            // then (collected, so that one run shows how many rounds failed)
            for (EngineHttp.Answer answer : answers) {
                if (answer.status() != 204) {
                    failures.add("round " + round + ": " + answer);
                }
            }
        }
        assertThat(failures).as("check-ins refused in %d rounds", ROUNDS).isEmpty();

        // and every case went on to handling with both check-ins on its record
        for (String caseNumber : caseNumbers) {
            awaitTask("dept.jiaojing", caseNumber, "Task_HandleOnSite");
            CaseDetails record = AsAuditor.read(identity, () -> cases.find(caseNumber)).orElseThrow();
            assertThat(record.status()).isEqualTo(CaseStatus.HANDLING);
            assertThat(record.departments()).extracting(d -> d.departmentCode() + " " + d.checkedInBy() + " "
                    + d.checkInNote()).containsExactlyInAnyOrder("jiaojing dept.jiaojing jiaojing 已派员到场",
                            "gongjiao dept.gongjiao gongjiao 已派员到场");
        }
    }

    @Test
    void ofTwoStaffClaimingOneTaskAtOnceOneGetsItAndTheOtherATakenAnswerInChinese() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            // given: a stairwell light in 牡丹庄园社区第一网格, for its grid worker and grid leader to handle on receipt
            String caseNumber = open("PROPERTY.STAIRWELL_LIGHT", "\"gridCode\": \"610104007001001\"");
            String task = awaitTask("grid.worker", caseNumber, "Task_HandleOnTheSpot");

            // when: both claim it at the same moment
            List<EngineHttp.Answer> answers = together(
                    () -> http.basic("grid.worker", "POST", "/engine-rest/task/" + task + "/claim",
                            "{\"userId\": \"grid.worker\"}"),
                    () -> http.basic("grid.leader", "POST", "/engine-rest/task/" + task + "/claim",
                            "{\"userId\": \"grid.leader\"}"));

            // then: one 204, and one 409 with a Chinese message that names nothing of the engine's insides;
            // the task is the winner's
            List<Integer> statuses = answers.stream().map(EngineHttp.Answer::status).sorted().toList();
            EngineHttp.Answer loser = answers.stream().filter(a -> a.status() != 204).findFirst().orElse(null);
            String winner = answers.get(0).status() == 204 ? "grid.worker" : "grid.leader";
            String assignee = JSON.readTree(http.basic("admin", "GET", "/engine-rest/task/" + task, null).body())
                    .path("assignee").asText();
            if (!statuses.equals(List.of(204, 409)) || !chineseAndClean(loser) || !winner.equals(assignee)) {
                failures.add("round " + round + ": " + answers + ", assignee " + assignee);
            }
        }
        assertThat(failures).as("claim races answered wrongly in %d rounds", ROUNDS).isEmpty();
    }

    /** Starts both calls at the same moment (released together by a barrier) and returns their answers in order. */
    @SafeVarargs
    private List<EngineHttp.Answer> together(Callable<EngineHttp.Answer>... calls) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(calls.length);
        List<Future<EngineHttp.Answer>> started = new ArrayList<>();
        for (Callable<EngineHttp.Answer> call : calls) {
            started.add(callers.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<EngineHttp.Answer> answers = new ArrayList<>();
        for (Future<EngineHttp.Answer> answer : started) {
            answers.add(answer.get(60, TimeUnit.SECONDS));
        }
        return answers;
    }

    private String open(String category, String location) throws Exception {
        return http.openCase(category, location);
    }

    private String awaitTask(String user, String caseNumber, String step) throws Exception {
        return http.awaitTask(user, caseNumber, step);
    }

    private static String checkInNote(String department) {
        return "{\"variables\": {\"checkInNote\": {\"value\": \"" + department + " 已派员到场\"}}}";
    }

    /** A refusal the Tasklist can show as it is: a Chinese message, no class names, codes or SQL. */
    private static boolean chineseAndClean(EngineHttp.Answer answer) {
        if (answer == null) {
            return false;
        }
        try {
            String message = JSON.readTree(answer.body()).path("message").asText("");
            return message.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                    && !answer.body().contains("Exception") && !answer.body().contains("ENGINE-")
                    && !answer.body().contains("org.") && !answer.body().contains("java.");
        } catch (Exception notJson) {
            return false;
        }
    }
}
