package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.gridcase.worktime.WorkingCalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The handling deadline is a date, because an approved extension moves it; so a change of the holiday table does
 * not reach it by itself. This counts the handling limit again from when handling started, for every case still
 * under its original deadline, before the engine resolves its timers and due dates again (which then read the
 * new date). A deadline a street set by approving an extension is a decision, and stays.
 */
@Component
class HandlingDeadlines {

    private static final Logger log = LoggerFactory.getLogger(HandlingDeadlines.class);

    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl engine;
    private final CaseFile cases;
    private final EscalationLadder ladder;

    HandlingDeadlines(RuntimeService runtime, ProcessEngineConfigurationImpl engine, CaseFile cases,
            EscalationLadder ladder) {
        this.runtime = runtime;
        this.engine = engine;
        this.cases = cases;
        this.ladder = ladder;
    }

    @TransactionalEventListener
    @Order(0)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(WorkingCalendarChanged change) {
        long moved = runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).active().list().stream()
                .filter(instance -> recount(instance.getId(), instance.getBusinessKey()))
                .count();
        log.info("Holiday arrangement for {} changed: {} handling deadlines counted again", change.year(), moved);
    }

    /** Counts the handling limit again from when handling started; false when nothing moved. */
    boolean recount(String processInstanceId, String caseNumber) {
        Object start = runtime.getVariable(processInstanceId, HANDLING_START);
        Object limit = runtime.getVariable(processInstanceId, HANDLING_LIMIT);
        Object due = runtime.getVariable(processInstanceId, HANDLING_DUE);
        if (!(start instanceof Date started) || limit == null || !(due instanceof Date)) {
            return false;
        }
        CaseRecord record = cases.of(caseNumber);
        if (record.extended()) {
            return false;
        }
        Date recounted = engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate(limit.toString(), started);
        if (recounted.equals(due)) {
            return false;
        }
        runtime.setVariable(processInstanceId, HANDLING_DUE, recounted);
        runtime.setVariables(processInstanceId, ladder.handlingRungs(
                name -> runtime.getVariable(processInstanceId, name), started.toInstant(), recounted));
        record.recountHandlingDue(recounted.toInstant());
        return true;
    }
}
