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
 * The check-ins' monthly sums (V57) give the check-in figures the facts give, P90 included: 2025 in district
 * 996611 (this test's alone), per month, per grid, community and street, per lead and assisting department and
 * within a street's scope, once from the sums and once from the facts (the sums switched off), as inserted and
 * after each change a case's check-ins go through: a late check-in arriving, the case returned and whistled again
 * (its summonses written anew, as the fact writer does), moved to another grid, and deleted. The minutes have
 * ties and an even count, and summonses fall either side of a month's boundary in Beijing that UTC puts elsewhere.
 */
@PostgresTest
class CheckInSumsTests {

    static final String DISTRICT = "996611";
    static final String STREET = "996611001";
    static final String OTHER_STREET = "996611002";
    static final List<Measure> CHECK_INS = List.of(Measure.RESPONSE_RATE, Measure.CHECK_IN_MINUTES_AVERAGE,
            Measure.CHECK_IN_MINUTES_P90);
    static final CaseScope ALL = new CaseScope(true, Set.of(), Set.of(), Set.of(), Set.of(), null);

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
        rows.received("CS1-1", STREET, "2025-03-02T09:00:00+08:00").dispatchedTo("chengguan").insert();
        rows.received("CS1-2", STREET, "2025-03-31T20:00:00+08:00").dispatchedTo("zhujian").insert();
        rows.received("CS1-3", OTHER_STREET, "2025-05-03T09:00:00+08:00").dispatchedTo("chengguan").insert();
        // March: ten check-ins of one grid, the minutes with ties (20 three times) and an even count
        int[] minutes = {10, 20, 20, 20, 30, 40, 50, 60, 70, 80};
        for (int i = 0; i < minutes.length; i++) {
            rows.summons("CS1-1", i % 2 == 0 ? "chengguan" : "zhujian", i % 2 == 0, "2025-03-0%dT10:00:00+08:00"
                    .formatted(2 + i % 7), true, minutes[i] > 60, minutes[i]);
        }
        // either side of 1 April in Beijing: 23:50 on 31 March (March), 00:10 on 1 April (April; still March in UTC)
        rows.summons("CS1-2", "zhujian", true, "2025-03-31T23:50:00+08:00", true, false, 20);
        rows.summons("CS1-2", "chengguan", false, "2025-04-01T00:10:00+08:00", false, true, null);
        rows.summons("CS1-2", "shuiwu", false, "2025-04-01T00:10:00+08:00", false, false, null);
        // May in the other street: a summons not yet answered, and two checked in at the same minute
        rows.summons("CS1-3", "chengguan", true, "2025-05-03T10:00:00+08:00", true, false, 45);
        rows.summons("CS1-3", "zhujian", false, "2025-05-03T10:00:00+08:00", true, false, 45);
        rows.summons("CS1-3", "shuiwu", false, "2025-05-03T10:00:00+08:00", false, false, null);
    }

    @AfterEach
    void clean() {
        jdbc.update("DELETE FROM checkin_fact WHERE case_number LIKE 'CS1-%'");
        jdbc.update("DELETE FROM case_fact WHERE case_number LIKE 'CS1-%'");
    }

    @Test
    void theSumsAnswerTheYearsCheckInsAndEqualTheFacts() {
        Filters district = new Filters(DISTRICT, null, null, null);
        List<String> sums = List.of(Figures.sum(Measure.RESPONSE_RATE.numeratorRow, "1"), CheckInSums.PERCENTILE);
        for (Dimension d : List.of(Dimension.GRID, Dimension.LEAD_DEPARTMENT, Dimension.ASSISTING_DEPARTMENT)) {
            assertThat(months.checkIns(d, year(), false, district, ALL, sums)).as(d.name()).isNotNull();
        }
        assertThat(months.checkIns(null, year(), true, district, ALL, sums)).isEqualTo(CheckInSums.Level.DISTRICT);
        // the ten of March's grid: position 0.9 × 9 = 8.1, between 70 and 80
        Map<String, Map<Measure, Figure>> byGrid = figures.by(Dimension.GRID, CHECK_INS, year(),
                new Filters(STREET, null, null, null), ALL);
        assertThat(byGrid.get(STREET + "001001").get(Measure.CHECK_IN_MINUTES_P90).value())
                .isEqualTo(facts.by(Dimension.GRID, CHECK_INS, year(), new Filters(STREET, null, null, null), ALL)
                        .get(STREET + "001001").get(Measure.CHECK_IN_MINUTES_P90).value());
        assertEqual("as inserted");
    }

    @Test
    void theSumsFollowEveryChange() {
        // a late department checks in at last
        change("UPDATE checkin_fact SET checked_in_at = summoned_at + INTERVAL '5 hours', working_minutes = 300"
                + " WHERE case_number = 'CS1-2' AND department_code = 'chengguan'");
        // CS1-1 returned and whistled again: its summonses written anew, as the fact writer writes them
        jdbc.update("DELETE FROM checkin_fact WHERE case_number = 'CS1-1'");
        rows.summons("CS1-1", "chengguan", true, "2025-03-02T10:00:00+08:00", true, false, 20);
        rows.summons("CS1-1", "zhujian", false, "2025-03-02T10:00:00+08:00", true, true, 130);
        rows.summons("CS1-1", "chengguan", true, "2025-06-01T00:05:00+08:00", true, false, 20);
        assertEqual("CS1-1 whistled again");
        // the case of CS1-3 moved to the first street's grid: its check-ins follow it there
        change("UPDATE case_fact SET street_code = '" + STREET + "', community_code = '" + STREET + "001',"
                + " grid_code = '" + STREET + "001001' WHERE case_number = 'CS1-3'");
        // a summons taken away
        change("DELETE FROM checkin_fact WHERE case_number = 'CS1-2' AND department_code = 'shuiwu'");
        jdbc.update("DELETE FROM checkin_fact WHERE case_number = 'CS1-2'");
        assertEqual("CS1-2's check-ins deleted");
        Integer empty = jdbc.queryForObject("SELECT COUNT(*) FROM checkin_fact_month WHERE summons = 0",
                Integer.class);
        assertThat(empty).as("keys left with no check-in are deleted").isZero();
    }

    private void change(String sql) {
        assertThat(jdbc.update(sql)).isPositive();
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
        Filters district = new Filters(DISTRICT, null, null, null);
        CaseScope street = new CaseScope(false, Set.of(), Set.of(), Set.of(STREET), Set.of(), null);
        assertThat(text(figures.trend(CHECK_INS, year, district, ALL)))
                .as("per month, after " + after).isEqualTo(text(facts.trend(CHECK_INS, year, district, ALL)));
        for (Dimension d : List.of(Dimension.GRID, Dimension.COMMUNITY, Dimension.STREET, Dimension.LEAD_DEPARTMENT,
                Dimension.ASSISTING_DEPARTMENT)) {
            assertThat(text(figures.by(d, CHECK_INS, year, district, ALL)))
                    .as("by " + d + ", after " + after)
                    .isEqualTo(text(facts.by(d, CHECK_INS, year, district, ALL)));
        }
        assertThat(text(Map.of("", figures.total(CHECK_INS, year, district, street))))
                .as("a street's scope, after " + after)
                .isEqualTo(text(Map.of("", facts.total(CHECK_INS, year, district, street))));
        assertThat(text(figures.by(Dimension.GRID, CHECK_INS, year, Filters.NONE, street)))
                .as("a street's grids, after " + after)
                .isEqualTo(text(facts.by(Dimension.GRID, CHECK_INS, year, Filters.NONE, street)));
    }

    private static String text(Map<String, Map<Measure, Figure>> figures) {
        StringBuilder out = new StringBuilder();
        Map<String, Map<Measure, Figure>> sorted = new java.util.TreeMap<>(
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
