package org.gridcase.casework;

import java.time.Instant;
import java.util.List;

import org.gridcase.registry.Urgency;

/**
 * Everything the record holds about a case, as one caller may see it: {@link CaseQueries} gives the reporter's
 * phone in full only to those who call the reporter back (see CaseAccess). The intake API shows residents a
 * safe part. {@code openedBy} is the member of staff who registered the case, null for an anonymous report;
 * {@code channelSource} where within its channel it came from (grid:… for a community's QR code, app:… for an
 * Open311 app), null when the channel says all; {@code supervisionCount} how many supervision (督办) tasks were
 * opened for it, overdue or by hand; {@code dispatchDue} the limit of the street's whistle, of the placement by hand
 * or of the grid's response on the spot, whichever the case last waited for (in force while its status is WHISTLED,
 * RECEIVED or ON_THE_SPOT); {@code stepDue} the due date of an open step with a limit of its own, the return visit's
 * or a mediation session's, null while there is none.
 */
public record CaseDetails(String caseNumber, CaseStatus status, String statusLabel, String category,
        String categoryName, Urgency urgency, String description, String address, Double lat, Double lon,
        String reportedGridCode, String gridCode, String communityCode, String streetCode, String reporterName,
        String reporterPhone, Channel channel, String channelSource, String openedBy, List<String> photoLinks,
        String track, String leadDepartment, Instant handlingDue, String handlingOutcome, String handlingResult,
        String resolution, String satisfaction, String ratedBy, int reopenCount, int returnCount, int extensionCount,
        Instant receivedAt, Instant closedAt, String processInstanceId, List<Stage> stages, List<Department> departments,
        List<Escalation> escalations, int supervisionCount, Instant dispatchDue,
        Instant stepDue) {

    public record Stage(CaseStatus status, String label, Instant enteredAt) {
    }

    public record Escalation(LadderStage stage, LadderRung rung, String label, String departmentCode,
            String notifiedGroup, Instant occurredAt) {
    }

    public record Department(String departmentCode, boolean lead, Instant summonedAt, Instant checkInDue,
            Instant checkedInAt, String checkedInBy, String checkInNote, boolean late, Instant lateAt) {
    }
}
