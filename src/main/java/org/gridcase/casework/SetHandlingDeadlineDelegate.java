package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_SetHandlingDeadline: the lead department's deadline, {@code handlingLimit} from now. It is a date (not a
 * duration) because an approved extension moves it, and the handling task and its overdue timer read it. The
 * engine's due-date calendar resolves the limit, the same one that resolves task due dates, so a working-time
 * calendar plugged into the engine applies here too.
 */
@Component("setHandlingDeadlineDelegate")
class SetHandlingDeadlineDelegate implements JavaDelegate {

    private final ProcessEngineConfigurationImpl engine;
    private final CaseFile cases;
    private final EscalationLadder ladder;

    SetHandlingDeadlineDelegate(ProcessEngineConfigurationImpl engine, CaseFile cases, EscalationLadder ladder) {
        this.engine = engine;
        this.cases = cases;
        this.ladder = ladder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String limit = (String) execution.getVariable(HANDLING_LIMIT);
        Date start = ClockUtil.getCurrentTime();
        Date due = engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate(limit, start);
        // the start stays, so that a change of the holiday table can count the limit again (CaseDeadlines)
        execution.setVariable(HANDLING_START, start);
        execution.setVariable(HANDLING_DUE, due);
        execution.setVariables(ladder.handlingRungs(execution::getVariable, start.toInstant(), due));
        cases.of(execution.getProcessBusinessKey()).follow(CaseFile.factsOf(execution));
    }
}
