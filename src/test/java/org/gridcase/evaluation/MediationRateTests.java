package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.gridcase.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 化解率 on hand-built disputes (October 2025, district 996603), the expected numbers worked out here. Traps: a
 * dispute sent to joint mediation counts as resolved only if its last return visit said 解决; one guided to the
 * court is closed but not resolved; an open dispute and one closed in September are not October's; a case that
 * was never mediated is not a dispute at all, closed or not.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediationRateTests {

    static final String DISTRICT = "996603";
    static final String STREET_A = "996603001";
    static final String STREET_B = "996603002";
    static final String NEIGHBOURS = "邻里调解组";
    static final String PROPERTY = "物业调解组";

    @Autowired
    Evaluation evaluation;

    @Autowired
    IdentityService identity;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void disputes() {
        jdbc.update("DELETE FROM mediation_fact WHERE case_number LIKE 'MR1-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'MR1-%'");
        FactRows rows = new FactRows(jdbc);
        // community A: an agreement performed; joint mediation resolved; joint mediation unresolved
        rows.received("MR1-D1", STREET_A, "2025-10-02T09:00:00+08:00")
                .closed("2025-10-10T10:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
        mediation("MR1-D1", NEIGHBOURS, true, false, false);
        rows.received("MR1-D2", STREET_A, "2025-10-03T09:00:00+08:00")
                .closed("2025-10-20T10:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
        mediation("MR1-D2", PROPERTY, false, true, false);
        rows.received("MR1-D3", STREET_A, "2025-10-04T09:00:00+08:00")
                .closed("2025-10-21T10:00:00+08:00", false, "UNRESOLVED", "UNSATISFIED").insert();
        mediation("MR1-D3", NEIGHBOURS, false, true, false);
        // community B: guided to the court; closed without a mediator confirmed; one still open; one September's
        rows.received("MR1-D4", STREET_B, "2025-10-05T09:00:00+08:00")
                .closed("2025-10-08T10:00:00+08:00", true, null, "UNSATISFIED").insert();
        mediation("MR1-D4", NEIGHBOURS, false, false, true);
        rows.received("MR1-D7", STREET_B, "2025-10-06T09:00:00+08:00")
                .closed("2025-10-07T10:00:00+08:00", true, null, null).insert();
        mediation("MR1-D7", null, false, false, false);
        rows.received("MR1-D5", STREET_B, "2025-10-07T09:00:00+08:00").insert();
        mediation("MR1-D5", NEIGHBOURS, false, false, false);
        rows.received("MR1-D6", STREET_B, "2025-09-02T09:00:00+08:00")
                .closed("2025-09-30T10:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
        mediation("MR1-D6", NEIGHBOURS, true, false, false);
        // not a dispute: closed in October, never mediated
        rows.received("MR1-N1", STREET_A, "2025-10-08T09:00:00+08:00")
                .closed("2025-10-09T10:00:00+08:00", true, "RESOLVED", "SATISFIED").insert();
    }

    @Test
    void countsResolvedDisputesOverDisputesClosedWithJointMediationAndGuidanceBeside() {
        Map<Measure, Figure> f = asSupervisor(() -> evaluation.overview(october(), district()).figures().stream()
                .collect(Collectors.toMap(Figure::measure, x -> x)));

        // closed in October: D1 D2 D3 D4 D7 (not D5 open, D6 September's, N1 no dispute); resolved: D1 performed,
        // D2 joint mediation answered 解决 (D3's answered 未解决, D4 guided, D7 neither)
        assertSample(f, Measure.MEDIATION_RATE, 2, 5, 40.0);
        assertThat(f.get(Measure.JOINT_MEDIATIONS).numerator()).isEqualTo(2L); // D2 D3
        assertThat(f.get(Measure.GUIDED_DISPUTES).numerator()).isEqualTo(1L); // D4
        assertThat(Measure.MEDIATION_RATE.kind()).isEqualTo(Measure.Kind.RATE);
        assertThat(Measure.MEDIATION_RATE.definition()).startsWith("化解率 =").contains("履行回访").contains("联合调解");
    }

    @Test
    void breaksTheRateDownPerCommunityAndPerMediationTeam() {
        var byCommunity = asSupervisor(() -> evaluation.breakdown(Dimension.COMMUNITY, october(), district()));
        Map<String, Figure> community = byCommunity.rows().stream().collect(Collectors.toMap(
                r -> String.valueOf(r.key()), r -> figure(r.figures(), Measure.MEDIATION_RATE)));
        // A: D1 D2 of D1 D2 D3; B: none of D4 D7
        assertThat(community.get(STREET_A + "001")).extracting(Figure::numerator, Figure::denominator)
                .containsExactly(2L, 3L);
        assertThat(community.get(STREET_B + "001")).extracting(Figure::numerator, Figure::denominator)
                .containsExactly(0L, 2L);

        var byMediator = asSupervisor(() -> evaluation.breakdown(Dimension.MEDIATOR, october(), district()));
        // 邻里: D1 of D1 D3 D4; 物业: D2 of D2; not confirmed: D7
        assertThat(byMediator.rows()).extracting(r -> r.name() + " " + figure(r.figures(), Measure.MEDIATION_RATE)
                .numerator() + "/" + figure(r.figures(), Measure.MEDIATION_RATE).denominator())
                .containsExactlyInAnyOrder(NEIGHBOURS + " 1/3", PROPERTY + " 1/1", "未确定调解组织 0/1");
        // by mediator, only the mediated cases count at all: N1 is in no row
        assertThat(byMediator.rows()).extracting(r -> figure(r.figures(), Measure.CLOSED).numerator())
                .containsExactlyInAnyOrder(3L, 1L, 1L);
    }

    @Test
    void listsTheDisputesBehindTheRate() {
        var resolved = asSupervisor(() -> evaluation.casesBehind(Measure.MEDIATION_RATE, null, october(), district(),
                null, null, 0, 50));
        assertThat(resolved.total()).isEqualTo(2);
        var closed = asSupervisor(() -> evaluation.casesBehind(Measure.MEDIATION_RATE, "denominator", october(),
                district(), Dimension.MEDIATOR, NEIGHBOURS, 0, 50));
        assertThat(closed.total()).isEqualTo(3);
    }

    private void mediation(String caseNumber, String mediator, boolean performed, boolean joint, boolean guided) {
        jdbc.update("""
                INSERT INTO mediation_fact (case_number, mediation_level, mediator, agreement_performed,
                       joint_mediation, guided, updated_at) VALUES (?, 'COMMUNITY', ?, ?, ?, ?, now())""",
                caseNumber, mediator, performed, joint, guided);
    }

    private Period october() {
        return evaluation.period("MONTH", "2025-10-15", null, null);
    }

    private static Filters district() {
        return new Filters(DISTRICT, null, null, null);
    }

    private static void assertSample(Map<Measure, Figure> f, Measure m, long numerator, long denominator,
            double value) {
        assertThat(f.get(m)).as(m.label()).extracting(Figure::numerator, Figure::denominator, Figure::value)
                .containsExactly(numerator, denominator, value);
    }

    private static Figure figure(List<Figure> figures, Measure m) {
        return figures.stream().filter(x -> x.measure() == m).findFirst().orElseThrow();
    }

    private <T> T asSupervisor(Supplier<T> query) {
        identity.setAuthentication("test.supervisor", List.of("supervisors"));
        try {
            return query.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
