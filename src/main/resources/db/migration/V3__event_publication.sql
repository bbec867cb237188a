-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 1.4): an event to a module
-- listener is stored with the publishing transaction and marked complete when the listener succeeds, so a
-- crash between the two (e.g. during the Camunda identity sync) leaves it for resubmission instead of losing it.
CREATE TABLE event_publication (
    id               UUID                     NOT NULL PRIMARY KEY,
    listener_id      VARCHAR(512)             NOT NULL,
    event_type       VARCHAR(512)             NOT NULL,
    serialized_event VARCHAR                  NOT NULL,
    publication_date TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
