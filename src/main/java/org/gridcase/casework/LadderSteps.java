package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.notification.NotificationTemplate;
import org.gridcase.notification.Notifications;
import org.gridcase.notification.Recipient;
import org.gridcase.registry.UnitLevel;
import org.gridcase.registry.Urgency;
import org.springframework.stereotype.Component;

/**
 * What reaching a rung does, for every stage alike: it is recorded on the case and the right group is told.
 * The holder of a stage is the group its task belongs to: the grid on receipt, the street at the whistle, the
 * dispatchers placing a report by hand, the summoned department at check-in, the lead department in handling, the
 * group a consultation meeting's commitment went to (ConsultationMeeting.bpmn).
 */
@Component
class LadderSteps {

    private final CaseFile cases;
    private final Notifications notifications;
    private final DepartmentNames departmentNames;
    private final EscalationLadder ladder;

    LadderSteps(CaseFile cases, Notifications notifications, DepartmentNames departmentNames,
            EscalationLadder ladder) {
        this.cases = cases;
        this.notifications = notifications;
        this.departmentNames = departmentNames;
        this.ladder = ladder;
    }

    void warn(DelegateExecution execution, LadderStage stage) {
        String holder = switch (stage) {
            case ON_THE_SPOT -> CamundaGroups.ofUnit(UnitLevel.GRID, (String) execution.getVariable(GRID_CODE));
            case CHECK_IN, HANDLING -> CamundaGroups.ofDepartment(departmentOf(execution, stage));
            case WHISTLE -> CamundaGroups.ofUnit(UnitLevel.STREET, (String) execution.getVariable(STREET_CODE));
            case PLACEMENT -> CamundaGroups.DISPATCHERS;
            case COMMITMENT -> (String) execution.getVariable(COMMITMENT_GROUP);
            // the mediator confirmed by the community (MediationProcess's Task_AssignMediator)
            case MEDIATION -> (String) execution.getVariable("mediatorGroup");
        };
        reach(execution, stage, LadderRung.WARNING, holder, NotificationTemplate.LADDER_WARNING);
    }

    void escalate(VariableScope variables, String caseNumber, LadderStage stage) {
        String group = ladder.rules(stage, variables::getVariable).escalateTo();
        reach(variables, caseNumber, stage, LadderRung.ESCALATION, group, NotificationTemplate.LADDER_ESCALATION);
    }

    void issueRedCard(DelegateExecution execution, LadderStage stage) {
        String leadership = ladder.rules(stage, execution::getVariable).leadershipGroup();
        reach(execution, stage, LadderRung.RED_CARD, leadership, NotificationTemplate.LADDER_RED_CARD);
    }

    private void reach(DelegateExecution execution, LadderStage stage, LadderRung rung, String group,
            NotificationTemplate template) {
        reach(execution, execution.getProcessBusinessKey(), stage, rung, group, template);
    }

    private void reach(VariableScope variables, String caseNumber, LadderStage stage, LadderRung rung, String group,
            NotificationTemplate template) {
        String department = stage == LadderStage.CHECK_IN || stage == LadderStage.HANDLING
                || stage == LadderStage.COMMITMENT ? departmentOf(variables, stage) : null;
        cases.of(caseNumber).escalate(stage, rung, department, group, CaseFile.now());
        CaseHeader header = cases.header(caseNumber);
        notifications.send(Recipient.group(group), caseNumber, template, Map.of(
                "caseNumber", caseNumber,
                "categoryName", String.valueOf(header.categoryName()),
                "address", String.valueOf(header.address()),
                "stage", stage.label(),
                "holder", department != null ? departmentNames.of(department) : switch (stage) {
                    case WHISTLE -> String.valueOf(header.streetName());
                    case PLACEMENT -> "调度员";
                    case COMMITMENT -> String.valueOf(variables.getVariable(COMMITMENT_PARTY_NAME));
                    case MEDIATION -> "调解员";
                    default -> String.valueOf(header.gridName());
                }), rung == LadderRung.RED_CARD || Urgency.EMERGENCY.name().equals(variables.getVariable(URGENCY)));
    }

    private static String departmentOf(VariableScope variables, LadderStage stage) {
        return (String) variables.getVariable(switch (stage) {
            case CHECK_IN -> DEPARTMENT;
            case COMMITMENT -> COMMITMENT_DEPARTMENT; // null for an outside body: its lateness is not a department's
            default -> LEAD_DEPARTMENT;
        });
    }
}
