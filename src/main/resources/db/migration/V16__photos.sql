-- Photos that residents and staff upload (POST /api/photos): the image itself is in the photo store (a folder or
-- an S3 bucket), re-encoded without metadata; this row says what it is and, once staff attach it, which case and
-- which step (处置前/处置后) it shows. Owned by the photo module.
CREATE TABLE photo (
    id           VARCHAR(32)  PRIMARY KEY,
    content_type VARCHAR(40)  NOT NULL,
    size         BIGINT       NOT NULL,
    width        INTEGER      NOT NULL,
    height       INTEGER      NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    uploaded_by  VARCHAR(64),
    case_number  VARCHAR(40),
    stage        VARCHAR(20),
    attached_by  VARCHAR(64),
    attached_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX photo_case_idx ON photo (case_number, attached_at);
