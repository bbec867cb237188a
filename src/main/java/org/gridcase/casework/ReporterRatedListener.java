package org.gridcase.casework;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Event_ReporterRated, when the rating arrives (its end, not its start: the event starts when the rating window
 * opens): the reporter's rating is this round's return visit, so the case enters 回访 with the rating copied, as
 * after the community's call.
 */
@Component("reporterRatedListener")
class ReporterRatedListener implements ExecutionListener {

    private final CaseStageListener stage;

    ReporterRatedListener(CaseFile cases) {
        this.stage = new CaseStageListener(CaseStatus.RETURN_VISIT, cases);
    }

    @Override
    public void notify(DelegateExecution execution) {
        stage.notify(execution);
    }
}
