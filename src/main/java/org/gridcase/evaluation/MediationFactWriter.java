package org.gridcase.evaluation;

import java.time.Instant;

import org.gridcase.mediation.DisputeRecorded;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code mediation_fact} in step with the mediation record. Synchronous, like {@link FactWriter}: the row
 * commits or rolls back with the mediation step that changed it. Idempotent (a row per case, rewritten).
 */
@Component
class MediationFactWriter {

    private final JdbcTemplate jdbc;

    MediationFactWriter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(DisputeRecorded d) {
        Object[] values = {d.mediationLevel(), d.mediator(), d.agreementPerformed(), d.jointMediation(), d.guided(),
                FactWriter.ts(Instant.now()), d.caseNumber()};
        int updated = jdbc.update("""
                UPDATE mediation_fact SET mediation_level = ?, mediator = ?, agreement_performed = ?,
                       joint_mediation = ?, guided = ?, updated_at = ? WHERE case_number = ?""", values);
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO mediation_fact (mediation_level, mediator, agreement_performed, joint_mediation,
                           guided, updated_at, case_number) VALUES (?, ?, ?, ?, ?, ?, ?)""", values);
        }
    }
}
