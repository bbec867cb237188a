package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.gridcase.PostgresTest;
import org.gridcase.casework.CaseScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The monthly sums equal the facts after the facts change: every measure of 2025 in district 996609 (a district
 * of this test alone), per month, per grid, per lead and per assisting department and for a street's scope, once
 * from the monthly sums and once from the facts, after a case is closed, reopened, re-rated, moved to another
 * month, moved to another grid and lead department, and deleted, and after its assisting summonses are written
 * anew, taken away and turned into a lead's (a department summoned twice to one case counts once). The facts' figures are computed with the sums switched off,
 * so the two answers come from different tables.
 */
@PostgresTest
class MonthlySumsTests {

    static final String DISTRICT = "996609";
    static final String STREET = "996609001";
    static final String OTHER_STREET = "996609002";

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NamedParameterJdbcTemplate named;

    @Autowired
    Figures figures;

    @Autowired
    MonthlySums months;

    @Autowired
    SumsFolding folding;

    Figures facts;
    FactRows rows;

    static final CaseScope ALL = new CaseScope(true, Set.of(), Set.of(), Set.of(), Set.of(), null);

    @BeforeEach
    void facts() {
        clean();
        facts = new Figures(named, new MonthlySums(jdbc, ZoneId.of("Asia/Shanghai")) {
            @Override
            boolean kept() {
                return false;
            }
        });
        rows = new FactRows(jdbc);
        rows.received("MS1-1", STREET, "2025-03-02T09:00:00+08:00").dispatchedTo("chengguan")
                .due("2025-03-06T10:00:00+08:00").closed("2025-03-05T10:00:00+08:00", true, "RESOLVED", "SATISFIED")
                .insert();
        rows.received("MS1-2", STREET, "2025-03-31T23:30:00+08:00").dispatchedTo("zhujian").counts(1, 1, 0, 1)
                .ladder(2, 1, 1).due("2025-04-08T10:00:00+08:00").insert();
        rows.received("MS1-3", OTHER_STREET, "2025-04-03T09:00:00+08:00").repeats("MS1-1")
                .closed("2025-04-03T11:00:00+08:00", true, "PARTIALLY", "NO_RESPONSE").insert();
        rows.received("MS1-4", OTHER_STREET, "2025-05-03T09:00:00+08:00").dispatchedTo("chengguan")
                .due("2025-05-06T10:00:00+08:00").closed("2025-05-20T10:00:00+08:00", false, "UNRESOLVED", "UNSATISFIED")
                .insert();
        // assisting departments: zhujian summoned twice to MS1-1 (counted once), chengguan to MS1-2, zhujian to
        // MS1-4; the lead's own summonses count for no assisting department
        rows.summons("MS1-1", "chengguan", true, "2025-03-02T10:00:00+08:00", true, false, 10);
        rows.summons("MS1-1", "zhujian", false, "2025-03-02T10:00:00+08:00", true, false, 30);
        rows.summons("MS1-1", "zhujian", false, "2025-03-03T10:00:00+08:00", false, true, null);
        rows.summons("MS1-2", "chengguan", false, "2025-04-01T10:00:00+08:00", true, false, 5);
        rows.summons("MS1-4", "zhujian", false, "2025-05-03T10:00:00+08:00", true, false, 50);
    }

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM checkin_fact WHERE case_number LIKE 'MS1-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'MS1-%'");
    }

    @Test
    void theSumsAnswerTheYearAndEqualTheFacts() {
        Period year = year();
        assertThat(months.answer(Measure.Anchor.CLOSED, Dimension.GRID, year, false, new Filters(DISTRICT, null,
                null, null), ALL, List.of(Figures.sum("1=1", "1")))).isTrue();
        assertThat(months.answer(Measure.Anchor.RECEIVED, Dimension.ASSISTING_DEPARTMENT, year, false,
                new Filters(DISTRICT, null, null, null), ALL, List.of(Figures.sum("1=1", "1")))).isTrue();
        assertEqual("as inserted");
    }

    @Test
    void aRebuildSumsTheFactsAgainAndDropsWhatWasPending() {
        change("UPDATE case_fact SET satisfaction = 'UNSATISFIED' WHERE case_number = 'MS1-3'");
        rows.summons("MS1-2", "shuiwu", false, "2025-04-02T10:00:00+08:00", true, false, 40);

        for (String rebuild : List.of("case_fact_month_rebuild", "checkin_fact_month_rebuild",
                "case_fact_place_rebuild", "case_fact_assist_rebuild")) {
            jdbc.queryForList("SELECT " + rebuild + "()");
        }

        for (String pending : List.of("case_fact_month_pending", "checkin_fact_month_pending",
                "case_fact_place_month_pending", "case_fact_assist_month_pending")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + pending, Integer.class)).as(pending).isZero();
        }
        assertEqual("every sum rebuilt");
    }

    @Test
    void theSumsFollowEveryChange() {
        // the open case closed, late, resolved and rated
        change("UPDATE case_fact SET closed_at = TIMESTAMP WITH TIME ZONE '2025-04-10 10:00:00+08', on_time = FALSE,"
                + " resolution = 'RESOLVED', satisfaction = 'BASICALLY_SATISFIED' WHERE case_number = 'MS1-2'");
        // reopened: open again, its rating gone
        change("UPDATE case_fact SET closed_at = NULL, on_time = NULL, resolution = NULL, satisfaction = NULL,"
                + " reopen_count = reopen_count + 1 WHERE case_number = 'MS1-1'");
        // re-rated
        change("UPDATE case_fact SET satisfaction = 'UNSATISFIED', resolution = 'UNRESOLVED'"
                + " WHERE case_number = 'MS1-3'");
        // closed again, in another month (00:10 on 1 June in Beijing is still 31 May in UTC: June's)
        change("UPDATE case_fact SET closed_at = TIMESTAMP WITH TIME ZONE '2025-06-01 00:10:00+08', on_time = TRUE,"
                + " resolution = 'RESOLVED', satisfaction = 'SATISFIED' WHERE case_number = 'MS1-1'");
        // moved to the other street's grid and another lead department
        change("UPDATE case_fact SET street_code = '" + OTHER_STREET + "', community_code = '" + OTHER_STREET
                + "001', grid_code = '" + OTHER_STREET + "001001', lead_department = 'zhujian'"
                + " WHERE case_number = 'MS1-4'");
        // MS1-1's summonses written anew (as the fact writer does at every step), one of zhujian's two gone,
        // and shuiwu summoned to assist
        jdbc.update("DELETE FROM checkin_fact WHERE case_number = 'MS1-1'");
        assertEqual("MS1-1's summonses deleted");
        rows.summons("MS1-1", "zhujian", false, "2025-03-02T10:00:00+08:00", true, false, 30);
        rows.summons("MS1-1", "shuiwu", false, "2025-03-04T10:00:00+08:00", true, false, 30);
        assertEqual("MS1-1's summonses written anew");
        change("DELETE FROM checkin_fact WHERE case_number = 'MS1-1' AND department_code = 'shuiwu'");
        change("UPDATE checkin_fact SET lead = TRUE WHERE case_number = 'MS1-4'");
        // a step that changes nothing counted
        change("UPDATE case_fact SET updated_at = CURRENT_TIMESTAMP WHERE case_number = 'MS1-3'");
        // a case taken away with its summonses
        jdbc.update("DELETE FROM checkin_fact WHERE case_number = 'MS1-2'");
        change("DELETE FROM case_fact WHERE case_number = 'MS1-2'");
        Integer empty = jdbc.queryForObject("SELECT COUNT(*) FROM case_fact_month WHERE cases = 0", Integer.class);
        assertThat(empty).as("keys left with no fact are deleted").isZero();
    }

    private void change(String sql) {
        assertThat(jdbc.update(sql)).isEqualTo(1);
        assertEqual(sql);
    }

    /** The same figures whether the facts' latest contributions are still pending or folded into the sums. */
    private void assertEqual(String after) {
        assertEqualNow(after + " (as read, some perhaps pending)");
        folding.fold(true);
        assertEqualNow(after + " (all folded)");
    }

    private void assertEqualNow(String after) {
        Period year = year();
        List<Measure> all = List.of(Measure.values());
        Filters district = new Filters(DISTRICT, null, null, null);
        CaseScope street = new CaseScope(false, Set.of(), Set.of(), Set.of(STREET), Set.of(), null);
        assertThat(text(figures.trend(all, year, district, ALL)))
                .as("per month, after " + after).isEqualTo(text(facts.trend(all, year, district, ALL)));
        for (Dimension d : List.of(Dimension.GRID, Dimension.STREET, Dimension.LEAD_DEPARTMENT, Dimension.CATEGORY,
                Dimension.ASSISTING_DEPARTMENT)) {
            assertThat(text(figures.by(d, all, year, district, ALL)))
                    .as("by " + d + ", after " + after)
                    .isEqualTo(text(facts.by(d, all, year, district, ALL)));
        }
        assertThat(text(figures.by(Dimension.ASSISTING_DEPARTMENT, all, year, Filters.NONE, street)))
                .as("a street's assisting departments, after " + after)
                .isEqualTo(text(facts.by(Dimension.ASSISTING_DEPARTMENT, all, year, Filters.NONE, street)));
        assertThat(text(Map.of("", figures.total(all, year, district, street))))
                .as("a street's scope, after " + after)
                .isEqualTo(text(Map.of("", facts.total(all, year, district, street))));
    }

    private static String text(Map<String, Map<Measure, Figure>> figures) {
        StringBuilder out = new StringBuilder();
        java.util.Map<String, Map<Measure, Figure>> sorted = new java.util.TreeMap<>(
                java.util.Comparator.nullsFirst(java.util.Comparator.<String>naturalOrder()));
        sorted.putAll(figures);
        sorted.forEach((k, fs) -> {
            out.append(k).append(':');
            fs.forEach((m, f) -> out.append(' ').append(m).append('=').append(f.numerator()).append('/')
                    .append(f.denominator()).append('=').append(f.value()));
            out.append('\n');
        });
        return out.toString();
    }

    private static Period year() {
        return Period.of("YEAR", "2025-01-01", null, null, ZoneId.of("Asia/Shanghai"), java.time.LocalDate.now());
    }
}
