package org.gridcase.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.gridcase.casework.CaseDetails;
import org.gridcase.casework.CaseRecorded;
import org.gridcase.worktime.WorkingCalendar;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code case_fact} and {@code checkin_fact} in step with the case records. A plain (synchronous) listener:
 * casework announces a change just before its transaction commits, so these rows commit or roll back with the
 * step that changed the case; none is lost between a commit and an asynchronous listener, and no figure counts a
 * step that did not happen. Idempotent (a row per case, rewritten), so the backfill can announce any case again.
 */
@Component
class FactWriter {

    private final JdbcTemplate jdbc;
    private final WorkingCalendar calendar;
    private final RepeatRequests repeats;

    FactWriter(JdbcTemplate jdbc, WorkingCalendar calendar, RepeatRequests repeats) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.repeats = repeats;
    }

    @EventListener
    void on(CaseRecorded event) {
        write(CaseFact.of(event.details()), event.details().departments(), event.created());
        writeLadder(event.details().caseNumber(), event.details().escalations());
    }

    /** The rungs a case reached, with the department each was aimed at (the department table counts them). */
    void writeLadder(String caseNumber, List<CaseDetails.Escalation> rungs) {
        if (rungs.isEmpty()) {
            return; // rungs are only ever added, like summonses
        }
        jdbc.update("DELETE FROM ladder_fact WHERE case_number = ?", caseNumber);
        jdbc.batchUpdate("""
                INSERT INTO ladder_fact (case_number, stage, rung, department_code, occurred_at)
                VALUES (?, ?, ?, ?, ?)""", rungs.stream().map(e -> new Object[] {caseNumber, e.stage().name(),
                e.rung().name(), e.departmentCode(), ts(e.occurredAt())}).toList());
    }

    /** {@code created}: no row can exist yet, so none is looked for (a case's first step costs one statement less). */
    void write(CaseFact f, List<CaseDetails.Department> summonses, boolean created) {
        Object[] values = {ts(f.receivedAt()), f.districtCode(), f.streetCode(), f.communityCode(), f.gridCode(),
                f.category(), f.categoryGroup(), f.channel(), f.urgency(), f.leadDepartment(), f.openedBy(),
                f.dispatched(), ts(f.closedAt()), ts(f.handlingDue()), ts(f.handledAt()), f.onTime(),
                f.resolution(), f.satisfaction(), f.ratedBy(), f.reopenCount(), f.returnCount(),
                f.extensionCount(), f.supervisionCount(), f.warningCount(), f.escalationCount(), f.redCardCount(),
                f.lat(), f.lon(), ts(Instant.now()), f.caseNumber()};
        boolean stored = !created && (rewrittenIfChanged(values) || exists(f.caseNumber()));
        if (!stored) {
            // the earlier case it repeats is looked for once, when the case is first seen: it does not change
            String repeatOf = repeats.earlierOf(f);
            jdbc.update(INSERT, append(values, repeatOf));
        }
        if (summonses.isEmpty()) {
            return; // summonses are only ever added: a case with none has no rows to replace
        }
        writeCheckIns(f.caseNumber(), summonses.stream().map(s -> new CheckInRow(s.departmentCode(), s.lead(),
                micros(s.summonedAt()), micros(s.checkInDue()), micros(s.checkedInAt()), s.late(), onTime(s),
                workingMinutes(s))).toList());
    }

    /** The fact columns a step rewrites, in the order of {@link #write}'s values (updated_at and the key last). */
    private static final String[] COLUMNS = {"received_at", "district_code", "street_code", "community_code",
        "grid_code", "category", "category_group", "channel", "urgency", "lead_department", "opened_by", "dispatched",
        "closed_at", "handling_due", "handled_at", "on_time", "resolution", "satisfaction", "rated_by", "reopen_count",
        "return_count", "extension_count", "supervision_count", "warning_count", "escalation_count", "red_card_count",
        "lat", "lon"};

    private static final String INSERT = "INSERT INTO case_fact (" + String.join(", ", COLUMNS)
            + ", updated_at, case_number, repeat_of) VALUES (" + "?, ".repeat(COLUMNS.length + 2) + "?)";

    private static final String UPDATE_IF_CHANGED = "UPDATE case_fact SET "
            + String.join(" = ?, ", COLUMNS) + " = ?, updated_at = ? WHERE case_number = ? AND ("
            + String.join(" IS DISTINCT FROM ? OR ", COLUMNS) + " IS DISTINCT FROM ?)";

    /**
     * Rewrites the case's fact if a column differs; false if none does or there is no row. Most steps change
     * nothing the fact holds (a check-in, a note), and an update that writes the same values still makes a new
     * row version, runs the sums' triggers and takes their lock until the step commits.
     */
    private boolean rewrittenIfChanged(Object[] values) {
        // the values to set, then the same columns' values again for the comparison
        Object[] arguments = Stream.concat(Arrays.stream(values), Arrays.stream(values, 0, COLUMNS.length)).toArray();
        return jdbc.update(UPDATE_IF_CHANGED, arguments) > 0;
    }

    private boolean exists(String caseNumber) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM case_fact WHERE case_number = ?", Boolean.class, caseNumber));
    }

    /** A check-in fact's values, as stored (to the microsecond). */
    private record CheckInRow(String department, boolean lead, Instant summoned, Instant due, Instant checkedIn,
            boolean late, boolean onTime, Integer minutes) {
    }

    /**
     * Deletes the case's check-in rows that are no longer so and inserts those that are new; a row that stays as
     * it was is not touched. Every step of a case announces it, and most steps change none of its summonses: each
     * row rewritten took its old figures out of the monthly sums and put the same back, under the sums' lock.
     */
    private void writeCheckIns(String caseNumber, List<CheckInRow> wanted) {
        Map<CheckInRow, List<Long>> stored = new HashMap<>();
        jdbc.query("""
                SELECT id, department_code, lead, summoned_at, check_in_due, checked_in_at, late, on_time,
                    working_minutes FROM checkin_fact WHERE case_number = ?""", rs -> {
            stored.computeIfAbsent(new CheckInRow(rs.getString(2), rs.getBoolean(3), instant(rs, 4), instant(rs, 5),
                    instant(rs, 6), rs.getBoolean(7), rs.getBoolean(8), (Integer) rs.getObject(9)),
                    k -> new ArrayList<>()).add(rs.getLong(1));
        }, caseNumber);
        List<CheckInRow> added = new ArrayList<>();
        for (CheckInRow row : wanted) {
            List<Long> same = stored.get(row);
            if (same == null || same.isEmpty()) {
                added.add(row);
            } else {
                same.remove(same.size() - 1);
            }
        }
        List<Object[]> gone = stored.values().stream().flatMap(List::stream).map(id -> new Object[] {id}).toList();
        if (!gone.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM checkin_fact WHERE id = ?", gone);
        }
        if (!added.isEmpty()) {
            jdbc.batchUpdate("""
                    INSERT INTO checkin_fact (case_number, department_code, lead, summoned_at, check_in_due,
                        checked_in_at, late, on_time, working_minutes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    added.stream().map(r -> new Object[] {caseNumber, r.department(), r.lead(), ts(r.summoned()),
                            ts(r.due()), ts(r.checkedIn()), r.late(), r.onTime(), r.minutes()}).toList());
        }
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** The database keeps microseconds: a value compared with a stored one is cut to them first. */
    private static Instant micros(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MICROS);
    }

    /** Checked in, not marked late by the ladder, and by its limit. */
    static boolean onTime(CaseDetails.Department s) {
        return s.checkedInAt() != null && !s.late()
                && (s.checkInDue() == null || !s.checkedInAt().isAfter(s.checkInDue()));
    }

    /** Working time (office hours of working days, the holiday table's) from the summons to the check-in. */
    private Integer workingMinutes(CaseDetails.Department s) {
        if (s.checkedInAt() == null) {
            return null;
        }
        Duration working = calendar.between(s.summonedAt(), s.checkedInAt());
        return Math.toIntExact(working.toMinutes());
    }

    static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }
}
