package org.gridcase.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** POST /api/cases/{n}/rating: the reporter rates with the tracking token; the tracking view says when she may. */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "990711", 34.5, 104.5);
    }

    @Test
    void letsTheReporterRateOnceAfterTheFeedbackAndClosesTheCase() throws Exception {
        // given: a stairwell light reported; not yet fed back
        String[] opened = open("13912340001");
        String number = opened[0];
        String token = opened[1];
        tracking(number, token).andExpect(jsonPath("$.canRate").value(false));
        rate(number, token, "RESOLVED", "SATISFIED", "谢谢").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("尚未到评价环节"));

        // when: the grid worker fixes it on the spot and the reporter is told
        feedBack(number);

        // then: she may rate; a wrong token finds no case; bad values are named
        tracking(number, token).andExpect(jsonPath("$.canRate").value(true));
        rate(number, "guessed", "RESOLVED", "SATISFIED", null).andExpect(status().isNotFound());
        rate(number, null, "RESOLVED", "SATISFIED", null).andExpect(status().isNotFound());
        rate(number, token, "FIXED", "SATISFIED", null).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("resolution"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("未解决")));
        rate(number, token, "RESOLVED", null, "好".repeat(501)).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("satisfaction")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("comment")));
        mvc.perform(post("/api/cases/" + number + "/rating").param("token", token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\":")).andExpect(status().isBadRequest());

        // when
        rate(number, token, "RESOLVED", "BASICALLY_SATISFIED", "灯修好了").andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.statusLabel").value("已办结"))
                .andExpect(jsonPath("$.ratedBy").value("REPORTER"));

        // then: closed, her rating shown, and a second rating refused
        tracking(number, token).andExpect(jsonPath("$.canRate").value(false))
                .andExpect(jsonPath("$.satisfaction").value("BASICALLY_SATISFIED"))
                .andExpect(jsonPath("$.ratedBy").value("REPORTER"));
        rate(number, token, "RESOLVED", "SATISFIED", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("已完成回访"));
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
    }

    @Test
    void refusesARatingOnceTheCommunityIsToCall() throws Exception {
        // given: fed back, and the rating window passed
        String[] opened = open("13912340002");
        feedBack(opened[0]);
        ProcessInstance instance = instance(opened[0]);
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("Event_RatingTimeElapsed").singleResult().getId());

        // then
        tracking(opened[0], opened[1]).andExpect(jsonPath("$.canRate").value(false))
                .andExpect(jsonPath("$.status").value("RETURN_VISIT"));
        rate(opened[0], opened[1], "RESOLVED", "SATISFIED", null).andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("评价时限已过，社区将电话回访"));
    }

    private String[] open(String phone) throws Exception {
        String body = """
                {"category":"PROPERTY.STAIRWELL_LIGHT","urgency":"ROUTINE","description":"楼道灯不亮",
                "address":"测试社区 2 号楼","lat":%s,"lon":%s,"reporterName":"王女士","reporterPhone":"%s",
                "channel":"RESIDENT_APP"}""".formatted(d.lat0() + 0.005, d.lon0() + 0.005, phone);
        String answer = mvc.perform(post("/api/cases").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String number = JsonPath.read(answer, "$.caseNumber");
        String trackingUrl = JsonPath.read(answer, "$.trackingUrl");
        return new String[] {number, trackingUrl.substring(trackingUrl.indexOf("token=") + "token=".length())};
    }

    /** The start's continuation, the grid worker's fix on the spot, the feedback: as the job executor would. */
    private void feedBack(String number) {
        ProcessInstance instance = instance(number);
        management.createJobQuery().processInstanceId(instance.getId()).list()
                .forEach(job -> management.executeJob(job.getId()));
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_HandleOnTheSpot").singleResult().getId(),
                Map.of("handledOnTheSpot", true, "onTheSpotNote", "已更换灯泡"));
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
                .activityId("Task_NotifyReporter").singleResult().getId());
    }

    private ProcessInstance instance(String number) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult();
    }

    private ResultActions tracking(String number, String token) throws Exception {
        return mvc.perform(get("/api/cases/" + number).param("token", token)).andExpect(status().isOk());
    }

    private ResultActions rate(String number, String token, String resolution, String satisfaction, String comment)
            throws Exception {
        StringBuilder body = new StringBuilder("{");
        body.append(resolution == null ? "" : "\"resolution\":\"" + resolution + "\",");
        body.append(satisfaction == null ? "" : "\"satisfaction\":\"" + satisfaction + "\",");
        body.append(comment == null ? "" : "\"comment\":\"" + comment + "\",");
        body.setLength(body.length() - (body.length() > 1 ? 1 : 0));
        body.append('}');
        var request = post("/api/cases/" + number + "/rating").contentType(MediaType.APPLICATION_JSON)
                .content(body.toString());
        return mvc.perform(token == null ? request : request.param("token", token));
    }
}
