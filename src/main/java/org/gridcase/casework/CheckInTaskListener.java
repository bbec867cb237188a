package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.gridcase.registry.Urgency;
import org.gridcase.worktime.LimitText;
import org.springframework.stereotype.Component;

/**
 * Task_CheckIn: its creation is the summons of one department (recorded with its deadline), its completion
 * that department's check-in (recorded with who and when). The summoned department's duty group is told at once
 * (吹哨报到: an emergency's summons is urgent).
 */
@Component("checkInTaskListener")
class CheckInTaskListener implements TaskListener {

    private final CaseFile cases;
    private final Notifications notifications;
    private final DepartmentNames departmentNames;

    CheckInTaskListener(CaseFile cases, Notifications notifications, DepartmentNames departmentNames) {
        this.cases = cases;
        this.notifications = notifications;
        this.departmentNames = departmentNames;
    }

    @Override
    public void notify(DelegateTask task) {
        String department = (String) task.getVariable(DEPARTMENT);
        CaseRecord record = cases.of(task.getExecution().getProcessBusinessKey());
        if (EVENTNAME_CREATE.equals(task.getEventName())) {
            boolean lead = department.equals(task.getVariable(LEAD_DEPARTMENT));
            record.summon(department, lead, CaseFile.now(),
                    task.getDueDate() == null ? null : task.getDueDate().toInstant());
            summoned(task, record.caseNumber(), department);
        } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
            record.checkIn(department, CaseFile.now(), completer(task), CaseFile.text(task, CHECK_IN_NOTE));
        }
    }

    private void summoned(DelegateTask task, String caseNumber, String department) {
        CaseHeader header = cases.header(caseNumber);
        notifications.send(Recipient.group(CamundaGroups.ofDepartment(department)), caseNumber,
                NotificationTemplate.DEPARTMENT_SUMMONED, Map.of(
                        "streetName", String.valueOf(header.streetName()),
                        "departmentName", departmentNames.of(department),
                        "caseNumber", caseNumber,
                        "categoryName", String.valueOf(header.categoryName()),
                        "address", String.valueOf(header.address()),
                        "checkInLimit", LimitText.of(String.valueOf(task.getVariable(CHECK_IN_LIMIT)))),
                Urgency.EMERGENCY.name().equals(task.getVariable(URGENCY)));
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
