package org.gridcase.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;

/** Facts inserted directly, for the arithmetic: a case row with sensible defaults, changed with withers. */
final class FactRows {

    private final JdbcTemplate jdbc;

    FactRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Case received(String number, String streetCode, String at) {
        return new Case(number, streetCode, OffsetDateTime.parse(at).toInstant());
    }

    void summons(String caseNumber, String department, boolean lead, String summonedAt, boolean checkedIn,
            boolean late, Integer minutes) {
        Instant summoned = OffsetDateTime.parse(summonedAt).toInstant();
        jdbc.update("""
                INSERT INTO checkin_fact (case_number, department_code, lead, summoned_at, check_in_due, checked_in_at,
                    late, on_time, working_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                caseNumber, department, lead, FactWriter.ts(summoned), FactWriter.ts(summoned.plusSeconds(7200)),
                checkedIn ? FactWriter.ts(summoned.plusSeconds(60L * (minutes == null ? 0 : minutes))) : null, late,
                checkedIn && !late, minutes);
    }

    /** A rung of the escalation ladder the case reached, aimed at {@code department} (null: the grid's or street's). */
    void rung(String caseNumber, String stage, String rung, String department, String at) {
        jdbc.update("INSERT INTO ladder_fact (case_number, stage, rung, department_code, occurred_at) VALUES (?, ?, ?, ?, ?)",
                caseNumber, stage, rung, department, FactWriter.ts(OffsetDateTime.parse(at).toInstant()));
    }

    final class Case {
        final String number;
        final String street;
        final Instant receivedAt;
        Instant closedAt;
        Boolean onTime;
        String resolution;
        String satisfaction;
        boolean dispatched;
        String lead;
        int reopen;
        int returns;
        int extensions;
        int supervisions;
        int warnings;
        int escalations;
        int redCards;
        String repeatOf;
        String openedBy;
        Instant due;
        String community;

        Case(String number, String street, Instant receivedAt) {
            this.number = number;
            this.street = street;
            this.receivedAt = receivedAt;
        }

        Case closed(String at, boolean onTime, String resolution, String satisfaction) {
            this.closedAt = OffsetDateTime.parse(at).toInstant();
            this.onTime = onTime;
            this.resolution = resolution;
            this.satisfaction = satisfaction;
            return this;
        }

        Case dispatchedTo(String lead) {
            this.dispatched = true;
            this.lead = lead;
            return this;
        }

        Case counts(int reopen, int returns, int extensions, int supervisions) {
            this.reopen = reopen;
            this.returns = returns;
            this.extensions = extensions;
            this.supervisions = supervisions;
            return this;
        }

        Case ladder(int warnings, int escalations, int redCards) {
            this.warnings = warnings;
            this.escalations = escalations;
            this.redCards = redCards;
            return this;
        }

        /** The handling limit in force (an approved extension moved it here). */
        Case due(String at) {
            this.due = OffsetDateTime.parse(at).toInstant();
            return this;
        }

        /** In this community of the street (its first grid), instead of the street's first community. */
        Case in(String communityCode) {
            this.community = communityCode;
            return this;
        }

        Case repeats(String earlier) {
            this.repeatOf = earlier;
            return this;
        }

        void insert() {
            jdbc.update("""
                    INSERT INTO case_fact (case_number, received_at, district_code, street_code, community_code,
                        grid_code, category, category_group, channel, urgency, lead_department, opened_by, dispatched,
                        closed_at, handling_due, handled_at, on_time, resolution, satisfaction, rated_by, reopen_count,
                        return_count, extension_count, supervision_count, warning_count, escalation_count,
                        red_card_count, lat, lon, repeat_of, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, 'MUNICIPAL.ROAD_DAMAGE', 'MUNICIPAL', 'RESIDENT_APP', 'ROUTINE', ?, ?, ?,
                        ?, ?, NULL, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?)""",
                    number, FactWriter.ts(receivedAt), street.substring(0, 6), street,
                    community == null ? street + "001" : community,
                    (community == null ? street + "001" : community) + "001", lead, openedBy, dispatched, FactWriter.ts(closedAt), FactWriter.ts(due), onTime,
                    resolution,
                    satisfaction, reopen, returns, extensions, supervisions, warnings, escalations, redCards, repeatOf,
                    FactWriter.ts(Instant.now()));
        }
    }
}
