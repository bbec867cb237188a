-- The evaluation's monthly sums: per month (in the district's time zone) of a case's received, closed and
-- handling-due times, and per place, category, channel and lead department (what the filters, breakdowns and
-- scopes of a unit use), the counts every received/closed/due measure sums. A year's overview reads about 40,000
-- of these rows instead of several hundred thousand facts. Kept in step with case_fact by a trigger on PostgreSQL
-- (V52), in the same transaction as the fact, whoever writes it; not kept (and not read) on H2, the demo's
-- database. Keys are '' rather than NULL so that one row stands for each key.
CREATE TABLE case_fact_month (
    anchor          VARCHAR(8)   NOT NULL, -- RECEIVED, CLOSED, DUE (Measure.Anchor)
    month_start     TIMESTAMP WITH TIME ZONE NOT NULL,
    district_code   VARCHAR(20)  NOT NULL,
    street_code     VARCHAR(20)  NOT NULL,
    community_code  VARCHAR(20)  NOT NULL,
    grid_code       VARCHAR(20)  NOT NULL,
    category        VARCHAR(64)  NOT NULL,
    category_group  VARCHAR(64)  NOT NULL,
    channel         VARCHAR(32)  NOT NULL,
    lead_department VARCHAR(32)  NOT NULL,
    cases           BIGINT NOT NULL, -- the facts in this row (a row with none is deleted)
    closed          BIGINT NOT NULL,
    dispatched      BIGINT NOT NULL,
    returned        BIGINT NOT NULL,
    extended        BIGINT NOT NULL,
    supervised      BIGINT NOT NULL,
    warnings        BIGINT NOT NULL, -- the sum of warning_count
    escalations     BIGINT NOT NULL,
    red_cards       BIGINT NOT NULL,
    repeats         BIGINT NOT NULL,
    on_time         BIGINT NOT NULL,
    closed_on_time  BIGINT NOT NULL,
    resolved        BIGINT NOT NULL,
    partially       BIGINT NOT NULL,
    not_resolved    BIGINT NOT NULL, -- partially or unresolved
    answered        BIGINT NOT NULL,
    satisfied       BIGINT NOT NULL,
    rated           BIGINT NOT NULL,
    unrated         BIGINT NOT NULL,
    reopened        BIGINT NOT NULL,
    CONSTRAINT case_fact_month_key UNIQUE (anchor, month_start, grid_code, category, channel, lead_department,
        community_code, street_code, district_code, category_group)
);
CREATE INDEX case_fact_month_street_idx ON case_fact_month (anchor, street_code, month_start);

-- A check-in carries its case's place, category and channel (copied and kept by V52's triggers on PostgreSQL),
-- so that check-in figures for a unit, a category or a channel, or within a unit's scope, read check-ins alone.
ALTER TABLE checkin_fact ADD COLUMN district_code VARCHAR(20);
ALTER TABLE checkin_fact ADD COLUMN street_code VARCHAR(20);
ALTER TABLE checkin_fact ADD COLUMN community_code VARCHAR(20);
ALTER TABLE checkin_fact ADD COLUMN grid_code VARCHAR(20);
ALTER TABLE checkin_fact ADD COLUMN category VARCHAR(64);
ALTER TABLE checkin_fact ADD COLUMN category_group VARCHAR(64);
ALTER TABLE checkin_fact ADD COLUMN channel VARCHAR(32);

-- The time zone the months are cut in; the application rebuilds the sums when its own differs.
CREATE TABLE case_fact_month_zone (
    zone VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO case_fact_month_zone (zone) VALUES ('Asia/Shanghai');
