package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.gridcase.registry.Urgency;
import org.gridcase.worktime.LimitText;
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
    private final EscalationLadder ladder;

    RecordLateCheckInDelegate(CaseFile cases, Notifications notifications, DepartmentNames departmentNames,
            EscalationLadder ladder) {
        this.cases = cases;
        this.notifications = notifications;
        this.departmentNames = departmentNames;
        this.ladder = ladder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        String department = (String) execution.getVariable(DEPARTMENT);
        // the next level is the ladder's data (EscalationLadder.dmn): the street, as the districts run it
        String nextLevel = ladder.rules(LadderStage.CHECK_IN, execution::getVariable).escalateTo();
        CaseRecord record = cases.of(caseNumber);
        record.lateCheckIn(department, CaseFile.now());
        record.escalate(LadderStage.CHECK_IN, LadderRung.ESCALATION, department, nextLevel, CaseFile.now());
        CaseHeader header = record.header(code -> code);
        Map<String, Object> parameters = Map.of(
                "caseNumber", caseNumber,
                "categoryName", String.valueOf(header.categoryName()),
                "address", String.valueOf(header.address()),
                "checkInLimit", LimitText.of(String.valueOf(execution.getVariable(CHECK_IN_LIMIT))),
                "departmentName", departmentNames.of(department));
        boolean emergency = Urgency.EMERGENCY.name().equals(execution.getVariable(URGENCY));
        notifications.send(Recipient.group(CamundaGroups.ofDepartment(department)), caseNumber,
                NotificationTemplate.LATE_CHECK_IN_DEPARTMENT, parameters, emergency);
        notifications.send(Recipient.group(nextLevel), caseNumber, NotificationTemplate.LATE_CHECK_IN_STREET,
                parameters, emergency);
    }
}
