package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

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
 * Task_AlertHighRisk: a high-risk dispute is told at once to the street and to the police station (the department
 * named by the task's input policeDepartment: who is alerted is the designers' rule, in the BPMN). Urgent: it
 * goes out at once, quiet hours or not, on the duty groups' robots as well as the bell (NotificationRouting.dmn).
 */
@Component("alertHighRiskDelegate")
class AlertHighRiskDelegate implements JavaDelegate {

    private final Notifications notifications;
    private final MediationRecords records;

    AlertHighRiskDelegate(Notifications notifications, MediationRecords records) {
        this.notifications = notifications;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        StringBuilder warnings = new StringBuilder();
        if (yes(execution.getVariable(MAY_TURN_VIOLENT))) {
            warnings.append("，有激化为暴力冲突的可能");
        }
        if (yes(execution.getVariable(MAY_TURN_COLLECTIVE))) {
            warnings.append("，有引发群体性事件的可能");
        }
        Map<String, String> header = records.header(caseNumber);
        Map<String, String> parameters = Map.of(
                "caseNumber", caseNumber,
                "categoryName", header.get("categoryName"),
                "address", header.get("address"),
                "riskLabel", RiskLevel.labelOf((String) execution.getVariable(RISK_LEVEL)),
                "warnings", warnings.toString(),
                "parties", String.valueOf(text(execution.getVariable(PARTIES))));
        notifications.send(Recipient.group(CamundaGroups.ofUnit(UnitLevel.STREET,
                (String) execution.getVariable(STREET_CODE))), caseNumber, NotificationTemplate.HIGH_RISK_DISPUTE,
                parameters, true);
        notifications.send(Recipient.group(CamundaGroups.ofDepartment(
                (String) execution.getVariable("policeDepartment"))), caseNumber,
                NotificationTemplate.HIGH_RISK_DISPUTE, parameters, true);
    }
}
