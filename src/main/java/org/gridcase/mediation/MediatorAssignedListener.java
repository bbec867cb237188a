package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.UnitLevel;
import org.springframework.stereotype.Component;

/**
 * Task_AssignMediator, on complete: the community confirmed (or changed) the level MediatorProposal.dmn proposed;
 * the sessions and the agreement go to that level's group — the community's mediation committee or the street's.
 * The group is built here from the case's own units, never taken from what the form sent.
 */
@Component("mediatorAssignedListener")
class MediatorAssignedListener implements TaskListener {

    private final MediationRecords records;

    MediatorAssignedListener(MediationRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean street = "STREET".equals(task.getVariable(MEDIATION_LEVEL));
        String group = street
                ? CamundaGroups.ofUnit(UnitLevel.STREET, (String) task.getVariable(STREET_CODE))
                : CamundaGroups.ofUnit(UnitLevel.COMMUNITY, (String) task.getVariable(COMMUNITY_CODE));
        task.setVariable(MEDIATION_LEVEL, street ? "STREET" : "COMMUNITY");
        task.setVariable(MEDIATOR_GROUP, group);
        records.assigned(task.getExecution().getProcessBusinessKey(), street ? "STREET" : "COMMUNITY", group,
                text(task.getVariable(MEDIATOR_NAME)), MediationRecords.now());
    }
}
