package org.gridcase.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.gridcase.audit.CaseSteps;
import org.gridcase.casework.CaseDetails;
import org.springframework.stereotype.Component;

/**
 * A case's steps so far, in time order: the stages it entered (from the record) and every task done or ended
 * (who, when), as the audit recorded them (CaseSteps: the engine's history, or the case's archive once it has
 * one). The case comes from CaseQueries, scoped to the caller.
 */
@Component
class CaseHistorySteps {

    private static final String TITLE_SEPARATOR = " · ";

    private final CaseSteps recorded;

    CaseHistorySteps(CaseSteps recorded) {
        this.recorded = recorded;
    }

    record Step(Instant at, String what, String who) {
    }

    List<Step> of(CaseDetails c, Names.Lookup names) {
        List<Step> steps = new ArrayList<>();
        for (CaseDetails.Stage stage : c.stages()) {
            steps.add(new Step(stage.enteredAt(), "进入阶段：" + stage.label(), null));
        }
        for (CaseSteps.FinishedTask task : recorded.finishedTasks(c)) {
            steps.add(new Step(task.endTime(), (task.completed() ? "完成：" : "结束：") + stepName(task.name()),
                    task.assignee() == null ? null : names.person(task.assignee())));
        }
        steps.sort(Comparator.comparing(Step::at));
        return steps;
    }

    static String stepName(String title) {
        if (title == null) {
            return "";
        }
        int cut = title.indexOf(TITLE_SEPARATOR);
        return cut < 0 ? title : title.substring(0, cut);
    }
}
