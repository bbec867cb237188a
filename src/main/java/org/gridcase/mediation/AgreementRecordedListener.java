package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.photo.PhotosLinked;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Task_RecordAgreement, on complete: the agreement (调解协议书) goes into the mediation record, kept with the case;
 * the photos of the signed copy it links to become the case's photos (调解协议书), so that the nightly cleanup of
 * uploads no case claimed does not delete them a day later.
 */
@Component("agreementRecordedListener")
class AgreementRecordedListener implements TaskListener {

    static final String SIGNED_COPY_STAGE = "调解协议书";

    private final MediationRecords records;
    private final ApplicationEventPublisher events;

    AgreementRecordedListener(MediationRecords records, ApplicationEventPublisher events) {
        this.records = records;
        this.events = events;
    }

    @Override
    public void notify(DelegateTask task) {
        records.agreement(task.getExecution().getProcessBusinessKey(),
                String.valueOf(text(task.getVariable(AGREEMENT_PARTIES))),
                String.valueOf(text(task.getVariable(AGREEMENT_FACTS))),
                String.valueOf(text(task.getVariable(AGREEMENT_TERMS))),
                text(task.getVariable(SIGNED_COPY_LINKS)), MediationRecords.by(task), MediationRecords.now());
        String links = text(task.getVariable(SIGNED_COPY_LINKS));
        if (links != null) {
            List<String> each = Arrays.stream(links.split("\\s+")).filter(link -> !link.isBlank()).toList();
            events.publishEvent(new PhotosLinked(task.getExecution().getProcessBusinessKey(), each,
                    SIGNED_COPY_STAGE, MediationRecords.by(task)));
        }
    }
}
