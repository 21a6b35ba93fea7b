-- Quotations: offers to a customer, priced by the pricing rules and fixed when sent; an accepted one becomes an order.
-- Each revision keeps its own lines, so what was sent before a revision stays readable.
CREATE SEQUENCE quotation_number_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE quotation (
    id          UUID PRIMARY KEY,
    number      VARCHAR(32)   NOT NULL UNIQUE,
    customer_id UUID          NOT NULL,
    currency    VARCHAR(3)    NOT NULL,
    valid_until DATE          NOT NULL,
    note        VARCHAR(2000),
    status      VARCHAR(16)   NOT NULL,
    revision    INT           NOT NULL,
    total       NUMERIC(19, 4) NOT NULL,
    order_id    UUID,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE,
    decided_at  TIMESTAMP WITH TIME ZONE,
    version     BIGINT        NOT NULL
);

CREATE INDEX quotation_customer_idx ON quotation (customer_id, status);
CREATE INDEX quotation_status_idx ON quotation (status, valid_until);

CREATE TABLE quotation_line (
    quotation_id     UUID          NOT NULL REFERENCES quotation (id),
    revision         INT           NOT NULL,
    line_number      INT           NOT NULL,
    sku              VARCHAR(64)   NOT NULL,
    quantity         BIGINT        NOT NULL,
    discount_percent NUMERIC(7, 4),
    discount_amount  NUMERIC(19, 4),
    list_price       NUMERIC(19, 4) NOT NULL,
    unit_price       NUMERIC(19, 4) NOT NULL,
    PRIMARY KEY (quotation_id, revision, line_number)
);

-- A revision of a SENT quotation: when it was sent and at which validity, kept when the next revision replaces it.
CREATE TABLE quotation_revision (
    quotation_id UUID    NOT NULL REFERENCES quotation (id),
    revision     INT     NOT NULL,
    valid_until  DATE    NOT NULL,
    total        NUMERIC(19, 4) NOT NULL,
    sent_at      TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (quotation_id, revision)
);
