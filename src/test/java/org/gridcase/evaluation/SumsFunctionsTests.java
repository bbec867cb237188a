package org.gridcase.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.gridcase.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The functions the sums' triggers call at every fact a step writes are PL/pgSQL (V60), whose statements PostgreSQL
 * prepares once per connection; a SQL-language function is parsed and planned anew at every call. Since V61 they
 * append to the sums' pending tables, with a plan made once per connection whatever the connection's plan mode. What they add is
 * checked by MonthlySumsTests and CheckInSumsTests, which compare the sums with the facts.
 */
@PostgresTest
class SumsFunctionsTests {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFunctionsEveryFactCallsAreInPlpgsql() {
        List<String> languages = jdbc.queryForList("""
                SELECT p.proname || ' ' || l.lanname FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
                 WHERE p.proname IN ('case_fact_month_add', 'case_fact_place_add', 'case_fact_assist_add',
                                     'checkin_fact_month_add')
                   AND p.pronamespace = current_schema()::regnamespace""", String.class);

        assertThat(languages).containsExactlyInAnyOrder("case_fact_month_add plpgsql", "case_fact_place_add plpgsql",
                "case_fact_assist_add plpgsql", "checkin_fact_month_add plpgsql");
    }

    @Test
    void theirStatementIsPlannedOncePerConnection() {
        List<String> settings = jdbc.queryForList("""
                SELECT p.proname || ' ' || array_to_string(p.proconfig, ',') FROM pg_proc p
                 WHERE p.proname IN ('case_fact_month_add', 'case_fact_place_add', 'case_fact_assist_add',
                                     'checkin_fact_month_add')
                   AND p.pronamespace = current_schema()::regnamespace""", String.class);

        assertThat(settings).containsExactlyInAnyOrder(
                "case_fact_month_add plan_cache_mode=force_generic_plan",
                "case_fact_place_add plan_cache_mode=force_generic_plan",
                "case_fact_assist_add plan_cache_mode=force_generic_plan",
                "checkin_fact_month_add plan_cache_mode=force_generic_plan");
    }
}
