package org.gridcase.casework;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Keeps what staff wrote when completing a step as a note on the case (a Camunda comment by the completing
 * user, "【部门报到】交警已到场"), so every later form shows the history of notes, beside those added through the
 * notes API, without anyone reading variables.
 */
class StepNoteListener implements TaskListener {

    /** The free-text fields of each step's form, in the order they are shown. */
    static final Map<String, List<String>> NOTE_FIELDS = Map.of(
            "Task_PlaceReportByHand", List.of("placementNote"),
            "Task_HandleOnTheSpot", List.of("onTheSpotNote"),
            "Task_BlowWhistle", List.of("whistleNote"),
            "Task_CheckIn", List.of("checkInNote"),
            "Task_HandleOnSite", List.of("handlingResult", "returnReason", "extensionReason"),
            "Task_ApproveExtension", List.of("extensionDecisionNote"),
            "Task_SuperviseOverdueCase", List.of("supervisionNote"),
            "Task_SuperviseCaseByHand", List.of("supervisionNote"),
            "Task_ReturnVisit", List.of("returnVisitNote"),
            "Task_ReviewUnresolvedCase", List.of("supervisorClosingNote"));

    private final String step;
    private final List<String> fields;

    StepNoteListener(String step, List<String> fields) {
        this.step = step;
        this.fields = fields;
    }

    @Override
    public void notify(DelegateTask task) {
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            Object value = task.getVariable(field);
            if (value instanceof String note && !note.isBlank()) {
                text.append(text.isEmpty() ? "" : "；").append(note.strip());
            }
        }
        if (!text.isEmpty()) {
            task.getProcessEngineServices().getTaskService()
                    .createComment(task.getId(), task.getProcessInstanceId(), "【" + step + "】" + text);
        }
    }
}
