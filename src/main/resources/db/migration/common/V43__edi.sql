-- EDI: trading partners (a customer sending X12 or EDIFACT under its own sender id), every interchange as received
-- with its control numbers, and the documents read from it or sent for it (orders, acknowledgements).
CREATE TABLE edi_partner (
    id               UUID                     PRIMARY KEY,
    name             VARCHAR(200)             NOT NULL,
    customer_id      UUID                     NOT NULL,
    standard         VARCHAR(10)              NOT NULL CHECK (standard IN ('X12', 'EDIFACT')),
    sender_qualifier VARCHAR(4),
    sender_id        VARCHAR(35)              NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT edi_partner_sender UNIQUE (standard, sender_id)
);

-- A partner's own item codes (qualified BP or IN in its orders) and the SKU each stands for.
CREATE TABLE edi_partner_item (
    partner_id   UUID         NOT NULL REFERENCES edi_partner (id),
    partner_code VARCHAR(48)  NOT NULL,
    sku          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (partner_id, partner_code)
);

-- An interchange is stored as received, parsed or not; (standard, sender_id, control_number) is unique, so a re-sent
-- interchange is recognised and answered with the acknowledgement it got the first time.
CREATE TABLE edi_interchange (
    id               UUID                     PRIMARY KEY,
    standard         VARCHAR(10)              NOT NULL,
    partner_id       UUID,
    sender_qualifier VARCHAR(4),
    sender_id        VARCHAR(35),
    receiver_id      VARCHAR(35),
    control_number   VARCHAR(35),
    status           VARCHAR(16)              NOT NULL
        CHECK (status IN ('RECEIVED', 'ACCEPTED', 'PARTIAL', 'ATTENTION', 'REJECTED')),
    raw              TEXT                     NOT NULL,
    errors           TEXT,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    received_by      VARCHAR(100)             NOT NULL,
    CONSTRAINT edi_interchange_once UNIQUE (standard, sender_id, control_number)
);
CREATE INDEX edi_interchange_received_idx ON edi_interchange (received_at);

-- The documents of an interchange: IN for a purchase order read from it, OUT for what Ordo sent back (997, 855,
-- CONTRL, ORDRSP) with its raw text.
CREATE TABLE edi_document (
    id              UUID                     PRIMARY KEY,
    interchange_id  UUID                     NOT NULL REFERENCES edi_interchange (id),
    direction       VARCHAR(3)               NOT NULL CHECK (direction IN ('IN', 'OUT')),
    kind            VARCHAR(10)              NOT NULL,
    position        INTEGER,
    control_number  VARCHAR(35),
    reference       VARCHAR(100),
    status          VARCHAR(16)              NOT NULL
        CHECK (status IN ('PLACED', 'ATTENTION', 'REJECTED', 'SENT', 'IGNORED')),
    order_id        UUID,
    raw             TEXT,
    errors          TEXT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX edi_document_interchange_idx ON edi_document (interchange_id, created_at);

-- The lines of an inbound order as the partner sent them, each with what Ordo made of it.
CREATE TABLE edi_document_line (
    document_id  UUID          NOT NULL REFERENCES edi_document (id),
    line_number  INTEGER       NOT NULL,
    partner_line VARCHAR(20),
    qualifier    VARCHAR(4),
    item_code    VARCHAR(48),
    quantity     BIGINT        NOT NULL,
    sku          VARCHAR(64),
    status       VARCHAR(16)   NOT NULL CHECK (status IN ('ACCEPTED', 'BACKORDERED', 'REJECTED', 'HELD')),
    error        VARCHAR(500),
    PRIMARY KEY (document_id, line_number)
);

-- Control numbers of what Ordo sends (ISA13/GS06/ST02, UNB 0020/UNH 0062): one counter for all partners.
CREATE SEQUENCE edi_control_number_seq START WITH 1 INCREMENT BY 1;
