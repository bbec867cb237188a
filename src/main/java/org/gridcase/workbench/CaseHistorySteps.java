package org.gridcase.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.casework.CaseDetails;
import org.springframework.stereotype.Component;

/**
 * A case's steps so far, in time order: the stages it entered (from the record) and every task done or ended
 * (from the engine's history: who, when). The case comes from CaseQueries, so its history is read without the
 * engine's authorization check (staff hold no history permissions; the audit module reads the same way).
 */
@Component
class CaseHistorySteps {

    private static final String TITLE_SEPARATOR = " · ";

    private final ProcessEngineConfigurationImpl engine;

    CaseHistorySteps(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    record Step(Instant at, String what, String who) {
    }

    List<Step> of(CaseDetails c, Names.Lookup names) {
        List<Step> steps = new ArrayList<>();
        for (CaseDetails.Stage stage : c.stages()) {
            steps.add(new Step(stage.enteredAt(), "进入阶段：" + stage.label(), null));
        }
        if (c.processInstanceId() != null) {
            for (HistoricTaskInstance task : finishedTasks(c.processInstanceId())) {
                String step = stepName(task.getName());
                boolean completed = "completed".equals(task.getDeleteReason());
                steps.add(new Step(task.getEndTime().toInstant(), (completed ? "完成：" : "结束：") + step,
                        task.getAssignee() == null ? null : names.person(task.getAssignee())));
            }
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    private List<HistoricTaskInstance> finishedTasks(String processInstanceId) {
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            try {
                return engine.getHistoryService().createHistoricTaskInstanceQuery()
                        .processInstanceId(processInstanceId).finished().list();
            } finally {
                context.enableAuthorizationCheck();
            }
        });
    }

    static String stepName(String title) {
        if (title == null) {
            return "";
        }
        int cut = title.indexOf(TITLE_SEPARATOR);
        return cut < 0 ? title : title.substring(0, cut);
    }
}
