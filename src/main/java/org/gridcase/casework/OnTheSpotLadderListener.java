package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.worktime.WorkingTimeBusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * SequenceFlow_TrackOnTheSpot, when taken: the date of the grid's warning, before Task_HandleOnTheSpot starts
 * (its boundary timer reads it). At the limit itself the case goes to the street; there is no red card for the
 * grid, whose task ends there.
 */
@Component("onTheSpotLadderListener")
class OnTheSpotLadderListener implements ExecutionListener {

    private final EscalationLadder ladder;
    private final ProcessEngineConfigurationImpl engine;

    OnTheSpotLadderListener(EscalationLadder ladder, ProcessEngineConfigurationImpl engine) {
        this.ladder = ladder;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String limit = (String) execution.getVariable(RESPONSE_LIMIT);
        Instant start = CaseFile.now();
        Date due = engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate(limit, Date.from(start));
        EscalationLadder.Schedule schedule = ladder.schedule(ladder.rules(LadderStage.ON_THE_SPOT, execution::getVariable), start,
                due.toInstant(), WorkingTimeBusinessCalendar.isWorkingTime(limit));
        execution.setVariable(ON_THE_SPOT_START, Date.from(start));
        execution.setVariable(ON_THE_SPOT_WARN_AT, schedule.warnAt());
    }
}
