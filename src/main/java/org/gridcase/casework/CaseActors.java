package org.gridcase.casework;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who acted on which case (table case_actor): written when a member of staff completes a task of the case
 * ({@link CaseActorListener}, in the completing transaction), read by 我经手的 ({@link CaseNarrowing}). gridcase's
 * own record, so it outlasts the engine's history, which the audit's nightly compaction replaces by the case's
 * archive.
 */
@Component
class CaseActors {

    // one statement whoever writes first: two steps of one case completed by one person at once must not collide
    private static final String POSTGRES = "INSERT INTO case_actor (user_id, case_id, last_acted_at) "
            + "SELECT ?, id, ? FROM case_record WHERE case_number = ? "
            + "ON CONFLICT (user_id, case_id) DO UPDATE SET last_acted_at = "
            + "GREATEST(case_actor.last_acted_at, EXCLUDED.last_acted_at)";
    // H2, the single-node demo's database
    private static final String OTHER = "MERGE INTO case_actor (user_id, case_id, last_acted_at) KEY (user_id, case_id) "
            + "SELECT ?, id, ? FROM case_record WHERE case_number = ?";

    private final JdbcTemplate jdbc;
    private volatile String upsert;

    CaseActors(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void acted(String caseNumber, String userId, Instant at) {
        jdbc.update(upsert(), userId, Timestamp.from(at), caseNumber);
    }

    /** The ids of the cases the user acted on, the latest first, at most {@code limit}. */
    List<Long> casesOf(String userId, int limit) {
        return jdbc.queryForList("SELECT case_id FROM case_actor WHERE user_id = ? ORDER BY last_acted_at DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", Long.class, userId);
    }

    private String upsert() {
        if (upsert == null) {
            upsert = "PostgreSQL".equals(jdbc.execute((ConnectionCallback<String>) connection ->
                    connection.getMetaData().getDatabaseProductName())) ? POSTGRES : OTHER;
        }
        return upsert;
    }
}
