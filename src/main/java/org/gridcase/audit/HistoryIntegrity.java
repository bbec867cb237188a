package org.gridcase.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseQueries;
import org.gridcase.system.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * Checks that a case's recorded history fits the exact process version it ran on: every step is an element of
 * that model and was reached along one of its sequence flows (or is a start event, a boundary event of an
 * earlier step, or the inside of a subprocess that had started); every completed task names who completed it;
 * times never run backwards; and a finished case has no step left open. Read-only: it reports, it repairs nothing.
 */
@Service
public class HistoryIntegrity {

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final CaseQueries cases;
    private final HistoryService history;
    private final RepositoryService repository;

    HistoryIntegrity(CaseQueries cases, HistoryService history, RepositoryService repository) {
        this.cases = cases;
        this.history = history;
        this.repository = repository;
    }

    public IntegrityReport check(String caseNumber) {
        CaseDetails c = cases.find(caseNumber).orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        HistoricProcessInstance process = history.createHistoricProcessInstanceQuery()
                .processInstanceId(c.processInstanceId()).singleResult();
        BpmnModelInstance model = repository.getBpmnModelInstance(process.getProcessDefinitionId());
        List<HistoricActivityInstance> steps = history.createHistoricActivityInstanceQuery()
                .processInstanceId(process.getId())
                .orderByHistoricActivityInstanceStartTime().asc().orderPartiallyByOccurrence().asc().list();
        List<IntegrityReport.Finding> findings = new ArrayList<>();
        for (HistoricActivityInstance step : steps) {
            checkTimes(process, step, findings);
            String id = step.getActivityId().replace(MULTI_INSTANCE_BODY, "");
            FlowNode node = model.getModelElementById(id);
            if (node == null) {
                findings.add(new IntegrityReport.Finding("IN_MODEL", step.getActivityId(),
                        "该步骤不在流程定义 " + process.getProcessDefinitionId() + " 中"));
            } else if (!reached(step, node, steps)) {
                findings.add(new IntegrityReport.Finding("FOLLOWS_FLOW", step.getActivityId(),
                        "没有前序步骤经顺序流到达该步骤"));
            }
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(process.getId())
                .finished().list()) {
            if ("completed".equals(task.getDeleteReason()) && task.getAssignee() == null
                    && history.createUserOperationLogQuery().taskId(task.getId()).operationType("Complete")
                            .list().stream().allMatch(op -> op.getUserId() == null)) {
                findings.add(new IntegrityReport.Finding("HAS_COMPLETER", task.getTaskDefinitionKey(),
                        "任务“" + task.getName() + "”已完成，但没有记录完成人"));
            }
        }
        if (process.getEndTime() != null) {
            steps.stream().filter(step -> step.getEndTime() == null).forEach(step -> findings.add(
                    new IntegrityReport.Finding("NOTHING_OPEN", step.getActivityId(), "流程已结束，该步骤却未结束")));
            if (steps.stream().noneMatch(step -> step.getActivityType().equals("noneEndEvent")
                    && step.getParentActivityInstanceId().equals(process.getId()))) {
                findings.add(new IntegrityReport.Finding("NOTHING_MISSING", null, "流程已结束，却没有到达结束事件"));
            }
        }
        return new IntegrityReport(caseNumber, process.getProcessDefinitionId(), findings.isEmpty(), steps.size(),
                findings);
    }

    private static void checkTimes(HistoricProcessInstance process, HistoricActivityInstance step,
            List<IntegrityReport.Finding> findings) {
        if (step.getEndTime() != null && step.getEndTime().before(step.getStartTime())) {
            findings.add(new IntegrityReport.Finding("TIME_ORDER", step.getActivityId(), "结束时间早于开始时间"));
        }
        if (step.getStartTime().before(process.getStartTime())) {
            findings.add(new IntegrityReport.Finding("TIME_ORDER", step.getActivityId(), "开始时间早于流程开始"));
        }
        if (process.getEndTime() != null && step.getEndTime() != null && step.getEndTime().after(process.getEndTime())) {
            findings.add(new IntegrityReport.Finding("TIME_ORDER", step.getActivityId(), "结束时间晚于流程结束"));
        }
    }

    /** Whether the model allows this step given the steps recorded before it. */
    private static boolean reached(HistoricActivityInstance step, FlowNode node, List<HistoricActivityInstance> steps) {
        if (node instanceof StartEvent start) {
            return !(start.getParentElement() instanceof SubProcess sub) || startedBefore(sub.getId(), step, steps);
        }
        if (node instanceof BoundaryEvent boundary) {
            return startedBefore(boundary.getAttachedTo().getId(), step, steps);
        }
        if (node instanceof SubProcess && !step.getActivityId().endsWith(MULTI_INSTANCE_BODY)
                && startedBefore(node.getId() + MULTI_INSTANCE_BODY, step, steps)) {
            return true; // one instance of a multi-instance subprocess, inside its body
        }
        Collection<SequenceFlow> incoming = node.getIncoming();
        return incoming.stream().anyMatch(flow -> endedBefore(flow.getSource().getId(), step, steps));
    }

    private static boolean startedBefore(String activityId, HistoricActivityInstance step,
            List<HistoricActivityInstance> steps) {
        return steps.stream().anyMatch(other -> other.getActivityId().equals(activityId)
                && !other.getStartTime().after(step.getStartTime()));
    }

    private static boolean endedBefore(String activityId, HistoricActivityInstance step,
            List<HistoricActivityInstance> steps) {
        return steps.stream().anyMatch(other -> (other.getActivityId().equals(activityId)
                || other.getActivityId().equals(activityId + MULTI_INSTANCE_BODY))
                && other.getEndTime() != null && !after(other.getEndTime(), step.getStartTime()));
    }

    private static boolean after(Date a, Date b) {
        return a.after(b);
    }
}
