package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.gridcase.registry.UnitLevel;
import org.gridcase.worktime.OfficeHours;
import org.springframework.stereotype.Component;

/**
 * Task_ApproveExtension, on create: the lead department asked for more time, and the street that approves it is
 * told (申请延期), with the new deadline in the district's time and the department's reason.
 */
@Component("extensionRequestedListener")
class ExtensionRequestedListener implements TaskListener {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final CaseFile cases;
    private final Notifications notifications;
    private final DepartmentNames departmentNames;
    private final ZoneId zone;

    ExtensionRequestedListener(CaseFile cases, Notifications notifications, DepartmentNames departmentNames,
            OfficeHours officeHours) {
        this.cases = cases;
        this.notifications = notifications;
        this.departmentNames = departmentNames;
        this.zone = officeHours.zone();
    }

    @Override
    public void notify(DelegateTask task) {
        String caseNumber = task.getExecution().getProcessBusinessKey();
        CaseHeader header = cases.header(caseNumber);
        String reason = CaseFile.text(task, "extensionReason");
        Object proposed = task.getVariable(PROPOSED_DEADLINE);
        String street = CamundaGroups.ofUnit(UnitLevel.STREET, (String) task.getVariable(STREET_CODE));
        notifications.send(Recipient.group(street), caseNumber, NotificationTemplate.EXTENSION_REQUESTED, Map.of(
                        "departmentName", departmentNames.of((String) task.getVariable(LEAD_DEPARTMENT)),
                        "caseNumber", caseNumber,
                        "categoryName", String.valueOf(header.categoryName()),
                        "address", String.valueOf(header.address()),
                        // the completion rules require it; a telling message is no reason to stop the case
                        "proposedDeadline", proposed == null ? "未填写" : WHEN.format(
                                ExtendHandlingDeadlineDelegate.dateOf(proposed).toInstant().atZone(zone)),
                        "reason", reason == null ? "未填写" : reason));
    }
}
