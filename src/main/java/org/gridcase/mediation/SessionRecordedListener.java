package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_RecordSession, on complete: the session goes into the mediation record. When mediation failed and the
 * parties are guided elsewhere, the guidance is what the reporter will be told (mediationResult).
 */
@Component("sessionRecordedListener")
class SessionRecordedListener implements TaskListener {

    private final MediationRecords records;

    SessionRecordedListener(MediationRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = text(task.getVariable(SESSION_OUTCOME));
        boolean failed = "NO_AGREEMENT".equals(outcome);
        String route = failed ? text(task.getVariable(NO_AGREEMENT_ROUTE)) : null;
        String guidanceTo = "GUIDED".equals(route) ? text(task.getVariable(GUIDANCE_TO)) : null;
        String reason = failed ? text(task.getVariable(GUIDANCE_REASON)) : null;
        records.session(task.getExecution().getProcessBusinessKey(), new MediationView.Session(
                MediationRecords.instantOf(task.getVariable(SESSION_DATE)), text(task.getVariable(SESSION_PLACE)),
                text(task.getVariable(PARTIES_PRESENT)), text(task.getVariable(SESSION_METHOD)),
                text(task.getVariable(SESSION_STATEMENTS)), text(task.getVariable(SESSION_AGREED)),
                text(task.getVariable(NEXT_STEP)), outcome == null ? "CONTINUE" : outcome, route, guidanceTo, reason,
                MediationRecords.by(task), MediationRecords.now()));
        if ("GUIDED".equals(route)) {
            task.getExecution().getProcessInstance().setVariable(MEDIATION_RESULT,
                    "调解未能达成协议，已引导当事人通过" + Guidance.labelOf(guidanceTo) + "途径依法解决"
                            + (reason == null ? "" : "（" + reason + "）"));
        }
    }
}
