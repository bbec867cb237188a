-- 督办 by hand from the workbench: the latest request per case (who, when, why) and how many there were. One
-- row per case, versioned, so that of two supervisors asking at the same moment one opens the supervision task
-- and the other is told. Owned by the workbench module; every reason is also a comment on the case.
CREATE TABLE case_supervision_request (
    case_number   VARCHAR(40) PRIMARY KEY,
    requested_by  VARCHAR(64)  NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    request_count INTEGER NOT NULL,
    version       BIGINT  NOT NULL
);
