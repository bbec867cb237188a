package org.gridcase.casework;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes past cases into the records in batches (plain JDBC, no process instance), then announces each as a new
 * case ({@link CaseRecorded}), as registration does: the evaluation's facts follow from the record in the same
 * transaction, by the same rule as for a live case. For the demo district's generated history only; the case page
 * shows such a case as it shows a closed one (no tasks, no process).
 */
@Component
public class HistoricCases {

    private final NamedParameterJdbcTemplate jdbc;
    private final CaseRecordRepository records;
    private final ApplicationEventPublisher events;
    private final EntityManager entities;

    HistoricCases(NamedParameterJdbcTemplate jdbc, CaseRecordRepository records, ApplicationEventPublisher events,
            EntityManager entities) {
        this.jdbc = jdbc;
        this.records = records;
        this.events = events;
        this.entities = entities;
    }

    /** Stores the cases (numbers not yet used) and announces them, in one transaction. */
    @Transactional
    public void store(List<HistoricCase> cases) {
        if (cases.isEmpty()) {
            return;
        }
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO case_record (case_number, tracking_token, category, category_name, urgency, description,
                    address, lat, lon, grid_code, community_code, street_code, channel, opened_by, status,
                    lead_department, handling_due, handling_outcome, resolution, satisfaction, rated_by, reopen_count,
                    return_count, extension_count, supervision_count, received_at, closed_at, next_due)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                cases.stream().map(c -> new Object[] {c.caseNumber(), java.util.UUID.randomUUID().toString(),
                        c.category(), c.categoryName(), c.urgency().name(), c.description(), c.address(), c.lat(),
                        c.lon(), c.gridCode(), c.communityCode(), c.streetCode(), c.channel().name(), c.openedBy(),
                        c.status().name(), c.leadDepartment(), ts(c.handlingDue()), c.handlingOutcome(),
                        c.resolution(), c.satisfaction(), c.ratedBy(), c.reopenCount(), c.returnCount(),
                        c.extensionCount(), c.supervisionCount(), ts(c.receivedAt()), ts(c.closedAt()),
                        ts(CaseRecord.nextDue(c.status(), null, c.handlingDue(), null, () -> c.summonses().stream()
                                .filter(summons -> summons.checkedInAt() == null)
                                .map(HistoricCase.Summons::checkInDue)))}).toList());
        List<String> numbers = cases.stream().map(HistoricCase::caseNumber).toList();
        Map<String, Long> ids = new HashMap<>();
        jdbc.query("SELECT id, case_number FROM case_record WHERE case_number IN (:numbers)",
                Map.of("numbers", numbers), rs -> {
                    ids.put(rs.getString(2), rs.getLong(1));
                });
        List<Object[]> stages = new ArrayList<>();
        List<Object[]> summonses = new ArrayList<>();
        List<Object[]> rungs = new ArrayList<>();
        for (HistoricCase c : cases) {
            long id = ids.get(c.caseNumber());
            c.stages().forEach(s -> stages.add(new Object[] {id, s.status().name(), ts(s.enteredAt())}));
            c.summonses().forEach(s -> summonses.add(new Object[] {id, s.departmentCode(), s.lead(),
                    ts(s.summonedAt()), ts(s.checkInDue()), ts(s.checkedInAt()), s.late(), ts(s.lateAt())}));
            c.rungs().forEach(r -> rungs.add(new Object[] {id, r.stage().name(), r.rung().name(), r.departmentCode(),
                    ts(r.occurredAt())}));
        }
        jdbc.getJdbcTemplate().batchUpdate(
                "INSERT INTO case_stage (case_id, status, entered_at) VALUES (?, ?, ?)", stages);
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO case_department (case_id, department_code, lead, summoned_at, check_in_due, checked_in_at,
                    late, late_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", summonses);
        jdbc.getJdbcTemplate().batchUpdate("""
                INSERT INTO case_escalation (case_id, stage, rung, department_code, occurred_at)
                VALUES (?, ?, ?, ?, ?)""", rungs);
        // oldest first, so that a repeat request finds the earlier case it repeats
        records.findAll((root, query, cb) -> root.get("caseNumber").in(numbers),
                org.springframework.data.domain.Sort.by("receivedAt", "id"))
                .forEach(record -> events.publishEvent(new CaseRecorded(record.details(), true)));
        entities.clear();
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
