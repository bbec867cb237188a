package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.PostgresTest;
import org.gridcase.system.ConflictException;
import org.gridcase.system.InvalidRequestException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 协调响应评价 on a hand-built February 2023 (a month no other test uses): seven lead departments, the scores
 * worked out here under 30 / 35 / 35, one below the minimum of five cases; then the month closed, a case changed
 * (the frozen table does not move), and an explicit recomputation (it does, and the log says who and why).
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DepartmentEvaluationTests {

    static final YearMonth FEBRUARY = YearMonth.of(2023, 2);

    @Autowired
    DepartmentEvaluation evaluation;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    private FactRows rows;
    private int number;

    @BeforeAll
    void month() {
        jdbc.update("DELETE FROM checkin_fact WHERE case_number LIKE 'EV2-%'");
        jdbc.update("DELETE FROM ladder_fact WHERE case_number LIKE 'EV2-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'EV2-%'");
        jdbc.update("DELETE FROM evaluation_month_row WHERE evaluated_month = '2023-02'");
        jdbc.update("DELETE FROM evaluation_month_log WHERE evaluated_month = '2023-02'");
        jdbc.update("DELETE FROM evaluation_month WHERE evaluated_month = '2023-02'");
        rows = new FactRows(jdbc);
        number = 0;
        // department: cases; on time; solved; then satisfaction answers
        lead("eva", 6, 6, 6, "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED");
        lead("evb", 6, 3, 3, "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED");
        // closed unresolved all five: closed but never solved; two did not rate (out of the rate)
        lead("evc", 5, 5, 0, "SATISFIED", "BASICALLY_SATISFIED", "UNSATISFIED", "NO_RESPONSE", "NO_RESPONSE");
        lead("evd", 4, 4, 4, "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED"); // below the minimum of 5
        lead("eve", 5, 4, 5, "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED", "SATISFIED");
        lead("evf", 5, 1, 1, "SATISFIED", "UNSATISFIED", "UNSATISFIED", "UNSATISFIED", "UNSATISFIED");
        lead("evg", 5, 3, 3, "SATISFIED", "SATISFIED", "SATISFIED", "UNSATISFIED", "UNSATISFIED");
        // eva also assisted twice: listed among the assisting, not ranked there
        rows.summons("EV2-1", "eva", false, "2023-02-03T10:00:00+08:00", true, false, 20);
        rows.summons("EV2-2", "eva", false, "2023-02-03T10:00:00+08:00", true, false, 20);
        // evb's cases are EV2-7 to EV2-12: a late check-in warned, then its handling escalated and red-carded twice
        rows.rung("EV2-7", "CHECK_IN", "WARNING", "evb", "2023-02-01T10:00:00+08:00");
        rows.rung("EV2-7", "HANDLING", "ESCALATION", "evb", "2023-02-02T10:00:00+08:00");
        rows.rung("EV2-7", "HANDLING", "RED_CARD", "evb", "2023-02-03T10:00:00+08:00");
        rows.rung("EV2-8", "HANDLING", "RED_CARD", "evb", "2023-03-05T10:00:00+08:00"); // later, still its case
        // not evb's: the street's own ladder on its case, and a department evb's case never summoned
        rows.rung("EV2-8", "WHISTLE", "RED_CARD", null, "2023-02-03T10:00:00+08:00");
        rows.rung("EV2-9", "HANDLING", "RED_CARD", "evz", "2023-02-03T10:00:00+08:00");
    }

    @AfterEach
    void defaults() {
        identity.clearAuthentication();
        jdbc.update("UPDATE evaluation_settings SET response_weight = 30, solved_weight = 35, satisfaction_weight = 35,"
                + " minimum_cases = 5 WHERE id = 1");
    }

    @Test
    void scoresRanksAndListsTheBestAndWorstThree() {
        DepartmentTable table = asSupervisor(() -> evaluation.table(FEBRUARY));

        assertThat(table.frozen()).isFalse();
        assertThat(table.lead()).extracting(r -> r.departmentCode() + " " + r.score() + " " + r.place())
                .containsSubsequence("eva 100.0 1", "eve 94.0 2", "evb 67.5 3", "evg 60.0 4", "evc 53.33 5",
                        "evf 20.0 6");
        DepartmentRow c = row(table.lead(), "evc");
        assertThat(c).extracting(DepartmentRow::solvedRate, DepartmentRow::answered, DepartmentRow::satisfactionRate,
                DepartmentRow::rated, DepartmentRow::unrated).containsExactly(0.0, 5, 66.67, 3, 2);
        DepartmentRow d = row(table.lead(), "evd");
        assertThat(d.score()).isEqualTo(100.0);
        assertThat(d.ranked()).as("four cases, below the minimum of five").isFalse();
        assertThat(d.place()).isNull();
        assertThat(table.leadRedList()).extracting(DepartmentRow::departmentCode).startsWith("eva", "eve", "evb");
        assertThat(table.leadBlackList()).extracting(DepartmentRow::departmentCode).containsExactly("evf", "evc", "evg");
        assertThat(row(table.assisting(), "eva").ranked()).isFalse();
    }

    @Test
    void countsTheLaddersRungsAimedAtEachDepartmentOnItsCases() {
        DepartmentTable table = asSupervisor(() -> evaluation.table(FEBRUARY));

        DepartmentRow b = row(table.lead(), "evb");
        // six cases: 1 warning, 1 escalation, 2 red cards → 16.67, 16.67 and 33.33 per 100
        assertThat(b).extracting(DepartmentRow::warnings, DepartmentRow::escalations, DepartmentRow::redCards,
                DepartmentRow::warningsPer100, DepartmentRow::escalationsPer100, DepartmentRow::redCardsPer100)
                .containsExactly(1, 1, 2, 16.67, 16.67, 33.33);
        assertThat(b.score()).as("the rungs do not enter the score").isEqualTo(67.5);
        DepartmentRow c = row(table.lead(), "evc");
        assertThat(c).extracting(DepartmentRow::redCards, DepartmentRow::redCardsPer100).containsExactly(0, 0.0);
        assertThat(table.lead()).extracting(DepartmentRow::departmentCode).doesNotContain("evz");
    }

    @Test
    void weighsAsTheAdministratorSets() {
        asAdministrator(() -> evaluation.changeSettings(new EvaluationSettings.Change(100, 0, 0, 4)));

        DepartmentTable table = asSupervisor(() -> evaluation.table(FEBRUARY));

        assertThat(row(table.lead(), "evb").score()).isEqualTo(50.0);
        assertThat(row(table.lead(), "evd").ranked()).as("four cases now meet the minimum").isTrue();
        assertThatThrownBy(() -> asAdministrator(() -> evaluation.changeSettings(
                new EvaluationSettings.Change(0, 0, 0, 5)))).isInstanceOf(InvalidRequestException.class)
                .hasMessageStartingWith("responseWeight:");
        assertThatThrownBy(() -> asSupervisor(() -> evaluation.changeSettings(
                new EvaluationSettings.Change(30, 35, 35, 5)))).isInstanceOf(NotAllowed.class);
    }

    @Test
    void freezesAClosedMonthUntilAnAdministratorRecomputesItWithAReason() {
        try {
            closeChangeAndRecompute();
        } finally {
            month(); // the month as the other tests expect it: open, as built
        }
    }

    private void closeChangeAndRecompute() {
        assertThatThrownBy(() -> asSupervisor(() -> evaluation.close(FEBRUARY))).isInstanceOf(NotAllowed.class);
        asAdministrator(() -> evaluation.close(FEBRUARY));
        assertThatThrownBy(() -> asAdministrator(() -> evaluation.close(FEBRUARY)))
                .isInstanceOf(ConflictException.class);

        // a late correction: every one of evf's reporters satisfied after all
        jdbc.update("UPDATE case_fact SET satisfaction = 'SATISFIED' WHERE lead_department = 'evf'");
        DepartmentTable frozen = asSupervisor(() -> evaluation.table(FEBRUARY));
        assertThat(frozen.frozen()).isTrue();
        assertThat(frozen.closedBy()).isEqualTo("test.admin");
        assertThat(row(frozen.lead(), "evf").score()).as("the published figure stands").isEqualTo(20.0);
        rows.rung("EV2-9", "HANDLING", "RED_CARD", "evb", "2023-03-10T10:00:00+08:00");
        assertThat(row(asSupervisor(() -> evaluation.table(FEBRUARY)).lead(), "evb").redCards())
                .as("the red cards as closed").isEqualTo(2);

        assertThatThrownBy(() -> asAdministrator(() -> evaluation.recompute(FEBRUARY, " ")))
                .hasMessageStartingWith("reason:");
        DepartmentTable recomputed = asAdministrator(() -> evaluation.recompute(FEBRUARY, "回访记录更正"));
        // 30 × 20 + 35 × 20 + 35 × 100 = 4800 → 48
        assertThat(row(recomputed.lead(), "evf").score()).isEqualTo(48.0);
        assertThat(row(recomputed.lead(), "evb").redCards()).isEqualTo(3);
        assertThat(evaluation.log(FEBRUARY)).extracting(e -> e.action() + " " + e.actedBy() + " " + e.reason())
                .containsExactly("CLOSED test.admin null", "RECOMPUTED test.admin 回访记录更正");
    }

    @Test
    void showsADepartmentItsOwnRowsOnly() {
        DepartmentTable own = as("evb.user", List.of("dept-evb"), () -> evaluation.table(FEBRUARY));
        assertThat(own.lead()).extracting(DepartmentRow::departmentCode).containsExactly("evb");
        assertThat(own.leadRedList()).extracting(DepartmentRow::departmentCode).containsExactly("evb");

        DepartmentTable street = as("street.user", List.of("street-996601001"), () -> evaluation.table(FEBRUARY));
        assertThat(street.lead()).isEmpty();
    }

    @Test
    void refusesAMonthItCannotReadOrThatHasNotEnded() {
        assertThatThrownBy(() -> DepartmentEvaluation.month("2023-13")).hasMessageStartingWith("month:");
        assertThatThrownBy(() -> asAdministrator(() -> evaluation.close(YearMonth.now().plusMonths(1))))
                .hasMessageStartingWith("month:");
    }

    /** {@code cases} cases led by the department in February, the first {@code onTime} checked in on time, the
     * first {@code solved} solved (the rest unresolved), answering the satisfactions given. */
    private void lead(String department, int cases, int onTime, int solved, String... satisfactions) {
        for (int i = 0; i < cases; i++) {
            String caseNumber = "EV2-" + (++number);
            String day = String.format("2023-02-%02d", 1 + i);
            rows.received(caseNumber, "996601001", day + "T09:00:00+08:00").dispatchedTo(department)
                    .closed(day + "T18:00:00+08:00", true, i < solved ? "RESOLVED" : "UNRESOLVED", satisfactions[i])
                    .insert();
            rows.summons(caseNumber, department, true, day + "T09:10:00+08:00", true, i >= onTime, 30);
        }
    }

    private static DepartmentRow row(List<DepartmentRow> rows, String code) {
        return rows.stream().filter(r -> r.departmentCode().equals(code)).findFirst().orElseThrow();
    }

    private <T> T asSupervisor(Supplier<T> query) {
        return as("test.supervisor", List.of("supervisors"), query);
    }

    private <T> T asAdministrator(Supplier<T> query) {
        return as("test.admin", List.of("camunda-admin"), query);
    }

    private <T> T as(String user, List<String> groups, Supplier<T> query) {
        identity.setAuthentication(user, groups);
        try {
            return query.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
