package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_RecordAgreement, on complete: the agreement (调解协议书) goes into the mediation record, kept with the case. */
@Component("agreementRecordedListener")
class AgreementRecordedListener implements TaskListener {

    private final MediationRecords records;

    AgreementRecordedListener(MediationRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        records.agreement(task.getExecution().getProcessBusinessKey(),
                String.valueOf(text(task.getVariable(AGREEMENT_PARTIES))),
                String.valueOf(text(task.getVariable(AGREEMENT_FACTS))),
                String.valueOf(text(task.getVariable(AGREEMENT_TERMS))),
                text(task.getVariable(SIGNED_COPY_LINKS)), MediationRecords.by(task), MediationRecords.now());
    }
}
