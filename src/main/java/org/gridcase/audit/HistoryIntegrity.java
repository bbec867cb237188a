package org.gridcase.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
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
    private final AuditRecords records;
    private final RepositoryService repository;

    HistoryIntegrity(CaseQueries cases, AuditRecords records, RepositoryService repository) {
        this.cases = cases;
        this.records = records;
        this.repository = repository;
    }

    public IntegrityReport check(String caseNumber) {
        CaseDetails c = cases.find(caseNumber).orElseThrow(() -> new NotFoundException("工单 " + caseNumber + " 不存在"));
        CaseRecords recorded;
        try {
            recorded = records.of(c);
        } catch (CaseArchive.Altered altered) {
            // never judged from bytes nobody can vouch for: the verdict is that they were changed
            return new IntegrityReport(caseNumber, null, false, 0, List.of(new IntegrityReport.Finding(
                    "ARCHIVE_UNCHANGED", null, "归档记录的校验值不符：归档后被改动过")));
        }
        return check(caseNumber, recorded.main());
    }

    IntegrityReport check(String caseNumber, CaseRecords.ProcessRecords recorded) {
        CaseRecords.Process process = recorded.process();
        BpmnModelInstance model = repository.getBpmnModelInstance(process.processDefinitionId());
        List<CaseRecords.Activity> steps = recorded.activities();
        List<IntegrityReport.Finding> findings = new ArrayList<>();
        for (CaseRecords.Activity step : steps) {
            checkTimes(process, step, findings);
            String id = step.activityId().replace(MULTI_INSTANCE_BODY, "");
            FlowNode node = model.getModelElementById(id);
            if (node == null) {
                findings.add(new IntegrityReport.Finding("IN_MODEL", step.activityId(),
                        "该步骤不在流程定义 " + process.processDefinitionId() + " 中"));
            } else if (!reached(step, node, steps)) {
                findings.add(new IntegrityReport.Finding("FOLLOWS_FLOW", step.activityId(),
                        "没有前序步骤经顺序流到达该步骤"));
            }
        }
        for (CaseRecords.Task task : recorded.tasks()) {
            if (task.endTime() != null && "completed".equals(task.deleteReason()) && task.assignee() == null
                    && recorded.operations().stream().filter(op -> task.id().equals(op.taskId())
                            && "Complete".equals(op.operationType())).allMatch(op -> op.userId() == null)) {
                findings.add(new IntegrityReport.Finding("HAS_COMPLETER", task.taskDefinitionKey(),
                        "任务“" + task.name() + "”已完成，但没有记录完成人"));
            }
        }
        if (process.endTime() != null) {
            steps.stream().filter(step -> step.endTime() == null).forEach(step -> findings.add(
                    new IntegrityReport.Finding("NOTHING_OPEN", step.activityId(), "流程已结束，该步骤却未结束")));
            if (steps.stream().noneMatch(step -> step.activityType().equals("noneEndEvent")
                    && step.parentActivityInstanceId().equals(process.id()))) {
                findings.add(new IntegrityReport.Finding("NOTHING_MISSING", null, "流程已结束，却没有到达结束事件"));
            }
        }
        return new IntegrityReport(caseNumber, process.processDefinitionId(), findings.isEmpty(), steps.size(),
                findings);
    }

    private static void checkTimes(CaseRecords.Process process, CaseRecords.Activity step,
            List<IntegrityReport.Finding> findings) {
        if (step.endTime() != null && step.endTime().isBefore(step.startTime())) {
            findings.add(new IntegrityReport.Finding("TIME_ORDER", step.activityId(), "结束时间早于开始时间"));
        }
        if (step.startTime().isBefore(process.startTime())) {
            findings.add(new IntegrityReport.Finding("TIME_ORDER", step.activityId(), "开始时间早于流程开始"));
        }
        if (process.endTime() != null && step.endTime() != null && step.endTime().isAfter(process.endTime())) {
            findings.add(new IntegrityReport.Finding("TIME_ORDER", step.activityId(), "结束时间晚于流程结束"));
        }
    }

    /** Whether the model allows this step given the steps recorded before it. */
    private static boolean reached(CaseRecords.Activity step, FlowNode node, List<CaseRecords.Activity> steps) {
        if (node instanceof StartEvent start) {
            return !(start.getParentElement() instanceof SubProcess sub) || startedBefore(sub.getId(), step, steps);
        }
        if (node instanceof BoundaryEvent boundary) {
            return startedBefore(boundary.getAttachedTo().getId(), step, steps);
        }
        if (node instanceof SubProcess && !step.activityId().endsWith(MULTI_INSTANCE_BODY)
                && startedBefore(node.getId() + MULTI_INSTANCE_BODY, step, steps)) {
            return true; // one instance of a multi-instance subprocess, inside its body
        }
        Collection<SequenceFlow> incoming = node.getIncoming();
        return incoming.stream().anyMatch(flow -> endedBefore(flow.getSource().getId(), step, steps));
    }

    private static boolean startedBefore(String activityId, CaseRecords.Activity step,
            List<CaseRecords.Activity> steps) {
        return steps.stream().anyMatch(other -> other.activityId().equals(activityId)
                && !other.startTime().isAfter(step.startTime()));
    }

    private static boolean endedBefore(String activityId, CaseRecords.Activity step,
            List<CaseRecords.Activity> steps) {
        return steps.stream().anyMatch(other -> (other.activityId().equals(activityId)
                || other.activityId().equals(activityId + MULTI_INSTANCE_BODY))
                && other.endTime() != null && !other.endTime().isAfter(step.startTime()));
    }
}
