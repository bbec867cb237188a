package org.gridcase.casework;

import java.time.Instant;
import java.util.List;

import org.gridcase.registry.Urgency;

/**
 * A past case written straight into the records, without a process instance: the demo district's generated
 * history ({@link HistoricCases}). What the record holds of a case that ran its course: where, what, who handled
 * it, its stages, summonses and ladder rungs, and its outcome.
 */
public record HistoricCase(String caseNumber, String category, String categoryName, Urgency urgency,
        String description, String address, Double lat, Double lon, String gridCode, String communityCode,
        String streetCode, Channel channel, String openedBy, CaseStatus status, String leadDepartment,
        Instant handlingDue, String handlingOutcome, String resolution, String satisfaction, String ratedBy,
        int reopenCount, int returnCount, int extensionCount, int supervisionCount, Instant receivedAt,
        Instant closedAt, List<Stage> stages, List<Summons> summonses, List<Rung> rungs) {

    public record Stage(CaseStatus status, Instant enteredAt) {
    }

    public record Summons(String departmentCode, boolean lead, Instant summonedAt, Instant checkInDue,
            Instant checkedInAt, boolean late, Instant lateAt) {
    }

    public record Rung(LadderStage stage, LadderRung rung, String departmentCode, Instant occurredAt) {
    }
}
