package org.gridcase.mediation;

/**
 * A dispute's mediation record changed (assessed, a mediator confirmed, a session, an agreement, a follow-up):
 * where it stands now, as the evaluation's 化解率 counts it. Published synchronously inside the step's own
 * transaction, so a listener's rows commit or roll back with the step.
 *
 * @param mediationLevel COMMUNITY or STREET; null until a mediator is confirmed
 * @param mediator the mediation team (调解组织) the community confirmed, by its name; null until then
 * @param agreementPerformed the latest agreement was found performed at the follow-up (履行回访)
 * @param jointMediation mediation failed and the street's joint mediation (联合调解) was asked for
 * @param guided mediation failed and the parties were guided to arbitration, court or petition
 */
public record DisputeRecorded(String caseNumber, String mediationLevel, String mediator, boolean agreementPerformed,
        boolean jointMediation, boolean guided) {
}
