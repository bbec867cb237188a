package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_AssessDispute, on complete: keeps the assessment and decides whether the dispute is high risk — 重大, or
 * it could turn violent or collective — which Gateway_HighRisk reads. Decided here rather than in the gateway so
 * that the record and the process cannot disagree on it.
 */
@Component("disputeAssessedListener")
class DisputeAssessedListener implements TaskListener {

    private final MediationRecords records;

    DisputeAssessedListener(MediationRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        String riskLevel = text(task.getVariable(RISK_LEVEL));
        if (riskLevel == null) {
            riskLevel = RiskLevel.NORMAL.name();
            task.setVariable(RISK_LEVEL, riskLevel);
        }
        boolean violent = yes(task.getVariable(MAY_TURN_VIOLENT));
        boolean collective = yes(task.getVariable(MAY_TURN_COLLECTIVE));
        boolean highRisk = RiskLevel.MAJOR.name().equals(riskLevel) || violent || collective;
        task.setVariable(HIGH_RISK, highRisk);
        records.assessed(task.getExecution().getProcessBusinessKey(), text(task.getVariable(PARTIES)), riskLevel,
                violent, collective, highRisk, MediationRecords.by(task), MediationRecords.now());
    }
}
