package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ExtendHandlingDeadline: an approved extension moves the handling deadline to the date the lead
 * department proposed. The form's date-time field submits ISO-8601 text with an offset; API clients may send
 * a date.
 */
@Component("extendHandlingDeadlineDelegate")
class ExtendHandlingDeadlineDelegate implements JavaDelegate {

    private final CaseFile cases;
    private final EscalationLadder ladder;

    ExtendHandlingDeadlineDelegate(CaseFile cases, EscalationLadder ladder) {
        this.cases = cases;
        this.ladder = ladder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Date newDue = dateOf(execution.getVariable(PROPOSED_DEADLINE));
        execution.setVariable(HANDLING_DUE, newDue);
        // the warning and the red card keep their shares of the (now longer) time to the deadline
        Date started = (Date) execution.getVariable(HANDLING_START);
        execution.setVariables(ladder.handlingRungs(execution::getVariable, started.toInstant(), newDue));
        cases.of(execution.getProcessBusinessKey()).extendHandling(newDue.toInstant());
    }

    static Date dateOf(Object value) {
        if (value instanceof Date date) {
            return date;
        }
        if (value == null) {
            throw new ProcessEngineException("proposedDeadline is missing: the extension has no new deadline");
        }
        try {
            return Date.from(OffsetDateTime.parse(value.toString()).toInstant());
        } catch (DateTimeParseException e) {
            throw new ProcessEngineException("proposedDeadline is not an ISO-8601 date-time: " + value, e);
        }
    }
}
