-- Kafka publication of the outbox (module integration), only where ordo.events.kafka.bootstrap-servers is set: one row
-- per event written while it is, PENDING until the broker acknowledged it. partition_key (aggregate and its id, the
-- record's key) keeps the order: an aggregate's next event waits for the one before it. A publisher claims a row until
-- claimed_until; the claim of a node that dies expires and another node publishes it.
CREATE TABLE kafka_publication (
    event_id        UUID                     PRIMARY KEY REFERENCES integration_event (id),
    event_seq       BIGINT                   NOT NULL,
    partition_key   VARCHAR(150)             NOT NULL,
    status          VARCHAR(16)              NOT NULL CHECK (status IN ('PENDING', 'PUBLISHED')),
    attempts        INTEGER                  DEFAULT 0 NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_until   TIMESTAMP WITH TIME ZONE,
    claimed_by      VARCHAR(100),
    last_error      VARCHAR(1000),
    published_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX kafka_publication_due_idx ON kafka_publication (status, next_attempt_at);
CREATE INDEX kafka_publication_queue_idx ON kafka_publication (partition_key, event_seq);
