package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Collection;
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
 * Task_NotifyStreetOfEmergency: in an emergency the departments are summoned at once, without the street's
 * whistle; the street is told straight away so that it can start its emergency response.
 */
@Component("notifyStreetOfEmergencyDelegate")
class NotifyStreetOfEmergencyDelegate implements JavaDelegate {

    private final Notifications notifications;
    private final DepartmentNames departmentNames;
    private final CaseFile cases;

    NotifyStreetOfEmergencyDelegate(CaseFile cases, Notifications notifications, DepartmentNames departmentNames) {
        this.cases = cases;
        this.notifications = notifications;
        this.departmentNames = departmentNames;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        CaseHeader header = cases.header(caseNumber);
        notifications.send(Recipient.group(CamundaGroups.ofUnit(UnitLevel.STREET,
                        (String) execution.getVariable(STREET_CODE))), caseNumber,
                NotificationTemplate.EMERGENCY_STREET, Map.of(
                        "streetName", String.valueOf(header.streetName()),
                        "address", String.valueOf(header.address()),
                        "categoryName", String.valueOf(header.categoryName()),
                        "caseNumber", caseNumber,
                        "departmentNames", departmentNames.of((Collection<?>) execution.getVariable(DEPARTMENTS))),
                true);
    }
}
