package org.gridcase.casework;

import java.time.Instant;
import java.util.Date;

import jakarta.persistence.EntityManager;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.registry.UnitService;
import org.gridcase.system.NotFoundException;
import org.hibernate.Session;
import org.springframework.stereotype.Component;

/**
 * The case record as the process's listeners and delegates reach it: by the business key, inside the engine's
 * transaction. Times are the engine's clock, so that the record and the history agree to the millisecond.
 */
@Component
class CaseFile {

    private final EntityManager entities;
    private final UnitService units;
    private final CaseChanges changes;

    CaseFile(EntityManager entities, UnitService units, CaseChanges changes) {
        this.entities = entities;
        this.units = units;
        this.changes = changes;
    }

    /** The record, watched until the transaction commits, so that whatever the caller changes is announced. */
    CaseRecord of(String caseNumber) {
        CaseRecord record = entities.unwrap(Session.class).bySimpleNaturalId(CaseRecord.class).loadOptional(caseNumber)
                .orElseThrow(() -> new IllegalStateException("No case record for process business key " + caseNumber));
        changes.watch(record, false);
        return record;
    }

    /** The case's report and place, with the registry's current names of its units. */
    CaseHeader header(String caseNumber) {
        return of(caseNumber).header(this::unitName);
    }

    private String unitName(String code) {
        if (code == null) {
            return null;
        }
        try {
            return units.get(code).name();
        } catch (NotFoundException e) {
            return code; // a unit removed from the registry since: its code is what is left to show
        }
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static ProcessFacts factsOf(VariableScope variables) {
        Object due = variables.getVariable(GridReportVariables.HANDLING_DUE);
        Object reopenCount = variables.getVariable(GridReportVariables.REOPEN_COUNT);
        return new ProcessFacts(
                text(variables, GridReportVariables.TRACK),
                text(variables, GridReportVariables.LEAD_DEPARTMENT),
                due instanceof Date date ? date.toInstant() : null,
                text(variables, GridReportVariables.HANDLING_OUTCOME),
                text(variables, GridReportVariables.HANDLING_RESULT),
                text(variables, GridReportVariables.RESOLUTION),
                text(variables, GridReportVariables.SATISFACTION),
                text(variables, GridReportVariables.RATED_BY),
                text(variables, GridReportVariables.RETURN_VISIT_NOTE),
                reopenCount instanceof Number n ? n.intValue() : 0);
    }

    static String text(VariableScope variables, String name) {
        Object value = variables.getVariable(name);
        return value == null ? null : value.toString();
    }
}
