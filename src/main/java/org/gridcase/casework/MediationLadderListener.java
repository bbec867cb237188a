package org.gridcase.casework;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * MediationProcess's SequenceFlow_MediationMergeToMediation, when taken: the mediation's deadline and the date of
 * its warning (EscalationLadder.dmn, stage MEDIATION), read by the sessions' due date and the boundary timers of
 * SubProcess_Mediation. Dates rather than a duration, so that the clock runs across all sessions of a round; a
 * broken agreement starts a new round with a new limit. It lives here because the ladder is casework's.
 */
@Component("mediationLadderListener")
class MediationLadderListener implements ExecutionListener {

    static final String MEDIATION_DUE = "mediationDue";
    static final String MEDIATION_WARN_AT = "mediationWarnAt";

    private final EscalationLadder ladder;
    private final ProcessEngineConfigurationImpl engine;

    MediationLadderListener(EscalationLadder ladder, ProcessEngineConfigurationImpl engine) {
        this.ladder = ladder;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Date start = Date.from(CaseFile.now());
        EscalationLadder.Limited stage = ladder.limited(LadderStage.MEDIATION, execution::getVariable, start);
        Date due = engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate(stage.limit(), start);
        execution.setVariable(MEDIATION_DUE, due);
        execution.setVariable(MEDIATION_WARN_AT, stage.schedule().warnAt());
    }
}
