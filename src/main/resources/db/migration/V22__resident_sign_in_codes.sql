-- One-time codes a resident asks for to list their reports (我的反映). Only a hash of the code is kept; a code
-- lives 10 minutes and allows 5 tries. One row a phone: a new code replaces the old.
CREATE TABLE resident_sign_in_code (
    phone       VARCHAR(32)  PRIMARY KEY,
    code_hash   VARCHAR(100) NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    tries_left  INT          NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);
