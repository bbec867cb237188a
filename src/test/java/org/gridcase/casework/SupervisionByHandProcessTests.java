package org.gridcase.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;

/**
 * GridReportProcess.bpmn's EventSubProcess_SupervisedByHand: a supervisor's request (message SupervisionRequested)
 * opens a supervision task for the supervisors beside the case's own step, which goes on; done, it ends alone.
 */
class SupervisionByHandProcessTests extends ProcessTestSupport {

    SupervisionByHandProcessTests() {
        super("995701", 57.0, 127.0, THURSDAY_TEN);
    }

    @Test
    void opensASupervisionTaskBesideHandlingAndLetsTheCaseGoOn() {
        // given: a case being handled by the traffic police
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        whistle(List.of("jiaojing"), "jiaojing");
        checkIn(instance, "jiaojing");
        assertThat(instance).isWaitingAt("Task_HandleOnSite");

        // when: a supervisor asks for supervision
        runtime.createMessageCorrelation("SupervisionRequested").processInstanceId(instance.getId())
                .setVariable("supervisionReason", "群众多次来电反映").correlate();

        // then: a supervision task for the supervisors, with its own form; handling goes on
        assertThat(instance).isWaitingAt("Task_HandleOnSite", "Task_SuperviseCaseByHand");
        Task supervision = tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("Task_SuperviseCaseByHand").singleResult();
        assertThat(supervision).hasCandidateGroup("supervisors");
        assertThat(supervision.getName()).startsWith("督办 · ");
        assertThat(formIdOf(supervision)).isEqualTo("SuperviseCaseByHandForm");
        assertThat(instance).variables().containsEntry("supervisionReason", "群众多次来电反映");

        // when: the supervisor records an opinion; then the sub-process ends and the case still waits on handling
        actAs("supervisor");
        complete(supervision, withVariables("supervisionNote", "请交警大队今日内处置完毕"));
        assertThat(instance).hasPassed("EndEvent_SupervisedByHand").isWaitingAt("Task_HandleOnSite");
        assertThat(tasks.getProcessInstanceComments(instance.getId()))
                .anySatisfy(comment -> assertThat(comment.getFullMessage()).contains("请交警大队今日内处置完毕"));
        resolve();
        assertThat(instance).isWaitingAt("Task_ReturnVisit");
    }

    @Test
    void canBeRequestedWhileTheCaseWaitsOnTheStreet() {
        ProcessInstance instance = report("TRAFFIC.BUS_BLOCKING", Urgency.URGENT);
        assertThat(instance).isWaitingAt("Task_BlowWhistle");

        runtime.createMessageCorrelation("SupervisionRequested").processInstanceId(instance.getId())
                .setVariable("supervisionReason", "街道迟迟未吹哨").correlate();

        assertThat(instance).isWaitingAt("Task_BlowWhistle", "Task_SuperviseCaseByHand");
    }

    private String formIdOf(Task task) {
        try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new ObjectMapper().readTree(form).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
