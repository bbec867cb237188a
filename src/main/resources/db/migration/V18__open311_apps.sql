-- Third-party apps that report through Open311 GeoReport v2 (/open311/v2). An administrator issues each its
-- api_key; only the key's SHA-256 is kept (the key is random and long, so a slow hash adds nothing), and the key
-- itself is shown once, when the app is created.
CREATE TABLE open311_app (
    app_id      VARCHAR(58)  PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    key_hash    CHAR(64)     NOT NULL UNIQUE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by  VARCHAR(64)
);
