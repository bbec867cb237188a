package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task_CheckIn: its creation is the summons of one department (recorded with its deadline), its completion
 * that department's check-in (recorded with who and when).
 */
@Component("checkInTaskListener")
class CheckInTaskListener implements TaskListener {

    private final CaseFile cases;

    CheckInTaskListener(CaseFile cases) {
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        String department = (String) task.getVariable(DEPARTMENT);
        CaseRecord record = cases.of(task.getExecution().getProcessBusinessKey());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            boolean lead = department.equals(task.getVariable(LEAD_DEPARTMENT));
            record.summon(department, lead, CaseFile.now(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant());
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record.checkIn(department, CaseFile.now(), completer(task), CaseFile.text(task, CHECK_IN_NOTE));
        }
    }

    /** The assignee, or whoever completed it through the API without claiming it first. */
    private static String completer(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current == null ? null : current.getUserId();
    }
}
