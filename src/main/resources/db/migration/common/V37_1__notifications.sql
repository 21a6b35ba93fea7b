-- E-mail to customers through an outbox: a listener writes the message after the business transaction has committed,
-- a sender on one node delivers it. (event_key, recipient) is unique: an event redelivered after a crash queues nothing new.
CREATE TABLE notification (
    id              UUID                     PRIMARY KEY,
    customer_id     UUID                     NOT NULL,
    event_key       VARCHAR(200)             NOT NULL,
    kind            VARCHAR(40)              NOT NULL,
    language        VARCHAR(16)              NOT NULL,
    recipient       VARCHAR(254)             NOT NULL,
    subject         VARCHAR(500)             NOT NULL,
    body_html       TEXT                     NOT NULL,
    body_text       TEXT                     NOT NULL,
    attachment      VARCHAR(200),
    status          VARCHAR(16)              NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    attempts        INTEGER                  DEFAULT 0 NOT NULL,
    last_error      VARCHAR(1000),
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_once UNIQUE (event_key, recipient)
);
CREATE INDEX notification_customer_idx ON notification (customer_id, created_at);
CREATE INDEX notification_due_idx ON notification (status, next_attempt_at);

-- The sender runs on one node at a time: a run takes this row FOR UPDATE SKIP LOCKED, as job_lock does for dunning.
CREATE TABLE notification_job_lock (
    name        VARCHAR(64) PRIMARY KEY,
    last_run_at TIMESTAMP WITH TIME ZONE,
    last_run_by VARCHAR(100)
);
INSERT INTO notification_job_lock (name) VALUES ('mail-sender');

-- The optional messages a customer has turned off; transactional ones (MessageKind) cannot be.
CREATE TABLE notification_opt_out (
    customer_id UUID        NOT NULL,
    kind        VARCHAR(40) NOT NULL,
    PRIMARY KEY (customer_id, kind)
);
