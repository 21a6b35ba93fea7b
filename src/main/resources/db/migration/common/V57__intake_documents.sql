-- Purchase orders received as a PDF or text file (uploaded, or read from a mailbox), kept as received with the text
-- read from them, and the draft order a sales rep checks before anything is placed.
CREATE TABLE intake_document (
    id                UUID PRIMARY KEY,
    file_name         VARCHAR(255)             NOT NULL,
    content_type      VARCHAR(100)             NOT NULL,
    content           BYTEA                    NOT NULL,
    sender            VARCHAR(320),
    subject           VARCHAR(500),
    message_id        VARCHAR(500) UNIQUE,
    extracted_text    TEXT                     NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    customer_id       UUID,
    customer_found_by VARCHAR(16),
    po_number         VARCHAR(100),
    note              VARCHAR(32),
    order_id          UUID,
    received_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT                   NOT NULL
);

CREATE INDEX intake_document_received_idx ON intake_document (received_at);

-- A line of the draft: the text it was read from, what it was matched to, how sure the match is and why.
CREATE TABLE intake_line (
    document_id UUID          NOT NULL REFERENCES intake_document (id),
    line_number INT           NOT NULL,
    raw_text    VARCHAR(1000) NOT NULL,
    sku         VARCHAR(64),
    quantity    BIGINT,
    unit_price  VARCHAR(32),
    confidence  NUMERIC(5, 4) NOT NULL,
    reason      VARCHAR(16)   NOT NULL,
    PRIMARY KEY (document_id, line_number)
);
