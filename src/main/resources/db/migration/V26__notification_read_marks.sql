-- The workbench's bell (issue 14): which member of staff has read which in-app message. A message to a group is
-- read by each member for themselves. Portable SQL (H2 and PostgreSQL).
CREATE TABLE notification_read (
    message_id BIGINT      NOT NULL REFERENCES notification_message (id),
    user_id    VARCHAR(64) NOT NULL,
    read_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_id, user_id)
);
-- the inbox lists a user's and their groups' messages, newest first
CREATE INDEX notification_message_recipient_idx ON notification_message (recipient, id);
