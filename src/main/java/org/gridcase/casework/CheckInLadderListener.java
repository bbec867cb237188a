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
 * SubProcess_CheckIn, as each department's instance starts: the dates of its warning and red card, as local
 * variables of the instance (each department has its own ladder). It runs before Task_CheckIn starts, whose
 * boundary timers read them.
 */
@Component("checkInLadderListener")
class CheckInLadderListener implements ExecutionListener {

    private final EscalationLadder ladder;
    private final ProcessEngineConfigurationImpl engine;

    CheckInLadderListener(EscalationLadder ladder, ProcessEngineConfigurationImpl engine) {
        this.ladder = ladder;
        this.engine = engine;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String limit = (String) execution.getVariable(CHECK_IN_LIMIT);
        Instant start = CaseFile.now();
        Date due = engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate(limit, Date.from(start));
        EscalationLadder.Schedule schedule = ladder.schedule(ladder.rules(LadderStage.CHECK_IN, execution::getVariable), start,
                due.toInstant(), WorkingTimeBusinessCalendar.isWorkingTime(limit));
        execution.setVariableLocal(CHECK_IN_START, Date.from(start));
        execution.setVariableLocal(CHECK_IN_WARN_AT, schedule.warnAt());
        execution.setVariableLocal(CHECK_IN_RED_CARD_AT, schedule.redCardAt());
    }
}
