package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.gridcase.registry.UnitLevel;
import org.springframework.stereotype.Component;

/**
 * Task_RecordLateCheckIn: a department missed its check-in limit. The lateness goes on the case record (the
 * districts rank departments on it) and both the department and the street hear of it; the check-in task
 * stays open.
 */
@Component("recordLateCheckInDelegate")
class RecordLateCheckInDelegate implements JavaDelegate {

    private final CaseFile cases;
    private final Notifications notifications;
    private final DepartmentNames departmentNames;

    RecordLateCheckInDelegate(CaseFile cases, Notifications notifications, DepartmentNames departmentNames) {
        this.cases = cases;
        this.notifications = notifications;
        this.departmentNames = departmentNames;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        String department = (String) execution.getVariable(DEPARTMENT);
        cases.of(caseNumber).lateCheckIn(department, CaseFile.now());
        Map<String, Object> parameters = Map.of(
                "caseNumber", caseNumber,
                "categoryName", String.valueOf(execution.getVariable(CATEGORY_NAME)),
                "address", String.valueOf(execution.getVariable(ADDRESS)),
                "checkInLimit", String.valueOf(execution.getVariable(CHECK_IN_LIMIT)),
                "departmentName", departmentNames.of(department));
        notifications.send(Recipient.group(CamundaGroups.ofDepartment(department)), caseNumber,
                NotificationTemplate.LATE_CHECK_IN_DEPARTMENT, parameters);
        notifications.send(Recipient.group(CamundaGroups.ofUnit(UnitLevel.STREET,
                        (String) execution.getVariable(STREET_CODE))), caseNumber,
                NotificationTemplate.LATE_CHECK_IN_STREET, parameters);
    }
}
