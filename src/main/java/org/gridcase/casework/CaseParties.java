package org.gridcase.casework;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The parties that took on a commitment for a case (consultation meetings): casework records them because it is
 * the one place that says who works on a case ({@link CaseAccess}). Written from inside the engine's transaction
 * that creates the commitment, so the party can open the case as soon as its task exists.
 */
@Service
public class CaseParties {

    private final JdbcClient jdbc;

    CaseParties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The party (a registry department or outside body code) now works on the case; once is enough. */
    public void committed(String caseNumber, String partyCode, Instant at) {
        // plain SQL, not the record's entity: granting access is no change to the case and must not bump its
        // version under a step that holds it
        jdbc.sql("""
                INSERT INTO case_party (case_id, party_code, granted_at)
                SELECT c.id, ?, ? FROM case_record c WHERE c.case_number = ?
                   AND NOT EXISTS (SELECT 1 FROM case_party p WHERE p.case_id = c.id AND p.party_code = ?)""")
                .params(partyCode, Timestamp.from(at), caseNumber, partyCode).update();
    }
}
