package org.gridcase.consultation;

import static org.gridcase.consultation.ConsultationVariables.*;

import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.gridcase.casework.CaseParties;
import org.gridcase.identity.CamundaGroups;
import org.gridcase.registry.DepartmentKind;
import org.gridcase.registry.DepartmentService;
import org.springframework.stereotype.Component;

/**
 * SubProcess_Commitment, as each commitment's instance starts: the commitment's fields as local variables of the
 * instance, which its tasks, timers and the ladder read. A department's task goes to its group. An outside body's
 * goes to its group and to the convening unit's: outside bodies rarely have staff with logins, so the convening
 * unit records what they did on their behalf, and a body that does have a login does it itself, and may open the
 * case (CaseParties) as a summoned department does. The instance's decision and notes are declared here, locally,
 * so that parallel commitments do not share them.
 */
@Component("commitmentListener")
class CommitmentListener implements ExecutionListener {

    private final DepartmentService registry;
    private final CaseParties parties;

    CommitmentListener(DepartmentService registry, CaseParties parties) {
        this.registry = registry;
        this.parties = parties;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Map<?, ?> commitment = (Map<?, ?>) execution.getVariable(COMMITMENT);
        String party = String.valueOf(commitment.get(PARTY));
        String own = CamundaGroups.ofDepartment(party);
        boolean outsideBody = registry.find(party).map(d -> d.kind() == DepartmentKind.OUTSIDE_BODY).orElse(false);
        execution.setVariableLocal(COMMITMENT_SEQ, ((Number) commitment.get(SEQ)).intValue());
        execution.setVariableLocal(COMMITMENT_TASK, String.valueOf(commitment.get(TASK)));
        execution.setVariableLocal(COMMITMENT_PARTY_NAME, String.valueOf(commitment.get(PARTY_NAME)));
        execution.setVariableLocal(COMMITMENT_DEPARTMENT, party);
        execution.setVariableLocal(COMMITMENT_GROUP, own);
        execution.setVariableLocal(COMMITMENT_CANDIDATES,
                outsideBody ? own + "," + execution.getVariable(CONVENER_GROUP) : own);
        execution.setVariableLocal(COMMITMENT_DUE, Date.from(Instant.parse(String.valueOf(commitment.get(DEADLINE)))));
        execution.setVariableLocal(COMMITMENT_ACCEPTED, false);
        execution.setVariableLocal(FULFILMENT_NOTE, null);
        execution.setVariableLocal(CHECK_NOTE, null);
        // the party may open the case from now on, to do its part (casework decides who reads a case)
        parties.committed(execution.getProcessBusinessKey(), party, ClockUtil.getCurrentTime().toInstant());
    }
}
