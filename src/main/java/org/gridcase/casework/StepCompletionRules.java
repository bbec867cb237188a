package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.system.InvalidRequestException;

/**
 * What a step needs before it may be completed, where that depends on an answer on the same form. form-js (the
 * 7.24 Tasklist's Camunda Forms) cannot make a field required only for one answer: a {@code required} field that
 * an answer hides keeps its error once touched, which left 完成 disabled with no message shown. Such fields are
 * optional in the form and checked here, for the Tasklist and API clients alike, with the field named in Chinese.
 */
class StepCompletionRules implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "Task_HandleOnSite" -> handling(task);
            case "Task_ReturnVisit" -> returnVisit(task);
            default -> {
            }
        }
    }

    private static void handling(DelegateTask task) {
        Object outcome = task.getVariable(HANDLING_OUTCOME);
        if ("RESOLVED".equals(outcome)) {
            require(task, HANDLING_RESULT, "办理结果", "选择“已办结”时");
        } else if ("RETURNED".equals(outcome)) {
            require(task, "returnReason", "退单理由", "选择“非本部门职责，退单”时");
        } else if ("EXTENSION_REQUESTED".equals(outcome)) {
            Object proposed = task.getVariable(PROPOSED_DEADLINE);
            if (proposed == null || proposed.toString().isBlank()) {
                throw new InvalidRequestException("申请延期至", "选择“申请延期”时必须填写延期后的日期和时间");
            }
            try {
                if (!ExtendHandlingDeadlineDelegate.dateOf(proposed).toInstant().isAfter(CaseFile.now())) {
                    throw new InvalidRequestException("申请延期至", "必须晚于现在");
                }
            } catch (ProcessEngineException notADate) {
                throw new InvalidRequestException("申请延期至", "不是有效的日期和时间");
            }
            require(task, "extensionReason", "延期理由", "选择“申请延期”时");
        }
    }

    /** A reporter who is not satisfied, or whose problem is not solved, has their reasons written down. */
    private static void returnVisit(DelegateTask task) {
        if ("UNRESOLVED".equals(task.getVariable(RESOLUTION)) || "UNSATISFIED".equals(task.getVariable(SATISFACTION))) {
            require(task, "returnVisitNote", "回访记录", "选择“未解决”或“不满意”时");
        }
    }

    private static void require(DelegateTask task, String variable, String label, String when) {
        Object value = task.getVariable(variable);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidRequestException(label, when + "必须填写" + label);
        }
    }

}
