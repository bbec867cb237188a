package org.gridcase.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN;
import static org.gridcase.EmbeddedPostgresInitializer.ADMIN_PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.ObjectValue;
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

/**
 * The engine deserializes an object variable only into the types gridcase stores (JSON lists of strings and of
 * plain maps): a variable that names any other class, as a client of the engine's REST API could write one, is
 * refused when it is read, before Jackson instantiates anything.
 */
@PostgresTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeserializationAllowListTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    TestDistrict d;

    @BeforeAll
    void createDistrict(@Autowired UnitService units, @Autowired DepartmentService departments) {
        d = TestDistrict.create(units, departments, "995301", 53.0, 123.0);
    }

    @Test
    void refusesToDeserializeAnObjectVariableOfATypeOutsideTheAllowList() {
        // a standalone task holds the planted variable, so no case's history ever carries it
        Task task = tasks.newTask();
        tasks.saveTask(task);
        try {
            tasks.setVariable(task.getId(), "planted", Variables.serializedObjectValue("\"https://example.org/\"")
                    .objectTypeName("java.net.URL")
                    .serializationDataFormat(Variables.SerializationDataFormats.JSON).create());

            assertThatThrownBy(() -> tasks.getVariable(task.getId(), "planted"))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("java.net.URL");
            // its serialized form stays readable, for an administrator who has to look at it
            ObjectValue raw = tasks.getVariableTyped(task.getId(), "planted", false);
            assertThat(raw.getObjectTypeName()).isEqualTo("java.net.URL");
        } finally {
            tasks.deleteTask(task.getId(), true);
        }
    }

    @Test
    void stillReadsEveryVariableACaseStores() throws Exception {
        String answer = mvc.perform(post("/api/cases").with(httpBasic(ADMIN, ADMIN_PASSWORD))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"category":"TRAFFIC.ILLEGAL_PARKING","description":"占道停车","address":"测试社区西门",
                                 "lat":%s,"lon":%s,"channel":"HOTLINE_12345","photoLinks":["https://example.org/a.jpg"]}"""
                                .formatted(d.lat0() + 0.005, d.lon0() + 0.005)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(JsonPath.read(answer, "$.caseNumber")).singleResult().getId();
        // past the start's async boundary: placed in its grid and triaged, its departments decided (a DMN list)
        management.createJobQuery().processInstanceId(instance).list()
                .forEach(job -> management.executeJob(job.getId()));

        List<VariableInstance> variables = runtime.createVariableInstanceQuery().processInstanceIdIn(instance).list();

        assertThat(variables).allSatisfy(variable -> assertThat(variable.getErrorMessage()).isNull());
        assertThat(variables).filteredOn(variable -> variable.getTypeName().equals("object"))
                .extracting(VariableInstance::getName).contains("departments");
        assertThat(runtime.getVariable(instance, "departments")).isInstanceOf(List.class);
    }
}
