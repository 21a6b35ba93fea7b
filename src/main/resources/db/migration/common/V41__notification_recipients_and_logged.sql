-- Messages written but not sent (no mail server, demo profile) are LOGGED. The status check is a column constraint
-- without a name shared by the databases, so the table is made again with the wider check and its rows copied.
ALTER TABLE notification DROP CONSTRAINT notification_once;
DROP INDEX notification_customer_idx;
DROP INDEX notification_due_idx;
ALTER TABLE notification RENAME TO notification_v37;
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
    status          VARCHAR(16)              NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'LOGGED')),
    attempts        INTEGER                  DEFAULT 0 NOT NULL,
    last_error      VARCHAR(1000),
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_once UNIQUE (event_key, recipient)
);
INSERT INTO notification (id, customer_id, event_key, kind, language, recipient, subject, body_html, body_text,
                          attachment, status, attempts, last_error, next_attempt_at, created_at, sent_at)
SELECT id, customer_id, event_key, kind, language, recipient, subject, body_html, body_text,
       attachment, status, attempts, last_error, next_attempt_at, created_at, sent_at
FROM notification_v37;
DROP TABLE notification_v37;
CREATE INDEX notification_customer_idx ON notification (customer_id, created_at);
CREATE INDEX notification_due_idx ON notification (status, next_attempt_at);

-- Further addresses of a customer that get a kind of message as well as the customer's own (customers have no
-- contacts of their own): the warehouse manager for shipping news, a second accounts payable box for invoices.
CREATE TABLE notification_recipient (
    customer_id UUID         NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    email       VARCHAR(254) NOT NULL,
    PRIMARY KEY (customer_id, kind, email)
);

-- A customer's choices beyond the kinds: whether its invoice e-mails carry the UBL XML besides the PDF.
CREATE TABLE notification_setting (
    customer_id        UUID    PRIMARY KEY,
    wants_ubl_invoices BOOLEAN DEFAULT FALSE NOT NULL
);
