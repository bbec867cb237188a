package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.DemoDistrictTest;
import org.gridcase.casework.RatingWindow;
import org.gridcase.casework.CaseQueries;
import org.gridcase.casework.CaseSearch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who reads which case, on the demo district: one case in 土门街道 taken by the hotline and whistled to the
 * traffic police, one in 红庙坡街道 reported by a resident and whistled to city management, both handled and
 * waiting for the return visit (so the reporter has been sent a message with the phone in it). Each row is a
 * demo user and a case, with the status each endpoint answers and how the reporter's phone shows.
 *
 * <p>Same annotations as the other demo-district tests, so Spring gives them one context; MockMvc is built on it
 * with Spring Security's filters (the filter chains and the engine authentication filter all run).
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseAccessTests {

    static final String PASSWORD = "demo";
    static final String TUMEN_PHONE = "13700005678";
    static final String HONGMIAO_PHONE = "13600004321";

    @Autowired
    TaskService tasks;

    @Autowired
    ProcessEngine engine;

    MockMvc mvc;

    /** The case numbers by the names the table uses. */
    final Map<String, String> cases = new HashMap<>();
    final Map<String, String> phones = Map.of("TUMEN", TUMEN_PHONE, "HONGMIAO", HONGMIAO_PHONE);

    @BeforeAll
    void openTwoCasesAndRunThemToTheReturnVisit(@Autowired WebApplicationContext context) throws Exception {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        // 牡丹庄园社区第一网格 (土门街道), taken by the 12345 hotline on the phone
        cases.put("TUMEN", open("hotline", "610104007001001", TUMEN_PHONE, "HOTLINE_12345"));
        // a grid of 大兴东路社区 (红庙坡街道), reported by a resident through the app
        cases.put("HONGMIAO", open(null, "610104006001001", HONGMIAO_PHONE, "RESIDENT_APP"));
        runToTheReturnVisit(cases.get("TUMEN"), "jiaojing");
        runToTheReturnVisit(cases.get("HONGMIAO"), "chengguan");
    }

    /**
     * Statuses of GET /api/cases/{n}, its presence in GET /api/cases (200: listed, 404: not listed), GET and POST
     * .../notes and GET .../notifications; and the reporter's phone where the case is shown (FULL or MASKED).
     */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # user              | case     | view | list | notes | add note | notifications | phone
            grid.worker         | TUMEN    | 200  | 200  | 200   | 201      | 200           | MASKED
            grid.worker         | HONGMIAO | 404  | 404  | 404   | 404      | 404           |
            community.staff     | TUMEN    | 200  | 200  | 200   | 201      | 200           | FULL
            community.staff     | HONGMIAO | 404  | 404  | 404   | 404      | 404           |
            cs.610104006001     | HONGMIAO | 200  | 200  | 200   | 201      | 200           | FULL
            cs.610104006001     | TUMEN    | 404  | 404  | 404   | 404      | 404           |
            street.dispatcher   | TUMEN    | 200  | 200  | 200   | 201      | 200           | MASKED
            street.dispatcher   | HONGMIAO | 404  | 404  | 404   | 404      | 404           |
            hongmiao.dispatcher | HONGMIAO | 200  | 200  | 200   | 201      | 200           | MASKED
            hongmiao.dispatcher | TUMEN    | 404  | 404  | 404   | 404      | 404           |
            dept.jiaojing       | TUMEN    | 200  | 200  | 200   | 201      | 200           | MASKED
            dept.jiaojing       | HONGMIAO | 404  | 404  | 404   | 404      | 404           |
            dept.chengguan      | HONGMIAO | 200  | 200  | 200   | 201      | 200           | MASKED
            dept.chengguan      | TUMEN    | 404  | 404  | 404   | 404      | 404           |
            hotline             | TUMEN    | 200  | 200  | 200   | 201      | 200           | FULL
            hotline             | HONGMIAO | 200  | 404  | 404   | 404      | 404           | MASKED
            supervisor          | TUMEN    | 200  | 200  | 200   | 201      | 200           | MASKED
            supervisor          | HONGMIAO | 200  | 200  | 200   | 201      | 200           | MASKED
            auditor             | TUMEN    | 200  | 200  | 200   | 201      | 200           | MASKED
            auditor             | HONGMIAO | 200  | 200  | 200   | 201      | 200           | MASKED
            admin               | TUMEN    | 200  | 200  | 200   | 201      | 200           | MASKED
            admin               | HONGMIAO | 200  | 200  | 200   | 201      | 200           | MASKED
            """)
    void answersEachRoleForEachCaseAsTheUnitTreeSays(String user, String name, int view, int list, int notes,
            int addNote, int notifications, String phone) throws Exception {
        String caseNumber = cases.get(name);
        String full = phones.get(name);
        String shown = "FULL".equals(phone) ? full : full.substring(0, 3) + "****" + full.substring(7);
        List<String> problems = new ArrayList<>();

        MockHttpServletResponse read = call(get("/api/cases/" + caseNumber), user);
        expect(problems, "view", view, read.getStatus());
        if (read.getStatus() == 200) {
            expect(problems, "reporterPhone in the view", shown,
                    JsonPath.read(read.getContentAsString(), "$.reporterPhone"));
        }

        List<String> listed = JsonPath.read(call(get("/api/cases").param("size", "100"), user).getContentAsString(),
                "$.content[*].caseNumber");
        expect(problems, "listed", list == 200, listed.contains(caseNumber));

        expect(problems, "notes", notes, call(get("/api/cases/" + caseNumber + "/notes"), user).getStatus());
        expect(problems, "add note", addNote, call(post("/api/cases/" + caseNumber + "/notes")
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + user + " 的备注\"}"), user)
                .getStatus());

        MockHttpServletResponse sent = call(get("/api/cases/" + caseNumber + "/notifications"), user);
        expect(problems, "notifications", notifications, sent.getStatus());
        if (sent.getStatus() == 200) {
            List<String> recipients = JsonPath.read(sent.getContentAsString(), "$[*].recipient");
            expect(problems, "the reporter among the recipients", true, recipients.contains("reporter:" + shown));
            expect(problems, "the full phone anywhere in the messages", "FULL".equals(phone),
                    sent.getContentAsString().contains(full));
        }
        assertThat(problems).as(user + " on " + name).isEmpty();
    }

    @Test
    void answersACaseOutOfScopeExactlyAsACaseThatDoesNotExist() throws Exception {
        String caseNumber = cases.get("HONGMIAO");
        String missing = "HMP-20000101-9999";
        for (String path : List.of("/api/cases/%s", "/api/cases/%s/notes", "/api/cases/%s/notifications")) {
            MockHttpServletResponse outOfScope = call(get(path.formatted(caseNumber)), "grid.worker");
            MockHttpServletResponse absent = call(get(path.formatted(missing)), "grid.worker");
            assertThat(outOfScope.getStatus()).as(path).isEqualTo(404);
            assertThat(outOfScope.getContentAsString().replace(caseNumber, missing)).as(path)
                    .isEqualTo(absent.getContentAsString());
        }
    }

    @Test
    void showsNoCaseToCodeThatRunsOutsideAnyRequest(@Autowired CaseQueries queries) {
        // the test's own thread is nobody to the engine, as the job executor is

        assertThat(queries.find(cases.get("TUMEN"))).isEmpty();
        assertThat(queries.lookUp(cases.get("TUMEN"))).isEmpty();
        assertThat(queries.search(CaseSearch.forStaff(null, null, null, null), PageRequest.of(0, 10))).isEmpty();
    }

    @ParameterizedTest(name = "{0} lists only cases with {1} {2}")
    @CsvSource(delimiter = '|', textBlock = """
            grid.worker         | gridCode      | 610104007001001
            community.staff     | gridCode      | 610104007001001,610104007001002,610104007001003
            street.dispatcher   | streetCode    | 610104007
            hongmiao.dispatcher | streetCode    | 610104006
            """)
    void listsNothingOutsideTheCallersArea(String user, String field, String allowed) throws Exception {
        List<String> values = JsonPath.read(call(get("/api/cases").param("size", "100"), user).getContentAsString(),
                "$.content[*]." + field);

        assertThat(values).isNotEmpty().allMatch(value -> List.of(allowed.split(",")).contains(value));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String user) throws Exception {
        return mvc.perform(user == null ? request : request.with(httpBasic(user, PASSWORD))).andReturn().getResponse();
    }

    private static void expect(List<String> problems, String what, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + " but was " + actual);
        }
    }

    private String open(String user, String gridCode, String phone, String channel) throws Exception {
        MockHttpServletResponse opened = call(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content("""
                {"category":"TRAFFIC.BUS_BLOCKING","description":"公交车排队进站，堵塞道路","address":"公交站",
                 "gridCode":"%s","reporterName":"王女士","reporterPhone":"%s","channel":"%s"}"""
                .formatted(gridCode, phone, channel)), user);
        assertThat(opened.getStatus()).as(opened.getContentAsString()).isEqualTo(201);
        return JsonPath.read(opened.getContentAsString(), "$.caseNumber");
    }

    /** The street whistles the one department, which checks in and resolves; the reporter is told. */
    private void runToTheReturnVisit(String caseNumber, String department) {
        complete(caseNumber, "Task_BlowWhistle", Map.of("departments", List.of(department),
                "leadDepartment", department, "whistleNote", "请到场"));
        complete(caseNumber, "Task_CheckIn", Map.of("checkInNote", "已到场"));
        complete(caseNumber, "Task_HandleOnSite", Map.of("handlingOutcome", "RESOLVED", "handlingResult", "已疏导"));
        RatingWindow.letPass(engine, caseNumber); // the reporter does not rate: the community calls
        awaitTask(caseNumber, "Task_ReturnVisit");
    }

    private void complete(String caseNumber, String step, Map<String, Object> values) {
        tasks.complete(awaitTask(caseNumber, step).getId(), values);
    }

    /** Async continuations run on the job executor: wait for the step's task. */
    private Task awaitTask(String caseNumber, String step) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            Task task = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step)
                    .singleResult();
            if (task != null) {
                return task;
            }
            assertThat(Instant.now()).as("waiting for %s of %s", step, caseNumber).isBefore(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
