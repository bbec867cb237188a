package org.gridcase.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.gridcase.casework.CaseDetails;
import org.junit.jupiter.api.Test;

/** A check-in's light from its deadline, its warning and the moment asked, whether or not a timer has run. */
class CheckInLightTests {

    static final Instant SUMMONED = Instant.parse("2025-10-09T02:00:00Z");
    static final Instant WARN = SUMMONED.plusSeconds(24 * 60);
    static final Instant DUE = SUMMONED.plusSeconds(30 * 60);

    @Test
    void notYetCheckedInIsNoneThenYellowAtTheWarningThenRedPastTheDeadline() {
        CaseDetails.Department waiting = department(null, false);
        assertThat(CheckInLight.of(waiting, WARN, WARN.minusSeconds(1))).isEqualTo(CheckInLight.NONE);
        assertThat(CheckInLight.of(waiting, WARN, WARN)).isEqualTo(CheckInLight.YELLOW);
        assertThat(CheckInLight.of(waiting, WARN, DUE)).isEqualTo(CheckInLight.YELLOW);
        // red from the deadline itself, before the ladder's timer has marked the check-in late
        assertThat(CheckInLight.of(waiting, WARN, DUE.plusSeconds(1))).isEqualTo(CheckInLight.RED);
    }

    @Test
    void checkedInIsGreenOnTimeAndRedWhenLate() {
        assertThat(CheckInLight.of(department(DUE, false), WARN, DUE.plusSeconds(3600))).isEqualTo(CheckInLight.GREEN);
        assertThat(CheckInLight.of(department(DUE.plusSeconds(1), false), WARN, DUE.plusSeconds(3600)))
                .isEqualTo(CheckInLight.RED);
        assertThat(CheckInLight.of(department(WARN, true), WARN, DUE)).isEqualTo(CheckInLight.RED);
    }

    private static CaseDetails.Department department(Instant checkedInAt, boolean late) {
        return new CaseDetails.Department("xiaofang", false, SUMMONED, DUE, checkedInAt,
                checkedInAt == null ? null : "dept.xiaofang", null, late, late ? DUE : null);
    }
}
