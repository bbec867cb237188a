-- Who acted on a case: a member of staff who completed one of its tasks (in its own process or one it called),
-- and when they last did, written in the task's completing transaction (casework/CaseActors). The workbench's
-- 我经手的 reads it, not the engine's history, which the nightly compaction (audit/CaseCompaction) replaces by the
-- case's archive. One row per case and person; the key leads with the person, whose cases are what is asked.
-- Filled from the engine's history of the cases before (V54).
CREATE TABLE case_actor (
    user_id       VARCHAR(64)              NOT NULL,
    case_id       BIGINT                   NOT NULL REFERENCES case_record (id) ON DELETE CASCADE,
    last_acted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_id, case_id)
);
