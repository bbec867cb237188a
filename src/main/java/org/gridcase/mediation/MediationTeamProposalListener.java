package org.gridcase.mediation;

import static org.gridcase.mediation.MediationVariables.*;

import java.util.Comparator;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.gridcase.registry.MediationSpeciality;
import org.gridcase.registry.MediationTeamService;
import org.gridcase.registry.MediationTeamView;
import org.springframework.stereotype.Component;

/**
 * Task_AssignMediator, when created: MediatorProposal.dmn (Task_ProposeMediator) gave a speciality and a level; the registry's active team
 * of that unit (the case's community, or its street) with that speciality — or, when none has it, any of its
 * teams — with the fewest open mediations is proposed, and the community confirms or changes it in the form.
 */
@Component("mediationTeamProposalListener")
class MediationTeamProposalListener implements TaskListener {

    static final String PROPOSED_SPECIALITY = "proposedSpeciality";
    static final String PROPOSED_SPECIALITY_LABEL = "proposedSpecialityLabel";
    static final String PROPOSED_TEAM = "proposedTeam";

    private final MediationTeamService teams;
    private final MediationRecords records;

    MediationTeamProposalListener(MediationTeamService teams, MediationRecords records) {
        this.teams = teams;
        this.records = records;
    }

    @Override
    public void notify(DelegateTask execution) {
        boolean street = "STREET".equals(execution.getVariable(MEDIATION_LEVEL));
        String unit = (String) execution.getVariable(street ? STREET_CODE : COMMUNITY_CODE);
        String speciality = (String) execution.getVariable(PROPOSED_SPECIALITY);
        execution.setVariable(PROPOSED_SPECIALITY_LABEL, MediationSpeciality.valueOf(speciality).label());
        List<MediationTeamView> active = teams.activeIn(unit);
        List<MediationTeamView> matching = active.stream()
                .filter(team -> team.speciality().name().equals(speciality)).toList();
        (matching.isEmpty() ? active : matching).stream()
                .min(Comparator.comparingLong((MediationTeamView team) -> records.openMediations(team.name()))
                        .thenComparing(MediationTeamView::code))
                .ifPresentOrElse(team -> {
                    execution.setVariable(PROPOSED_TEAM, team.name() + "（" + team.specialityLabel() + "："
                            + String.join("、", team.mediators().stream().map(MediationTeamView.Mediator::name)
                                    .toList()) + "）");
                    execution.setVariable(MEDIATOR_NAME, team.name());
                }, () -> execution.setVariable(PROPOSED_TEAM, "本级尚无登记的调解小组，请填写调解员"));
    }
}
