-- The compact archive of a closed case (audit/CaseCompaction): everything the audit reads from the engine's
-- history for the case, as gzip'd JSON, written once the case has been closed longer than
-- gridcase.audit.compact-after and checked by replaying it before that history is deleted. sha256 is the digest of
-- records as written: a row whose bytes no longer match it is reported by the integrity check, never replayed.
-- Kept as long as the case record (ten years, see README "Retention").
CREATE TABLE case_archive (
    case_number VARCHAR(32)              NOT NULL PRIMARY KEY REFERENCES case_record (case_number),
    records     BYTEA                    NOT NULL,
    bytes       INTEGER                  NOT NULL,
    sha256      CHAR(64)                 NOT NULL,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL
);
