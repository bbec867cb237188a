package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseStatus;
import org.gridcase.registry.Urgency;
import org.junit.jupiter.api.Test;

/**
 * Why a case is on the district board, and whether it counts as overdue in its street's figure: for each status in
 * which the case waits for a limit on its record (the grid's response, a placement by hand, the whistle, the return
 * visit, a mediation session), the same answer as the list's 已超时 view (CaseNarrowing), before and after the limit.
 */
class BoardReasonsTests {

    static final Instant DUE = Instant.parse("2026-11-30T02:00:00Z");

    @Test
    void aCaseWaitingPastTheLimitOnItsRecordIsOverdueWithItsStepsReason() {
        assertThat(reasonsAfterTheLimit(CaseStatus.ON_THE_SPOT)).containsExactly("响应超时");
        assertThat(reasonsAfterTheLimit(CaseStatus.RECEIVED)).containsExactly("定位超时");
        assertThat(reasonsAfterTheLimit(CaseStatus.WHISTLED)).containsExactly("吹哨超时");
        for (CaseStatus waiting : CaseStatus.AWAITING_DISPATCH) {
            assertThat(BoardCases.dispatchOverdue(waiting(waiting), DUE.plusSeconds(1))).as(waiting.name()).isTrue();
            assertThat(BoardCases.dispatchOverdue(waiting(waiting), DUE.minusSeconds(1))).as(waiting.name())
                    .isFalse();
        }
    }

    @Test
    void onceDispatchedTheLimitOnTheRecordNoLongerCounts() {
        for (CaseStatus status : List.of(CaseStatus.CHECKING_IN, CaseStatus.HANDLING, CaseStatus.CLOSED)) {
            assertThat(BoardCases.dispatchOverdue(waiting(status), DUE.plusSeconds(1))).as(status.name()).isFalse();
            assertThat(reasonsAfterTheLimit(status)).as(status.name()).isEmpty();
        }
    }

    @Test
    void aReturnVisitASessionOrACommitmentPastItsDueDateIsOverdueWithItsStepsReason() {
        assertThat(BoardCases.reasons(atStep(CaseStatus.RETURN_VISIT), DUE.plusSeconds(60))).containsExactly("回访超时");
        assertThat(BoardCases.reasons(atStep(CaseStatus.MEDIATING), DUE.plusSeconds(60))).containsExactly("调解超时");
        assertThat(BoardCases.reasons(atStep(CaseStatus.HANDLING), DUE.plusSeconds(60))).as("a meeting's commitment")
                .containsExactly("承诺逾期");
        for (CaseStatus status : List.of(CaseStatus.RETURN_VISIT, CaseStatus.MEDIATING, CaseStatus.HANDLING)) {
            assertThat(BoardCases.overdue(atStep(status), DUE.plusSeconds(1))).as(status.name()).isTrue();
            assertThat(BoardCases.overdue(atStep(status), DUE.minusSeconds(1))).as(status.name()).isFalse();
            assertThat(BoardCases.reasons(atStep(status), DUE.minusSeconds(1))).as(status.name()).isEmpty();
        }
    }

    @Test
    void theDistrictBoardPaintsEveryStepPastItsLimitRed() throws java.io.IOException {
        String page = java.nio.file.Files.readString(java.nio.file.Path.of(
                "src/main/resources/static/workbench/js/district-board.js"));
        java.util.Set<String> late = new java.util.TreeSet<>();
        for (CaseStatus status : CaseStatus.values()) {
            late.addAll(reasonsAfterTheLimit(status));
            late.addAll(BoardCases.reasons(atStep(status), DUE.plusSeconds(60)));
        }
        assertThat(late).contains("吹哨超时", "回访超时", "承诺逾期");
        assertThat(late).allSatisfy(reason -> assertThat(page).as(reason).contains("'" + reason + "': 'red'"));
    }

    private static List<String> reasonsAfterTheLimit(CaseStatus status) {
        return BoardCases.reasons(waiting(status), DUE.plusSeconds(60));
    }

    /** A routine case in the given status whose record holds a dispatch limit, and nothing else late. */
    private static CaseDetails waiting(CaseStatus status) {
        return record(status, DUE, null);
    }

    /** A routine case in the given status at a step due then (the return visit, a mediation session). */
    private static CaseDetails atStep(CaseStatus status) {
        return record(status, null, DUE);
    }

    private static CaseDetails record(CaseStatus status, Instant dispatchDue, Instant stepDue) {
        return new CaseDetails("LH20261130001", status, status.label(), "PROPERTY.STAIRWELL_LIGHT", "楼道灯不亮",
                Urgency.ROUTINE, "楼道灯不亮", "牡丹庄园7号楼", null, null, null, "610104007001001", null,
                "610104007", null, null, null, null, null, List.of(), null, null, null, null, null, null, null, null,
                0, 0, 0, DUE.minusSeconds(3600), null, null, List.of(), List.of(), List.of(), 0, dispatchDue, stepDue);
    }
}
