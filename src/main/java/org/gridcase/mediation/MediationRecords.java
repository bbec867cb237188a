package org.gridcase.mediation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mediation record (V32, V33). Plain SQL: the rows are written once by the process's task listeners, inside
 * the engine's transaction, and only read afterwards; there is no entity life cycle to manage.
 */
@Repository
class MediationRecords {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    MediationRecords(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Who completed the task: the Tasklist's (or the API's) authenticated user, else the task's assignee. */
    static String by(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }

    void assessed(String caseNumber, String parties, String riskLevel, boolean violent, boolean collective,
            boolean highRisk, String by, Instant at) {
        int updated = jdbc.sql("""
                UPDATE mediation_case SET parties = ?, risk_level = ?, may_turn_violent = ?, may_turn_collective = ?,
                       high_risk = ?, assessed_by = ?, assessed_at = ? WHERE case_number = ?""")
                .params(parties, riskLevel, violent, collective, highRisk, by, Timestamp.from(at), caseNumber)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO mediation_case (case_number, parties, risk_level, may_turn_violent,
                           may_turn_collective, high_risk, assessed_by, assessed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseNumber, parties, riskLevel, violent, collective, highRisk, by, Timestamp.from(at))
                    .update();
        }
        announce(caseNumber);
    }

    void assigned(String caseNumber, String level, String group, String mediatorName, Instant at) {
        jdbc.sql("""
                UPDATE mediation_case SET mediation_level = ?, mediator_group = ?, mediator_name = ?, assigned_at = ?
                 WHERE case_number = ?""")
                .params(level, group, mediatorName, Timestamp.from(at), caseNumber).update();
        announce(caseNumber);
    }

    void session(String caseNumber, MediationView.Session session) {
        jdbc.sql("""
                INSERT INTO mediation_session (case_number, held_at, place, parties_present, method, statements,
                       agreed, next_step, outcome, no_agreement_route, guidance_to, guidance_reason, recorded_by,
                       recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, timestamp(session.heldAt()), session.place(), session.partiesPresent(),
                        session.method(), session.statements(), session.agreed(), session.nextStep(),
                        session.outcome(), session.noAgreementRoute(), session.guidanceTo(),
                        session.guidanceReason(), session.recordedBy(), Timestamp.from(session.recordedAt()))
                .update();
        announce(caseNumber);
    }

    void agreement(String caseNumber, String parties, String facts, String terms, String signedCopyLinks,
            String by, Instant at) {
        jdbc.sql("""
                INSERT INTO mediation_agreement (case_number, parties, facts, terms, signed_copy_links, recorded_by,
                       recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseNumber, parties, facts, terms, signedCopyLinks, by, Timestamp.from(at)).update();
        announce(caseNumber);
    }

    /** The follow-up belongs to the latest agreement, the one the follow-up timer waited for. */
    void followedUp(String caseNumber, boolean performed, String note, String by, Instant at) {
        jdbc.sql("""
                UPDATE mediation_agreement SET performed = ?, follow_up_note = ?, followed_up_by = ?,
                       followed_up_at = ?
                 WHERE id = (SELECT max(id) FROM mediation_agreement WHERE case_number = ?)""")
                .params(performed, note, by, Timestamp.from(at), caseNumber).update();
        announce(caseNumber);
    }

    /**
     * Where the dispute stands, for the evaluation. A failed mediation (NO_AGREEMENT) ends the process, so a
     * failed session is the last; a performed agreement ends it too, so "the latest agreement was performed" is
     * the outcome, and an earlier broken one does not count.
     */
    void announce(String caseNumber) {
        jdbc.sql("""
                SELECT m.mediation_level, m.mediator_name,
                       COALESCE((SELECT a.performed FROM mediation_agreement a WHERE a.case_number = m.case_number
                                  ORDER BY a.id DESC LIMIT 1), FALSE),
                       EXISTS (SELECT 1 FROM mediation_session s WHERE s.case_number = m.case_number
                                  AND s.no_agreement_route = 'JOINT_MEDIATION'),
                       EXISTS (SELECT 1 FROM mediation_session s WHERE s.case_number = m.case_number
                                  AND s.no_agreement_route = 'GUIDED')
                  FROM mediation_case m WHERE m.case_number = ?""").param(caseNumber)
                .query((rs, i) -> new DisputeRecorded(caseNumber, rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5)))
                .optional().ifPresent(events::publishEvent);
    }

    /**
     * How many open cases a team (by the name the community confirmed) mediates now: the load the proposal
     * balances. Open is the case record's status, read from casework's table: the one place that says it.
     */
    long openMediations(String mediatorName) {
        return jdbc.sql("""
                SELECT count(*) FROM mediation_case m JOIN case_record c ON c.case_number = m.case_number
                 WHERE m.mediator_name = ? AND c.status <> 'CLOSED'""").param(mediatorName)
                .query(Long.class).single();
    }

    /** The case's category name and address, as the record holds them, for the texts the process sends. */
    Map<String, String> header(String caseNumber) {
        return jdbc.sql("SELECT category_name, address FROM case_record WHERE case_number = ?").param(caseNumber)
                .query((rs, i) -> Map.of("categoryName", String.valueOf(rs.getString(1)),
                        "address", String.valueOf(rs.getString(2))))
                .optional().orElse(Map.of("categoryName", "", "address", ""));
    }

    Optional<MediationView> of(String caseNumber) {
        Optional<MediationView.Assessment> assessment = jdbc.sql("""
                SELECT parties, risk_level, may_turn_violent, may_turn_collective, high_risk, assessed_by,
                       assessed_at, mediation_level, mediator_group, mediator_name, assigned_at
                  FROM mediation_case WHERE case_number = ?""").param(caseNumber)
                .query((rs, i) -> new MediationView.Assessment(rs.getString(1), rs.getString(2),
                        RiskLevel.labelOf(rs.getString(2)), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5),
                        rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8), rs.getString(10),
                        instant(rs.getTimestamp(11))))
                .optional();
        if (assessment.isEmpty()) {
            return Optional.empty();
        }
        List<MediationView.Session> sessions = jdbc.sql("""
                SELECT held_at, place, parties_present, method, statements, agreed, next_step, outcome,
                       no_agreement_route, guidance_to, guidance_reason, recorded_by, recorded_at
                  FROM mediation_session WHERE case_number = ? ORDER BY recorded_at, id""").param(caseNumber)
                .query((rs, i) -> new MediationView.Session(instant(rs.getTimestamp(1)), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12),
                        instant(rs.getTimestamp(13))))
                .list();
        List<MediationView.Agreement> agreements = jdbc.sql("""
                SELECT id, parties, facts, terms, signed_copy_links, recorded_by, recorded_at, performed,
                       follow_up_note, followed_up_by, followed_up_at
                  FROM mediation_agreement WHERE case_number = ? ORDER BY recorded_at, id""").param(caseNumber)
                .query((rs, i) -> new MediationView.Agreement(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)),
                        (Boolean) rs.getObject(8), rs.getString(9), rs.getString(10),
                        instant(rs.getTimestamp(11))))
                .list();
        return Optional.of(new MediationView(caseNumber, assessment.get(), sessions, agreements));
    }

    private static Timestamp timestamp(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /** A Camunda Forms datetime comes as an ISO string with offset; a test may pass a Date. */
    static Instant instantOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        String text = MediationVariables.text(value);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (RuntimeException notADate) {
            return null;
        }
    }
}
