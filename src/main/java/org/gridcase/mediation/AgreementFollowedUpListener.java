package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_FollowUpAgreement, on complete: whether the agreement was performed (履行回访), on the latest agreement. */
@Component("agreementFollowedUpListener")
class AgreementFollowedUpListener implements TaskListener {

    private final MediationRecords records;

    AgreementFollowedUpListener(MediationRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean performed = yes(task.getVariable(AGREEMENT_PERFORMED));
        task.setVariable(AGREEMENT_PERFORMED, performed);
        records.followedUp(task.getExecution().getProcessBusinessKey(), performed,
                text(task.getVariable(FOLLOW_UP_NOTE)), MediationRecords.by(task), MediationRecords.now());
    }
}
