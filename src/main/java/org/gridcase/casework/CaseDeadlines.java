package org.gridcase.casework;

import static org.gridcase.casework.GridReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Execution;
import org.gridcase.worktime.WorkingCalendarChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The dates a case's timers read: the handling deadline (a date, because an approved extension moves it) and the
 * rungs of the escalation ladders. After a change of the holiday table, or of the limits, they are counted again
 * from when each stage started, before the engine resolves its timers and due dates again (which then read the
 * new dates). A deadline a street set by approving an extension is a decision, and stays.
 */
@Component
class CaseDeadlines {

    private static final Logger log = LoggerFactory.getLogger(CaseDeadlines.class);

    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl engine;
    private final CaseFile cases;
    private final EscalationLadder ladder;

    CaseDeadlines(RuntimeService runtime, ProcessEngineConfigurationImpl engine, CaseFile cases,
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
        log.info("Holiday arrangement for {} changed: deadlines of {} cases counted again", change.year(), moved);
    }

    /** Counts a case's deadline dates again; false when nothing moved. */
    boolean recount(String processInstanceId, String caseNumber) {
        boolean ladders = recountCheckInLadders(processInstanceId) | recountOnTheSpotLadder(processInstanceId);
        return recountHandling(processInstanceId, caseNumber) | ladders;
    }

    /** Each summoned department's ladder lives in its check-in instance, counted from its summons. */
    private boolean recountCheckInLadders(String processInstanceId) {
        boolean moved = false;
        for (Execution execution : runtime.createExecutionQuery().processInstanceId(processInstanceId).list()) {
            if (runtime.getVariableLocal(execution.getId(), CHECK_IN_START) instanceof Date started) {
                EscalationLadder.Schedule schedule = ladder.schedule(LadderStage.CHECK_IN,
                        name -> runtime.getVariable(execution.getId(), name), started,
                        (String) runtime.getVariable(execution.getId(), CHECK_IN_LIMIT));
                moved |= setIfChanged(execution.getId(), CHECK_IN_WARN_AT, schedule.warnAt(), true);
                moved |= setIfChanged(execution.getId(), CHECK_IN_RED_CARD_AT, schedule.redCardAt(), true);
            }
        }
        return moved;
    }

    private boolean recountOnTheSpotLadder(String processInstanceId) {
        if (!(runtime.getVariable(processInstanceId, ON_THE_SPOT_START) instanceof Date started)) {
            return false;
        }
        EscalationLadder.Schedule schedule = ladder.schedule(LadderStage.ON_THE_SPOT,
                name -> runtime.getVariable(processInstanceId, name), started,
                (String) runtime.getVariable(processInstanceId, RESPONSE_LIMIT));
        return setIfChanged(processInstanceId, ON_THE_SPOT_WARN_AT, schedule.warnAt(), false);
    }

    private boolean setIfChanged(String executionId, String name, Date value, boolean local) {
        Object before = local ? runtime.getVariableLocal(executionId, name) : runtime.getVariable(executionId, name);
        if (value.equals(before)) {
            return false;
        }
        if (local) {
            runtime.setVariableLocal(executionId, name, value);
        } else {
            runtime.setVariable(executionId, name, value);
        }
        return true;
    }

    private Date resolve(String limit, Date start) {
        return engine.getBusinessCalendarManager().getBusinessCalendar(DueDateBusinessCalendar.NAME)
                .resolveDuedate(limit, start);
    }

    /** Counts the handling limit again from when handling started, unless a street extended it. */
    private boolean recountHandling(String processInstanceId, String caseNumber) {
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
        Date recounted = resolve(limit.toString(), started);
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
